/**
 * The README's Quick start: two command lines, and what the second needs beyond node_modules is installed by
 * `npm test` itself (scripts/install-test-tools.sh as pretest) or named on one line.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const INSTALLER = path.join(ROOT, 'scripts/install-test-tools.sh');

/** Runs the installer as a user who is not root (a stub `id`), so that it may report but never install. */
function runInstallerAsUser(env: NodeJS.ProcessEnv): { status: number | null; stderr: string } {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-id-'));
  fs.writeFileSync(path.join(bin, 'id'), '#!/bin/sh\necho 1000\n', { mode: 0o755 });
  const r = spawnSync('bash', [INSTALLER], { env: { ...process.env, ...env, PATH: `${bin}:${process.env.PATH ?? ''}` }, encoding: 'utf8' });
  fs.rmSync(bin, { recursive: true, force: true });
  return { status: r.status, stderr: r.stderr };
}

describe('README Quick start', () => {
  it('has exactly two command lines, the second `npm ci && npm test`', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /## Quick start\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    assert.strictEqual(lines.length, 2, block);
    assert.strictEqual(lines[1], 'npm ci && npm test');
  });

  it('npm test installs the rendering tests\' tools first', () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.strictEqual(scripts.pretest, 'bash scripts/install-test-tools.sh');
  });

  it('the installer, not root and chromium missing, says on one line what to run and exits 1', () => {
    const r = runInstallerAsUser({ CHROMIUM: path.join(os.tmpdir(), 'no-such-chromium') });
    assert.strictEqual(r.status, 1);
    const lines = r.stderr.trim().split('\n');
    assert.strictEqual(lines.length, 1, r.stderr);
    assert.match(lines[0], /apt-get install chromium/);
  });

  it('the installer does nothing and says nothing when the tools are there', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-e2e-cache-'));
    fs.mkdirSync(path.join(cache, 'node_modules/playwright-core'), { recursive: true });
    fs.writeFileSync(path.join(cache, 'node_modules/playwright-core/package.json'), '{}');
    const r = runInstallerAsUser({ CHROMIUM: process.execPath, GOVSPEC_E2E_CACHE: cache });
    fs.rmSync(cache, { recursive: true, force: true });
    assert.deepStrictEqual(r, { status: 0, stderr: '' });
  });
});
