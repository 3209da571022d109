import * as assert from 'assert';
import * as path from 'path';
import { WorkspaceIndex, changedLookups } from '../../server/src/engine/workspace';
import type { FileFacts } from '../../server/src/engine/workspace';
import { indexText } from '../../server/src/engine/workspace-lint';
import { exampleTexts } from '../support/examples';


/** Everything a query can see, in a stable order. */
function snapshot(index: WorkspaceIndex): string {
  const ids = (facts: Iterable<{ file: string; path: readonly (string | number)[] }>) => [...facts].map((f) => `${f.file}#${f.path.join('.')}`).sort();
  const refs = [...index.allFiles()].flatMap((file) => (index.factsOf(file) as FileFacts).references)
    .map((r) => `${r.kind}:${r.target}:${index.references(r.kind, r.target).length}`).sort();
  return JSON.stringify({
    agencies: ids(index.allAgencies()), resources: ids(index.allResources()), agreements: ids(index.allAgreements()), services: ids(index.allServices()), refs,
    search: index.search('resource', '信息').map((f) => f.file).sort(),
  });
}

describe('workspace index: tables patched per file equal tables built from scratch', () => {
  it('after a seeded series of edits, renames and removals', () => {
    const texts = exampleTexts();
    const files = [...texts.keys()];
    const live = new WorkspaceIndex();
    for (const [file, text] of texts) indexText(live, file, text);
    snapshot(live); // builds the tables, so every later change is a patch
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const current = new Map(texts);
    for (let step = 0; step < 60; step++) {
      const file = files[Math.floor(next() * files.length)];
      const roll = next();
      if (roll < 0.2) {
        live.remove(file);
        current.delete(file);
      } else if (roll < 0.4) {
        // The same document under another name: a duplicate of everything it defines.
        const copy = `copies/${step}-${path.basename(file)}`;
        indexText(live, copy, texts.get(file)!);
        current.set(copy, texts.get(file)!);
      } else {
        const text = texts.get(file)!.replace(/GA-MZ-2025-001/g, `GA-MZ-${step}`).replace(/居民户籍信息/g, `居民信息${step}`);
        indexText(live, file, text);
        current.set(file, text);
      }
      const fresh = new WorkspaceIndex();
      for (const [f, t] of current) indexText(fresh, f, t);
      assert.strictEqual(snapshot(live), snapshot(fresh), `after step ${step} on ${file}`);
    }
  });

  it('names the services of an agreement\'s consumer among its dependents', () => {
    const index = new WorkspaceIndex();
    for (const [file, text] of exampleTexts()) indexText(index, file, text);
    const dependents = index.dependentsOf('agreements/market-entities-for-hr.agreement.yaml');
    assert.ok(dependents.has('services/unemployment-registration.service.yaml'), [...dependents].join(', '));
  });

  it('records the look-ups a piece of work makes, sees through memos, and replays each look-up\'s answer', () => {
    const index = new WorkspaceIndex();
    for (const [file, text] of exampleTexts()) indexText(index, file, text);
    const code = [...index.resourceCodes()][0];
    const first = index.recordLookups(() => index.memo('test table', () => index.resources(code).length + [...index.allAgreements()].length));
    assert.deepStrictEqual(first.lookups, [`resources\u0000${code}`, 'allAgreements']);
    // Built once; a later asker is recorded as depending on what building it read.
    const again = index.recordLookups(() => { index.hasAgencies(); return index.memo('test table', () => -1); });
    assert.strictEqual(again.result, first.result);
    assert.deepStrictEqual(again.lookups, ['hasAgencies', `resources\u0000${code}`, 'allAgreements']);
    assert.deepStrictEqual(index.answerOf(`resources\u0000${code}`), index.resources(code));
    assert.deepStrictEqual(index.answerOf('allAgreements'), [...index.allAgreements()]);
    assert.strictEqual(index.answerOf('hasAgencies'), true);
    // An argument holding NUL is one argument; `references` has two.
    assert.deepStrictEqual(index.answerOf('resources\u0000a\u0000b'), []);
    const ref = [...index.allFiles()].flatMap((f) => index.factsOf(f)!.references)[0];
    assert.deepStrictEqual(index.answerOf(`references\u0000${ref.kind}\u0000${ref.target}`), index.references(ref.kind, ref.target));
  });
});

