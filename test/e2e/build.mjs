// Builds the in-extension-host mocha suite with esbuild:
//   test/e2e/vscode-suite/index.ts + every *.e2e.ts in the tests dir  ->  out/e2e/suite/{index,*.e2e}.js
// `vscode` and `mocha` stay external (the extension host provides vscode; mocha resolves from the project's
// node_modules, so the output dir must be inside the repo).
// Usage: node test/e2e/build.mjs [--tests DIR] [--out DIR]
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? path.resolve(process.argv[i + 1]) : dflt;
};
const testsDir = arg('--tests', path.join(here, 'vscode-suite'));
const outDir = arg('--out', path.join(root, 'out/e2e/suite'));

const findTests = (dir) =>
  fs.readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.e2e.ts') && !f.includes('node_modules'))
    .map((f) => path.join(dir, f));

const tests = findTests(testsDir);
fs.rmSync(outDir, { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
};
await esbuild.build({ ...common, entryPoints: [path.join(here, 'vscode-suite/index.ts')], outfile: path.join(outDir, 'index.js') });
for (const t of tests) {
  const name = path.basename(t, '.ts') + '.js';
  await esbuild.build({ ...common, entryPoints: [t], outfile: path.join(outDir, name) });
}
console.log(`e2e suite: ${tests.length} test file(s) from ${path.relative(root, testsDir) || '.'} -> ${path.relative(root, outDir)}`);
