import * as assert from 'assert';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Workspace, ensureBuilt } from './harness';

/**
 * Issue 16: a warm rerun keeps a file's cross-file findings when every look-up they made in the index answers the
 * same, so the report after any edit must be the cold run's, byte for byte. Seeded random edits of the examples: a
 * value swapped for another file's value under the same key (codes, names, agreement ids: what references follow),
 * a value changed, a line dropped, a file copied under a new name or deleted.
 */

const LINT = ['lint', '-f', 'json', '--today', '2026-06-01', '--no-progress'];

/** mulberry32: a small seeded generator, so a failure replays. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

  for (const seed of [16, 1601]) {
    it(`seed ${seed}: after each of 10 edits, the warm run writes the cold run's report`, function () {
      const ws = new Workspace();
      try {
        cpSync(resolve(__dirname, '../../examples'), ws.root, { recursive: true });
        const next = random(seed);
        ws.run([...LINT, '--cache']);
        const done: string[] = [];
        for (let step = 1; step <= 10; step++) {
          done.push(randomEdit(ws, next, step));
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
});
