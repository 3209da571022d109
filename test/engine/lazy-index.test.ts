import * as assert from 'assert';
import { WorkspaceIndex, lookupsOf } from '../../server/src/engine/workspace';
import { indexText } from '../../server/src/engine/workspace-lint';
import { exampleTexts } from '../support/examples';

/**
 * A lazy index (what a warm `--cache` run builds, `WorkspaceIndex.lazy`) answers every look-up exactly as an index of
 * every file, in any order of asking, while it fetches only the files a look-up's answer is made of.
 */


/** The examples, and copies of some under names that sort before and after them: identities defined several times. */
function workspace(): WorkspaceIndex {
  const texts = exampleTexts();
  const full = new WorkspaceIndex();
  const files = [...texts.keys()];
  files.forEach((file, i) => {
    if (i % 3 === 0) indexText(full, `a-copy/${file}`, texts.get(file)!);
    indexText(full, file, texts.get(file)!);
    if (i % 4 === 1) indexText(full, `z-copy/${file}`, texts.get(file)!.replace(/^name: (.+)$/m, 'name: $1（副本）'));
  });
  return full;
}

function lazyOf(full: WorkspaceIndex, fetched: string[], withCodes = false): WorkspaceIndex {
  const directory = new Map<string, string[]>();
  for (const file of full.allFiles()) {
    for (const lookup of lookupsOf(full.factsOf(file))) directory.set(lookup, [...directory.get(lookup) ?? [], file]);
  }
  // Listed out of order: the index must put the answers back in the full index's order.
  return WorkspaceIndex.lazy({
    files: [...full.allFiles()],
    contributors: (lookup) => [...directory.get(lookup) ?? []].reverse(),
    facts: (file) => {
      fetched.push(file);
      return full.factsOf(file);
    },
    // What the CLI's key directory keeps: each file's resource codes, listed in file order.
    resourceCodes: withCodes ? () => new Set([...full.allFiles()].flatMap((file) => full.factsOf(file)!.resources.map((r) => r.code))) : undefined,
  });
}

describe('workspace index: a lazy index answers as the full one', () => {
  it('every look-up, asked in seeded random orders, answers what the index of every file answers', () => {
    const full = workspace();
    const lookups = new Set(['hasAgencies', 'resources\u0000nowhere', 'references\u0000agency\u0000NOWHERE', 'isReportedIdentity\u0000resource\u0000x']);
    for (const file of full.allFiles()) for (const lookup of lookupsOf(full.factsOf(file))) lookups.add(lookup);
    const all = [...lookups];
    assert.ok(all.length > 30, `${all.length} look-ups`);
    let seed = 16;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 5; round++) {
      const order = all.map((lookup) => ({ lookup, at: next() })).sort((a, b) => a.at - b.at).map((x) => x.lookup);
      // A table-wide look-up midway in some rounds: the lazy index becomes a full one and must still agree.
      if (round % 2 === 1) order.splice(Math.floor(order.length / 2), 0, 'resourceCodes', 'allResources');
      const fetched: string[] = [];
      const lazy = lazyOf(full, fetched);
      for (const lookup of order) {
        assert.deepStrictEqual(lazy.answerOf(lookup), full.answerOf(lookup), `round ${round}: ${lookup.split('\u0000').join(' ')}`);
      }
      assert.strictEqual(new Set(fetched).size, fetched.length, 'each file fetched once');
    }
  });

  it('fetches only the files in a per-key look-up\'s answer, and every file for a table-wide one', () => {
    const full = workspace();
    const catalog = [...full.allFiles()].find((file) => !file.includes('copy') && full.factsOf(file)!.resources.length > 0)!;
    const code = full.factsOf(catalog)!.resources[0].code;
    const definers = [...full.allFiles()].filter((file) => full.factsOf(file)!.resources.some((r) => r.code === code));
    assert.ok(definers.length >= 2, `${code} is defined by ${definers.join(', ')}`);
    const fetched: string[] = [];
    const lazy = lazyOf(full, fetched);
    assert.deepStrictEqual(lazy.resources(code).map((r) => r.file), full.resources(code).map((r) => r.file));
    assert.deepStrictEqual(fetched.sort(), [...definers].sort());
    assert.deepStrictEqual([...lazy.resourceCodes()], [...full.resourceCodes()]);
    assert.strictEqual(new Set(fetched).size, full.size);

    // With the codes at hand, listing them fetches nothing more.
    const fewer: string[] = [];
    const withCodes = lazyOf(full, fewer, true);
    assert.deepStrictEqual(withCodes.recordLookups(() => [...withCodes.resourceCodes()]), { result: [...full.resourceCodes()], lookups: ['resourceCodes'] });
    assert.deepStrictEqual(withCodes.resources(code).map((r) => r.file), full.resources(code).map((r) => r.file));
    assert.deepStrictEqual(fewer.sort(), [...definers].sort());
  });
});