describe('workspace index: changedLookups names every look-up a change of one file can answer otherwise', () => {
  const LINE = /^(\s*(?:- )?)([A-Za-z]+): (\S.*)$/;
  const indexOf = (texts: ReadonlyMap<string, string>) => {
    const index = new WorkspaceIndex();
    for (const [file, text] of texts) indexText(index, file, text);
    return index;
  };
  /** Every look-up some file's facts answer, in either index, and the table-wide ones. */
  const universe = (...indexes: WorkspaceIndex[]) => {
    const keys = new Set(['hasAgencies', 'allAgencies', 'allResources', 'resourceCodes', 'allAgreements', 'allServices']);
    for (const index of indexes) for (const file of index.allFiles()) changedLookups(undefined, index.factsOf(file), keys);
    return keys;
  };
  const answer = (index: WorkspaceIndex, key: string) => JSON.stringify(index.answerOf(key));

  it('after seeded edits of codes, names, ids and consumers, copies and deletions, every other look-up answers the same', () => {
    let seed = 16;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let texts = exampleTexts();
    let changedSomething = 0;
    for (let step = 0; step < 40; step++) {
      const files = [...texts.keys()];
      const file = files[Math.floor(next() * files.length)];
      const after = new Map(texts);
      const roll = next();
      if (roll < 0.15) after.delete(file);
      else if (roll < 0.3) after.set(file.replace(/\.yaml$/, `-copy${step}.yaml`), texts.get(file)!);
      else {
        const lines = texts.get(file)!.split('\n');
        const at = lines.flatMap((line, i) => (LINE.test(line) ? [i] : []));
        if (at.length === 0) continue;
        const i = at[Math.floor(next() * at.length)];
        const [, indent, key, value] = LINE.exec(lines[i])!;
        const others = [...texts.values()].flatMap((t) => t.split('\n').flatMap((l) => { const m = LINE.exec(l); return m && m[2] === key ? [m[3]] : []; }));
        lines[i] = `${indent}${key}: ${roll < 0.65 ? others[Math.floor(next() * others.length)] : `${value}${step}`}`;
        after.set(file, lines.join('\n'));
      }
      const before = indexOf(texts);
      const now = indexOf(after);
      const changed = new Set<string>();
      for (const f of new Set([...before.allFiles(), ...now.allFiles()])) {
        if (texts.get(f) !== after.get(f)) changedLookups(before.factsOf(f), now.factsOf(f), changed);
      }
      for (const key of universe(before, now)) {
        const same = answer(before, key) === answer(now, key);
        if (!changed.has(key)) assert.ok(same, `step ${step} (${file}): ${key.split('\u0000').join(' ')} answers otherwise but is not named`);
        else if (!same) changedSomething++;
      }
      texts = after;
    }
    // The edits did change answers (so the check above had something to miss).
    assert.ok(changedSomething > 10, `${changedSomething} changed answers`);
  });

  it('is empty for the same facts, and names a renamed resource\'s code and the table-wide look-ups', () => {
    const texts = exampleTexts();
    const index = indexOf(texts);
    const catalog = [...index.allFiles()].find((f) => index.factsOf(f)!.resources.length > 0)!;
    const facts = index.factsOf(catalog)!;
    assert.deepStrictEqual([...changedLookups(facts, facts)], []);
    const code = facts.resources[0].code;
    const renamed = indexOf(new Map([[catalog, texts.get(catalog)!.replace(/^( {4}name: )(.+)$/m, '$1$2（改）')]]));
    const changed = changedLookups(facts, renamed.factsOf(catalog));
    assert.ok(changed.has(`resources\u0000${code}`) && changed.has('allResources'), [...changed].join(', '));
    assert.ok(!changed.has('resourceCodes'), 'the codes are the same');
  });
});
