import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TODAY, Workspace, ensureBuilt, initialised } from '../cli/harness';
import type { CliResult } from '../cli/harness';

/**
 * Issue 7: a corrupt or stale `--cache` (lint/cache.ts) is detected and rebuilt, and the results equal a cold run:
 * entries truncated, overwritten with garbage, emptied, of another cache format, from another tool version (an
 * entry's `runKey` hashes the version, the rule set, the config and today), from another `--today`, another config.
 */

const CACHE = '.govspec-cache';

type Entry = Record<string, unknown>;

describe('reliability: a corrupt or stale --cache', function () {
  this.timeout(300_000);
  let ws: Workspace;

  before(function () {
    ensureBuilt();
  });

  beforeEach(() => {
    ws = initialised();
    // Findings of both phases, one with a related location in another file, and a fixable one.
    const service = ws.read('example.service.yaml');
    ws.write({
      'more/copy.service.yaml': service.replace('type: "01"', 'type: 01'),
      'more/other.service.yaml': service.replace('511302000117004000001', '511302000117004990001').replace('statutoryLimit: { value: 10', 'statutoryLimit: { value: 1'),
    });
  });
  afterEach(() => ws?.cleanup());

  const lint = (extra: string[] = [], today = TODAY): CliResult => ws.run(['lint', '--today', today, '-f', 'json', '--no-progress', ...extra]);
  const entries = () => readdirSync(ws.path(CACHE)).filter((n) => n.endsWith('.json')).sort();
  const entryPath = (name: string) => join(ws.path(CACHE), name);
  const readEntry = (name: string) => JSON.parse(readFileSync(entryPath(name), 'utf8')) as Entry;
  const same = (a: CliResult, b: CliResult, why: string) => {
    assert.equal(a.status, b.status, `${why}: exit ${a.status}, cold ${b.status}\n${a.stderr}`);
    assert.equal(a.stderr, b.stderr, why);
    assert.deepEqual(JSON.parse(a.stdout), JSON.parse(b.stdout), why);
  };

  /** Every entry is whole again and usable: a second cached run equals the cold run too. */
  const rebuilt = (cold: CliResult, why: string) => {
    for (const name of entries()) {
      const e = readEntry(name);
      assert.equal(e.format, 'govspec-cache/4', `${why}: ${name} rewritten`);
    }
    same(lint(['--cache']), cold, `${why}, then cached again`);
  };

  const corruptions: [string, (name: string, i: number) => void][] = [
    ['truncated', (name) => truncateSync(entryPath(name), Math.floor(readFileSync(entryPath(name)).length / 2))],
    ['empty', (name) => truncateSync(entryPath(name), 0)],
    ['garbage bytes', (name, i) => writeFileSync(entryPath(name), Buffer.from(Array.from({ length: 300 }, (_, k) => (k * 37 + i * 11) % 256)))],
    ['valid JSON of another shape', (name, i) => writeFileSync(entryPath(name), JSON.stringify([null, 'x', { format: i }]))],
    ['JSON null', (name) => writeFileSync(entryPath(name), 'null')],
    ['another cache format', (name) => writeFileSync(entryPath(name), JSON.stringify({ ...readEntry(name), format: 'govspec-cache/0' }))],
    ['another tool version (runKey)', (name) => writeFileSync(entryPath(name), JSON.stringify({ ...readEntry(name), runKey: '0'.repeat(40) }))],
    ['another file\'s entry under this name', (name, i) => {
      const all = entries();
      writeFileSync(entryPath(name), readFileSync(entryPath(all[(i + 1) % all.length])));
    }],
  ];

  for (const [what, corrupt] of corruptions) {
    it(`${what}: detected, rebuilt, results equal a cold run`, () => {
      const cold = lint();
      assert.equal(cold.status, 1, cold.stderr);
      same(lint(['--cache']), cold, 'first cached run');
      const names = entries();
      assert.ok(names.length >= 6, `one entry per file: ${names.join(', ')}`);
      // Another file's entry is read in the loop above: copy first, then corrupt the rest.
      names.forEach((name, i) => corrupt(name, i));
      same(lint(['--cache']), cold, what);
      rebuilt(cold, what);
    });
  }

  // Found here: an entry was checked by its keys only; entries now carry a checksum of their content.
  it('an entry whose keys are intact but whose content is not: a miss, results equal a cold run', () => {
    const cold = lint();
    lint(['--cache']);
    for (const name of entries()) {
      const e = readEntry(name) as { lint?: { findings: unknown }; facts?: unknown };
      if (e.lint) e.lint.findings = 'x';
      e.facts = 7;
      writeFileSync(entryPath(name), JSON.stringify(e));
    }
    same(lint(['--cache']), cold, 'keys intact, content not');
    rebuilt(cold, 'keys intact, content not');
  });

  it('the packed facts damaged or gone: read again from the files when the index is needed, then rewritten', () => {
    lint(['--cache']);
    const packLines = () => readFileSync(entryPath('index.pack'), 'utf8').split('\n').filter((line) => line.includes('\t'));
    const files = packLines().map((line) => JSON.parse(line.split('\t')[0]) as string).sort();
    assert.ok(files.length >= 6, files.join(', '));
    // Of each three lines one is dropped, one cut short, one has a character changed in its facts.
    const [header, ...lines] = readFileSync(entryPath('index.pack'), 'utf8').split('\n');
    const damaged = lines.filter((line) => line !== '').flatMap((line, i) => i % 3 === 0 ? [] : i % 3 === 1 ? [line.slice(0, 60)] : [line.replace(/"(?=[^\t]*$)/, "'")]);
    writeFileSync(entryPath('index.pack'), [header, ...damaged, ''].join('\n'));
    // A changed service name changes its facts, so every file is checked against a new index.
    const service = ws.read('example.service.yaml');
    ws.write({ 'example.service.yaml': service.replace(/^name: (.*)$/m, 'name: $1（新）') });
    const cold = lint();
    same(lint(['--cache']), cold, 'damaged facts');
    assert.deepEqual(packLines().map((line) => JSON.parse(line.split('\t')[0]) as string).sort(), files, 'every file\'s facts written again');
    ws.write({ 'example.service.yaml': service });
    same(lint(['--cache']), lint(), 'and read again');
    rmSync(entryPath('index.pack'));
    ws.write({ 'example.service.yaml': service.replace(/^name: (.*)$/m, 'name: $1（再）') });
    same(lint(['--cache']), lint(), 'the pack gone');
  });

  it('a cache from another day or another config is not used', () => {
    same(lint(['--cache']), lint(), 'warm');
    const otherDay = '2031-06-01';
    same(lint(['--cache'], otherDay), lint([], otherDay), 'another --today (the template agreement has expired by then)');
    assert.notDeepEqual(JSON.parse(lint([], otherDay).stdout), JSON.parse(lint().stdout), 'the day changes the findings');
    ws.write({ 'govspec.config.yaml': ws.read('govspec.config.yaml').replace('extends: recommended', 'extends: strict') });
    same(lint(['--cache']), lint(), 'another config');
    ws.write({ 'more/copy.service.yaml': ws.read('more/copy.service.yaml').replace('type: 01', 'type: "01"') });
    same(lint(['--cache']), lint(), 'an edited file');
  });
});
