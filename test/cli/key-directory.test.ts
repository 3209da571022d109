import * as assert from 'assert';
import { KeyDirectory } from '../../server/src/cli/lint/key-directory';
import type { DirectoryEntry } from '../../server/src/cli/lint/key-directory';
import { seededRandom as random } from '../support/seeded';

/**
 * The key directory of a warm `--cache` run (`index.keys`): which files give part of each look-up's answer, found by
 * a binary search of its bytes, patched by copying every line but the look-ups whose files changed.
 */


// Look-ups as `lookupKey` writes them (NUL-joined), with characters JSON escapes and that sort apart in UTF-16 and UTF-8.
const LOOKUPS = ['hasAgencies', 'resources\u0000114050-0000057', 'resources\u00001140500000057', 'references\u0000agency\u000011510000485828622N',
  'agreements\u0000GA-"q"-1', 'services\u0000服务\t1', 'services\u0000\u{1F600}', 'services\u0000\uFFFD', 'agencies\u0000A\\B', 'agreementsTo\u0000x'];
const FILES = ['a.catalog.yaml', 'b/c.service.yaml', 'd "quoted".agreement.yaml', '目录/e.catalog.yaml', 'tab\tname.agency.yaml'];

const CODES = ['1', '2', '114050-0000057', '"', '码'];

function randomEntry(next: () => number): DirectoryEntry {
  return { lookups: LOOKUPS.filter(() => next() < 0.4), codes: CODES.filter(() => next() < 0.3) };
}

function randomFacts(next: () => number): Map<string, DirectoryEntry> {
  const byFile = new Map<string, DirectoryEntry>();
  for (const file of FILES) byFile.set(file, randomEntry(next));
  return byFile;
}

function expected(byFile: ReadonlyMap<string, DirectoryEntry>, lookup: string): string[] {
  return [...byFile].filter(([, entry]) => entry.lookups.includes(lookup)).map(([file]) => file).sort();
}

const NOTHING: DirectoryEntry = { lookups: [], codes: [] };

describe('cli: --cache key directory', () => {
  it('finds every look-up\'s files, and none for a look-up it does not hold, after seeded patches', () => {
    const next = random(16);
    let byFile = randomFacts(next);
    let built = KeyDirectory.build(byFile);
    let directory = KeyDirectory.of(built.text, built.sum)!;
    for (let step = 0; step < 30; step++) {
      for (const lookup of [...LOOKUPS, 'resources\u0000absent', '', 'zzz']) {
        assert.deepStrictEqual(directory.filesOf(lookup).sort(), expected(byFile, lookup), `step ${step}: ${JSON.stringify(lookup)}`);
      }
      assert.deepStrictEqual(directory.resourceCodes(), new Map([...byFile].filter(([, entry]) => entry.codes.length > 0).map(([file, entry]) => [file, [...entry.codes]])), `step ${step}: codes`);
      // Some files change their look-ups, one may go, one may come.
      const after = new Map(byFile);
      for (const file of FILES) if (next() < 0.3) after.set(file, randomEntry(next));
      if (next() < 0.3) after.delete(FILES[Math.floor(next() * FILES.length)]);
      const changes = new Map<string, { before: DirectoryEntry; after: DirectoryEntry }>();
      for (const file of FILES) {
        const was = byFile.get(file) ?? NOTHING;
        const now = after.get(file) ?? NOTHING;
        if (JSON.stringify(was) !== JSON.stringify(now)) changes.set(file, { before: was, after: now });
      }
      const patched = directory.patched(changes);
      if (patched === undefined) {
        const same = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();
        assert.ok([...changes.values()].every((c) => same(c.before.lookups, c.after.lookups) && c.before.codes.join() === c.after.codes.join()), `step ${step}: something moved`);
      } else {
        // The same lines as a directory made from scratch of the new look-ups.
        const fresh = KeyDirectory.build(after);
        const lines = (text: Buffer) => text.toString('utf8').split('\n').slice(1).map((line) => line.split('\t').map((cell, i) => (i === 0 ? cell : JSON.parse(cell) as string)));
        const sorted = (text: Buffer) => lines(text).map(([key, ...files]) => [key, ...files.sort()].join('\t'));
        assert.deepStrictEqual(sorted(patched.text), sorted(fresh.text), `step ${step}`);
        directory = KeyDirectory.of(patched.text, patched.sum)!;
        built = patched;
      }
      byFile = after;
    }
  });

  it('is not used when its bytes are not those its state names', () => {
    const built = KeyDirectory.build(new Map([['a.catalog.yaml', { lookups: ['resources\u00001'], codes: ['1'] }]]));
    assert.ok(KeyDirectory.of(built.text, built.sum));
    const damaged = Buffer.from(built.text);
    damaged[damaged.length - 3] ^= 1;
    assert.strictEqual(KeyDirectory.of(damaged, built.sum), undefined);
    assert.strictEqual(KeyDirectory.of(undefined, built.sum), undefined);
    assert.strictEqual(KeyDirectory.of(built.text, '0'.repeat(40)), undefined);
  });
});
