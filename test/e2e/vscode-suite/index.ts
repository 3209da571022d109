// Mocha inside the VS Code extension host. Loaded as `extensionTestsPath` by both launchers
// (code-server: test/e2e/code-server; desktop VS Code: test/e2e/electron/run.ts). Runs every *.e2e.js next
// to this file (built from *.e2e.ts by test/e2e/build.mjs) and prints a marker the code-server driver reads
// from the browser console, then the plain `N passed, N failed` line.
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';

export const RESULT_MARKER = 'GOVSPEC_E2E_RESULT';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.GOVSPEC_E2E_TIMEOUT ?? 60_000),
    grep: process.env.GOVSPEC_E2E_GREP,
  });
  // The extension host forwards console.log to the workbench without applying printf formats: format here.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const dir = __dirname;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.e2e.js')).sort();
  for (const f of files) mocha.addFile(path.join(dir, f));
  console.log(`${RESULT_MARKER}_START files=${files.join(',')}`);

  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    try {
      const runner = mocha.run(() => {
        console.log(`${RESULT_MARKER} ${JSON.stringify({ passed, failed })}`);
        console.log(`${passed} passed, ${failed} failed`);
        if (failed > 0 || files.length === 0) reject(new Error(`${failed} failed (${files.length} test files)`));
        else resolve();
      });
      runner.on('pass', () => passed++);
      runner.on('fail', () => failed++);
    } catch (err) {
      console.error(err);
      console.log(`${RESULT_MARKER} ${JSON.stringify({ passed, failed: failed + 1 })}`);
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
