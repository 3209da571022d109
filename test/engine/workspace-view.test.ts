import * as assert from 'assert';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { classifyDocuments, documentData, lintPhase, quietOnViews } from '../../server/src/engine/lint';
import type { Kind } from '../../server/src/engine/types';
import { WorkspaceIndex, extractFacts } from '../../server/src/engine/workspace';
import { VIEW_PATHS, viewCovers, viewsOf } from '../../server/src/engine/workspace-view';
import { YamlSource } from '../../server/src/engine/yaml/source';
import { FIXTURE_TODAY, caseTexts, casesOf, ruleFolders } from '../support/fixtures';

/**
 * The CLI's phase 2 first runs the workspace rules on the views phase 1 kept (tasks.ts): when they say "quiet", the
 * file is not read again. That must never hide a finding: over every rule fixture and the examples, wherever the
 * views say quiet, the full workspace phase reports nothing.
 */

interface FileOutcome { file: string; kinds: string[]; quiet: boolean | undefined; workspaceFindings: number }

/** Both phases of every file of a case, as the CLI runs them, with the views' verdict beside the full phase's result. */
function phasesOf(texts: Map<string, string>, paths = VIEW_PATHS): FileOutcome[] {
  const files = [...texts].filter(([f]) => !f.endsWith('govspec.config.yaml'));
  const sources = new Map(files.map(([f, text]) => [f, new YamlSource(text)]));
  const index = new WorkspaceIndex();
  for (const [file, source] of sources) index.update(extractFacts(file, documentData(classifyDocuments(file, source))));
  return files.flatMap(([file, text]) => {
    const source = sources.get(file)!;
    const base = { file, text, config: DEFAULT_CONFIG, today: FIXTURE_TODAY, source };
    const part = lintPhase(base, { scope: 'file' });
    if (part.documents.length === 0) return [];
    const full = lintPhase({ ...base, index }, { scope: 'workspace', flagged: part.flagged, deferred: part.deferred });
    const views = viewsOf(part.documents.map((d) => ({ index: d.index, kind: d.kind as Kind, value: source.documents[d.index].value })), paths);
    const quiet = views && quietOnViews({ file, config: DEFAULT_CONFIG, today: FIXTURE_TODAY, index }, structuredClone(views), part.flagged, part.deferred, paths);
    return [{ file, kinds: part.documents.map((d) => d.kind), quiet, workspaceFindings: full.findings.length }];
  });
}

function allCases(): Map<string, string>[] {
  const cases = ruleFolders().flatMap((rule) => casesOf(rule)).map((c) => caseTexts(c.path));
  return [...cases, caseTexts(path.resolve(__dirname, '../../examples'))];
}

describe('workspace views: phase 2 without the text', function () {
  this.timeout(60_000);
  const outcomes = allCases().flatMap((texts) => phasesOf(texts));

  it('never quiet where the full workspace phase reports something', function () {
    const hidden = outcomes.filter((o) => o.quiet && o.workspaceFindings > 0);
    assert.deepStrictEqual(hidden, []);
  });

  for (const kind of ['Catalog', 'Service', 'SharingAgreement', 'Agency']) {
    it(`the fixtures exercise both verdicts on ${kind} files`, function () {
      const files = outcomes.filter((o) => o.kinds.every((k) => k === kind));
      assert.ok(files.some((o) => o.quiet), `some ${kind} file is quiet on its views`);
      assert.ok(files.some((o) => o.quiet === false && o.workspaceFindings > 0), `some ${kind} file with workspace findings is sent back`);
    });
  }

  it('a rule reading outside the view sends the file back instead of reading nothing', function () {
    // Without `related` in the view, catalog/related-exists reads outside it at every resource, listed or not.
    const narrow = { ...VIEW_PATHS, Catalog: VIEW_PATHS.Catalog!.filter((p) => !p.includes('related')) };
    const texts = caseTexts(path.resolve(__dirname, '../../examples'));
    const quiet = phasesOf(texts).filter((o) => o.quiet && o.kinds.includes('Catalog')).map((o) => o.file);
    assert.ok(quiet.length > 0);
    const narrowed = phasesOf(texts, narrow).filter((o) => quiet.includes(o.file));
    assert.deepStrictEqual(narrowed.map((o) => [o.file, o.quiet]), quiet.map((file) => [file, false]));
  });

  it('kinds without a view take the full phase', function () {
    assert.strictEqual(viewsOf([{ index: 0, kind: 'SharingAgreement', value: { id: 'x' } }], { Catalog: VIEW_PATHS.Catalog }), undefined);
  });

  it('a view of everything is the document itself, and covers every read', function () {
    const value = { id: 'GXXY1', provider: { uscc: 'X' }, resources: [{ code: 'A', items: ['n'] }] };
    assert.deepStrictEqual(viewsOf([{ index: 0, kind: 'SharingAgreement', value }])![0].value, value);
    assert.ok(viewCovers('SharingAgreement', ['resources', 0, 'items', 0]) && viewCovers('Agency', []));
  });

  it('a view keeps array lengths, own __proto__ keys and values under its paths whole', function () {
    const value = JSON.parse('{"provider":{"uscc":"X","name":"N","extra":1},"resources":[{"code":"A","related":["B"],"name":"n"},"odd",{"__proto__":{"code":1},"code":{"deep":[1]}}],"title":"t"}');
    const [view] = viewsOf([{ index: 0, kind: 'Catalog', value }])!;
    assert.deepStrictEqual(JSON.stringify(view.value), JSON.stringify({
      provider: { uscc: 'X', name: 'N' },
      resources: [{ code: 'A', related: ['B'] }, 'odd', { code: { deep: [1] } }],
    }));
    assert.ok(!Object.prototype.hasOwnProperty.call(Object.getPrototypeOf((view.value as { resources: object[] }).resources[2]), 'code'));
  });

  it('covers the paths of the view, their prefixes and what lies under them, nothing else', function () {
    const covers = (p: (string | number)[]) => viewCovers('Catalog', p);
    assert.ok(covers([]) && covers(['resources']) && covers(['resources', 3]) && covers(['resources', 3, 'code']));
    assert.ok(covers(['resources', 3, 'related', 0]) && covers(['provider', 'uscc']) && covers(['resources', 3, 'code', 'x']));
    assert.ok(!covers(['resources', 3, 'name']) && !covers(['title']) && !covers(['provider', 'level']));
    assert.ok(!viewCovers('Agency', ['uscc'], { Catalog: VIEW_PATHS.Catalog }));
  });
});
