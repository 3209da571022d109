// Packs the VS Code extension (.vsix) offline. vsce refuses a manifest that has both a `files` list (the npm
// package's) and a .vscodeignore (the extension's), so the .vsix is packed from a staging folder holding the manifest
// without `files`, the .vscodeignore and the paths it lets in; vsce still applies the ignore file there.
// Usage (after npm run build): node scripts/package-vsix.mjs [--out FILE] [other vsce package options]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const ignoreFile = readFileSync(join(root, '.vscodeignore'), 'utf8');

/** The paths .vscodeignore re-includes (`!dist/client.js`, `!syntaxes/**`), as files or folders to copy. */
const included = ignoreFile.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('!'))
  .map((line) => line.slice(1).replace(/\/\*\*$/, ''));

const args = process.argv.slice(2);
const outAt = args.findIndex((arg) => arg === '--out' || arg === '-o');
if (outAt >= 0) args[outAt + 1] = resolve(process.cwd(), args[outAt + 1]);
else args.push('--out', join(root, `${manifest.name}-${manifest.version}.vsix`));

const stage = mkdtempSync(join(tmpdir(), 'govspec-vsix-'));
try {
  const extensionManifest = { ...manifest };
  delete extensionManifest.files;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(extensionManifest, null, 2)}\n`);
  cpSync(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));
  for (const pattern of included) {
    if (pattern === 'package.json') continue;
    // A pattern with a wildcard (the rules' README.md pages) stages the folder above it; vsce keeps what matches.
    const path = pattern.includes('*') ? pattern.slice(0, pattern.indexOf('*')).replace(/\/[^/]*$/, '') : pattern;
    if (!existsSync(join(root, path))) throw new Error(`.vscodeignore includes ${path}, which does not exist (run npm run build first)`);
    cpSync(join(root, path), join(stage, path), { recursive: true });
  }
  const vsce = join(dirname(createRequire(join(root, 'package.json')).resolve('@vscode/vsce/package.json')), 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies',
    '--readme-path', 'client/README.md', '--changelog-path', 'CHANGELOG.md',
    // Relative links and images of the README point into the repository's client/ folder on the marketplace page.
    '--baseContentUrl', 'https://github.com/govspec/govspec/blob/main/client',
    '--baseImagesUrl', 'https://github.com/govspec/govspec/raw/main/client',
    ...args], { cwd: stage, stdio: 'inherit' });
} finally {
  rmSync(stage, { recursive: true, force: true });
}
