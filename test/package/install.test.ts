/**
 * The package as a user installs it: `npm pack`, then `npm install ./govspec-<version>.tgz` offline into a folder
 * outside the checkout (no registry, an empty cache, no way up to the checkout's node_modules), then the commands a
 * spec repository runs, through `npx govspec`.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { type Installed, REPO_ROOT, packAndInstall } from './packed';

interface Run { status: number | null; stdout: string; stderr: string }

describe('the npm package', function () {
  // Packing builds the bundles (prepare) and npm itself is slow to start; no assertion depends on how long it takes.
  this.timeout(180_000);
  let pkg: Installed;
  let specs: string;

  const npx = (cwd: string, args: string[]): Run => {
    const r = spawnSync('npx', ['--offline', '--no-install', 'govspec', ...args], { cwd, env: { ...pkg.env, LANG: 'C' }, encoding: 'utf8' });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  before(() => {
    pkg = packAndInstall();
    specs = path.join(pkg.prefix, 'specs');
    fs.cpSync(path.join(REPO_ROOT, 'examples'), specs, { recursive: true });
  });

  it('is govspec-<version>.tgz and holds what a run needs, and no source maps, tests or node_modules', () => {
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    assert.strictEqual(path.basename(pkg.tarball), `govspec-${version}.tgz`);
    const files = execFileSync('tar', ['tzf', pkg.tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, ''));
    for (const needed of ['package.json', 'bin/govspec.js', 'dist/cli.js', 'dist/server.js', 'dist/sheets.js', 'dist/cytoscape.min.js', 'LICENSE', 'README.md',
      'schemas/service.schema.json', 'schemas/config.schema.json', 'docs/format.md', 'docs/rules.md', 'server/src/engine/rules/service/fee-basis/README.md']) {
      assert.ok(files.includes(needed), `${needed} is not in the tarball`);
    }
    assert.deepStrictEqual(files.filter((f) => /\.map$|^test\/|node_modules\/|^server\/src\/.*\.ts$/.test(f)), []);
  });

  it('installs offline with nothing beside it: every runtime dependency is in the bundles', () => {
    assert.deepStrictEqual(fs.readdirSync(path.join(pkg.prefix, 'node_modules')).filter((n) => !n.startsWith('.')), ['govspec']);
    const manifest = JSON.parse(fs.readFileSync(path.join(pkg.prefix, 'node_modules/govspec/package.json'), 'utf8')) as Record<string, unknown>;
    assert.strictEqual(manifest.dependencies, undefined, 'a runtime dependency would need the registry at install time; esbuild bundles them');
  });

  it('exports the language server and the schemas', () => {
    const resolve = (request: string): string => execFileSync(process.execPath, ['-p', `require.resolve(${JSON.stringify(request)})`], { cwd: pkg.prefix, env: pkg.env, encoding: 'utf8' }).trim();
    assert.strictEqual(resolve('govspec/server'), path.join(fs.realpathSync(pkg.prefix), 'node_modules/govspec/dist/server.js'));
    assert.ok(fs.existsSync(resolve('govspec/schemas/catalog.schema.json')));
  });

  it('npx govspec lint reports the findings of a spec repository and exits 1', () => {
    const r = npx(pkg.prefix, ['lint', '-f', 'json', '--today', '2025-06-30', 'specs']);
    assert.strictEqual(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { results: { ruleId: string }[]; summary: { errors: number } };
    assert.ok(report.summary.errors > 0);
    assert.ok(report.results.some((f) => f.ruleId.startsWith('service/')), 'a semantic rule reported');
  });

  it('npx govspec export and import run from the installed package (the spreadsheet bundle is loaded beside the CLI)', () => {
    const exported = npx(pkg.prefix, ['export', 'specs/catalogs', '-o', 'catalogs.xlsx', '--no-lint', '--locale', 'en']);
    assert.strictEqual(exported.status, 0, exported.stderr);
    const imported = npx(pkg.prefix, ['import', 'catalogs.xlsx', '--kind', 'Catalog', '-o', 'imported', '--no-lint', '--locale', 'en']);
    assert.strictEqual(imported.status, 0, imported.stderr);
    assert.match(imported.stderr, /import: \d+ rows → [1-9]\d* files? in imported/);
  });

  it('npx govspec lint --shard and merge give the whole run\'s findings and exit code', () => {
    const whole = JSON.parse(npx(pkg.prefix, ['lint', '-f', 'json', '--today', '2025-06-30', 'specs']).stdout) as { results: unknown[] };
    for (const shard of ['1', '2']) {
      const r = npx(pkg.prefix, ['lint', '--shard', `${shard}/2`, '--today', '2025-06-30', '-f', 'json', '-o', `s${shard}.json`, 'specs']);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
    }
    const merged = npx(pkg.prefix, ['merge', 's1.json', 's2.json']);
    assert.strictEqual(merged.status, 1, merged.stderr);
    assert.strictEqual((JSON.parse(merged.stdout) as { results: unknown[] }).results.length, whole.results.length);
  });

  it('npx govspec report --html writes one offline page with the map script inlined', () => {
    const r = npx(pkg.prefix, ['report', '--html', 'review.html', '--today', '2025-06-30', 'specs']);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const html = fs.readFileSync(path.join(pkg.prefix, 'review.html'), 'utf8');
    assert.match(html, /^<!doctype html>/i);
    assert.doesNotMatch(html, /<script[^>]+src=/i, 'the page loads nothing');
  });

  it('npx govspec explain prints a rule\'s page', () => {
    const r = npx(pkg.prefix, ['explain', 'service/fee-basis', '--locale', 'en']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /service\/fee-basis/);
  });

  it('npx govspec init writes a workspace that lints clean', () => {
    const fresh = path.join(pkg.prefix, 'fresh');
    fs.mkdirSync(fresh);
    const init = npx(fresh, ['init']);
    assert.strictEqual(init.status, 0, init.stderr);
    assert.ok(fs.existsSync(path.join(fresh, 'govspec.config.yaml')));
    const lint = npx(fresh, ['lint', '--today', '2025-06-30']);
    assert.strictEqual(lint.status, 0, lint.stdout + lint.stderr);
  });
});
