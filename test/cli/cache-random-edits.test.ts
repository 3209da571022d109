import * as assert from 'assert';
import { cpSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Workspace, ensureBuilt } from './harness';
import { seededRandom as random } from '../support/seeded';

/**
 * Issue 16: a warm rerun keeps a file's cross-file findings when every look-up they made in the index answers the
 * same, so the report after any edit must be the cold run's, byte for byte. Seeded random edits of the examples: a
 * value swapped for another file's value under the same key (codes, names, agreement ids: what references follow),
 * a value changed, a line dropped, a file copied under a new name or deleted.
 */

const LINT = ['lint', '-f', 'json', '--today', '2026-06-01', '--no-progress'];


const SCALAR_LINE = /^(\s*(?:- )?)([A-Za-z]+): (\S.*)$/;

function documentsOf(ws: Workspace): string[] {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (name === '.govspec-cache') return [];
    return statSync(full).isDirectory() ? walk(full) : /\.(service|catalog|agreement|agency)\.yaml$/.test(name) ? [relative(ws.root, full)] : [];
  });
  return walk(ws.root).sort();
}

/** Applies one random edit; returns what it did, for the failure message. */
function randomEdit(ws: Workspace, next: () => number, step: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const files = documentsOf(ws);
  const file = pick(files);
  const lines = ws.read(file).split('\n');
  const scalars = lines.flatMap((line, i) => (SCALAR_LINE.test(line) ? [i] : []));
  const kind = next();
  if (kind < 0.45 && scalars.length > 0) {
    const at = pick(scalars);
    const [, indent, key] = SCALAR_LINE.exec(lines[at])!;
    const others = files.flatMap((f) => ws.read(f).split('\n').flatMap((line) => {
      const m = SCALAR_LINE.exec(line);
      return m && m[2] === key ? [m[3]] : [];
    }));
    const value = pick(others);
    lines[at] = `${indent}${key}: ${value}`;
    ws.write({ [file]: lines.join('\n') });
    return `${file}:${at + 1} ${key} ← ${value}`;
  }
  if (kind < 0.65 && scalars.length > 0) {
    const at = pick(scalars);
    lines[at] = lines[at].replace(/(\S)\s*$/, `$1${step}`);
    ws.write({ [file]: lines.join('\n') });
    return `${file}:${at + 1} changed to ${lines[at].trim()}`;
  }
  if (kind < 0.75 && scalars.length > 0) {
    const at = pick(scalars);
    lines.splice(at, 1);
    ws.write({ [file]: lines.join('\n') });
    return `${file}:${at + 1} dropped`;
  }
  if (kind < 0.9) {
    const copy = file.replace(/(\.\w+\.yaml)$/, `-copy${step}$1`);
    ws.write({ [copy]: ws.read(file) });
    return `${file} copied to ${copy}`;
  }
  if (files.length < 4) return 'nothing';
  rmSync(ws.path(file));
  return `${file} deleted`;
}

