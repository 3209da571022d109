/**
 * `npm run package`'s packer (scripts/package-vsix.mjs) makes the .vsix offline, with the editor users' README,
 * the changelog, the icon and the repository link, and without the npm package's files.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './packed';

describe('the .vsix', function () {
  this.timeout(120_000);
  let vsix: string;
  const entry = (name: string): string => execFileSync('unzip', ['-p', vsix, name], { encoding: 'utf8', maxBuffer: 64 << 20 });

  before(() => {
    if (!fs.existsSync(path.join(REPO_ROOT, 'dist/client.js'))) execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build.mjs')], { stdio: 'ignore' });
    vsix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-vsix-test-')), 'govspec.vsix');
    // No network: a proxy that refuses every connection, and npm told to stay offline.
    const offline = { ...process.env, HTTPS_PROXY: 'http://127.0.0.1:9', HTTP_PROXY: 'http://127.0.0.1:9', npm_config_offline: 'true' };
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/package-vsix.mjs'), '--out', vsix], { cwd: REPO_ROOT, env: offline, stdio: 'pipe' });
  });

  it('holds the extension\'s files and not the npm package\'s', () => {
    const names = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');
    for (const needed of ['extension/package.json', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/sheets.js', 'extension/dist/cytoscape.min.js',
      'extension/readme.md', 'extension/changelog.md', 'extension/client/images/icon.png', 'extension/LICENSE.txt']) {
      assert.ok(names.includes(needed), `${needed} is missing`);
    }
    assert.deepStrictEqual(names.filter((n) => /dist\/cli\.js|\.map$|schemas\/|node_modules\//.test(n)), []);
    assert.strictEqual((JSON.parse(entry('extension/package.json')) as { files?: unknown }).files, undefined);
  });

  it("holds every rule's page (the target of a suppression comment's link) and none of the rules' code or fixtures", () => {
    const names = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');
    const pages = names.filter((n) => n.startsWith('extension/server/src/engine/rules/'));
    assert.ok(pages.includes('extension/server/src/engine/rules/service/max-one-visit/README.md'), pages.slice(0, 5).join(' '));
    assert.deepStrictEqual(pages.filter((n) => !/^extension\/server\/src\/engine\/rules\/[a-z]+\/[a-z-]+\/README\.md$/.test(n)), []);
    const rules = fs.readdirSync(path.join(REPO_ROOT, 'server/src/engine/rules'), { withFileTypes: true }).filter((e) => e.isDirectory())
      .flatMap((area) => fs.readdirSync(path.join(REPO_ROOT, 'server/src/engine/rules', area.name)).filter((r) => fs.existsSync(path.join(REPO_ROOT, 'server/src/engine/rules', area.name, r, 'README.md'))));
    assert.strictEqual(pages.length, rules.length);
  });

    it('shows the editor users\' README with its images on the repository, and the changelog', () => {
    const readme = entry('extension/readme.md');
    assert.match(readme, /^# GovSpec for VS Code/);
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length > 0 && images.every((src) => src.startsWith('https://github.com/govspec/govspec/raw/main/client/')), images.join(' '));
    for (const src of images) assert.ok(fs.existsSync(path.join(REPO_ROOT, 'client', src.split('/raw/main/client/')[1])), `${src} is not in client/`);
    assert.strictEqual(entry('extension/changelog.md'), fs.readFileSync(path.join(REPO_ROOT, 'CHANGELOG.md'), 'utf8'));
  });

  it('has an icon, keywords and the repository link in its manifest', () => {
    const manifest = entry('extension.vsixmanifest');
    assert.match(manifest, /<Icon>extension\/client\/images\/icon\.png<\/Icon>/);
    assert.match(manifest, /Links\.Source" Value="https:\/\/github\.com\/govspec\/govspec/);
    assert.match(manifest, /<Tags>[^<]*政务服务/);
    const png = fs.readFileSync(path.join(REPO_ROOT, 'client/images/icon.png'));
    assert.strictEqual(png.subarray(1, 4).toString(), 'PNG');
    assert.deepStrictEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [256, 256]);
  });
});