describe('cli: --cache under random edits (warm report equals cold report)', function () {
  this.timeout(300_000);
  before(ensureBuilt);

  // Seed 1616 makes two edits before each warm run: two files' facts changed at once, or one file's twice.
  for (const [seed, perRun] of [[16, 1], [1601, 1], [1616, 2]]) {
    it(`seed ${seed}: after each of 10 runs of ${perRun} edit(s), the warm run writes the cold run's report`, function () {
      const ws = new Workspace();
      try {
        cpSync(resolve(__dirname, '../../examples'), ws.root, { recursive: true });
        const next = random(seed);
        ws.run([...LINT, '--cache']);
        const done: string[] = [];
        for (let step = 1; step <= 10; step++) {
          for (let edit = 0; edit < perRun; edit++) done.push(randomEdit(ws, next, perRun === 1 ? step : step * 10 + edit));
          const warm = ws.run([...LINT, '--cache']);
          const cold = ws.run(LINT);
          assert.strictEqual(warm.stdout, cold.stdout, `after: ${done.join('; ')}`);
          assert.strictEqual(warm.status, cold.status);
        }
      } finally {
        ws.cleanup();
      }
    });
  }

  /**
   * The six edits the benchmark measures (bench/figures/warm-edits.ts), then a config edit and a renamed file, one
   * after another: each warm run starts from the cache the last one left, as on a developer's machine.
   */
  it('after each kind of edit the benchmark measures, a config edit and a rename, the warm run writes the cold run\'s report', function () {
    const ws = new Workspace();
    try {
      cpSync(resolve(__dirname, '../../examples'), ws.root, { recursive: true });
      const edit = (file: string, from: RegExp, to: string) => {
        const text = ws.read(file);
        assert.match(text, from, `${file} has ${String(from)}`);
        ws.write({ [file]: text.replace(from, to) });
      };
      const service = 'services/household-migration.service.yaml';
      const catalog = 'catalogs/public-security.catalog.yaml';
      const agreement = 'agreements/household-data-for-market.agreement.yaml';
      const edits: [string, () => void][] = [
        ['a non-fact edit', () => edit(service, /^place: (.+)$/m, 'place: $1（二楼）')],
        ['a service name', () => edit(service, /^name: (.+)$/m, 'name: $1（变更）')],
        ['a resource name', () => edit(catalog, /^( {4}name: )(.+)$/m, '$1$2（变更）')],
        ['a resource code an agreement names', () => edit(catalog, /^( {2}- code: )"?1010100001\/00001"?$/m, '$1"1010100001/00901"')],
        ['a new agreement', () => ws.write({ 'agreements/added.agreement.yaml': ws.read(agreement).replace(/^id: (.+)$/m, 'id: $1-N') })],
        ['a deleted catalogue', () => rmSync(ws.path('catalogs/market-regulation.catalog.yaml'))],
        ['the resource code back', () => edit(catalog, /1010100001\/00901/, '1010100001/00001')],
        ['a config edit', () => edit('govspec.config.yaml', /workdays: 10/, 'workdays: 3')],
        ['a renamed file', () => renameSync(ws.path(agreement), ws.path('agreements/renamed.agreement.yaml'))],
        ['a rule turned off', () => edit('govspec.config.yaml', /^rules:$/m, 'rules:\n  service/resubmitted-shared-data: off')],
      ];
      ws.run([...LINT, '--cache']);
      for (const [what, apply] of edits) {
        apply();
        const warm = ws.run([...LINT, '--cache']);
        const cold = ws.run(LINT);
        assert.strictEqual(warm.stdout, cold.stdout, `after ${what}`);
        assert.strictEqual(warm.status, cold.status, `after ${what}`);
      }
    } finally {
      ws.cleanup();
    }
  });

  it('a file rewritten in place at the same size, its modification time put back as closely as utimes can, is read again', function () {
    const ws = new Workspace();
    try {
      cpSync(resolve(__dirname, '../../examples'), ws.root, { recursive: true });
      // Files changed in the last seconds are always read; let the copies settle so that their stat is trusted.
      const settle = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_500);
      settle();
      const before = ws.run([...LINT, '--cache']);
      const file = 'catalogs/public-security.catalog.yaml';
      const { atime, mtime } = statSync(ws.path(file));
      const text = ws.read(file);
      assert.match(text, /1010100001\/00001/);
      ws.write({ [file]: text.replace('1010100001/00001', '1010100001/00009') });
      utimesSync(ws.path(file), atime, mtime);
      settle();
      const warm = ws.run([...LINT, '--cache']);
      const cold = ws.run(LINT);
      assert.notStrictEqual(cold.stdout, before.stdout, 'the edit changes the report');
      assert.strictEqual(warm.stdout, cold.stdout);
    } finally {
      ws.cleanup();
    }
  });
});

