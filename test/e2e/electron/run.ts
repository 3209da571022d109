// The same extension-host suite in desktop VS Code, through @vscode/test-electron, for machines where VS Code
// is given by path (VSCODE_EXECUTABLE). It cannot run here: no VS Code can be downloaded on this machine.
// Needs the devDependency @vscode/test-electron@^2.5 (3.x requires Node >= 22).
// Usage: VSCODE_EXECUTABLE=/path/to/code node --import tsx test/e2e/electron/run.ts [--extension DIR]
//        [--tests out/e2e/suite/index.js] [--workspace DIR]
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createRequire } from 'module';
import { parseSuiteArgs } from '../args';
import { repoRoot } from '../code-server/paths';

interface TestElectron {
  runTests(opts: {
    vscodeExecutablePath: string;
    extensionDevelopmentPath: string;
    extensionTestsPath: string;
    launchArgs: string[];
    extensionTestsEnv?: Record<string, string>;
  }): Promise<number>;
}

async function main(): Promise<number> {
  const exe = process.env.VSCODE_EXECUTABLE;
  if (!exe) {
    console.log('electron launcher: skipped: VSCODE_EXECUTABLE is not set (desktop VS Code cannot be downloaded on this machine; the code-server launcher runs the same suite)');
    return 0;
  }
  let testElectron: TestElectron;
  try {
    testElectron = createRequire(path.join(repoRoot, 'package.json'))('@vscode/test-electron') as TestElectron;
  } catch {
    console.log('electron launcher: @vscode/test-electron@^2.5 is not installed (add it as a devDependency)');
    console.log('0 passed, 1 failed');
    return 1;
  }
  const args = parseSuiteArgs();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-vscode-'));
  const t0 = Date.now();
  try {
    // The suite prints `N passed, N failed` itself; runTests rejects when it reports failures.
    await testElectron.runTests({
      vscodeExecutablePath: exe,
      extensionDevelopmentPath: args.extension,
      extensionTestsPath: args.tests,
      launchArgs: [
        args.workspace,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-telemetry',
        '--user-data-dir', path.join(profile, 'data'),
        '--extensions-dir', path.join(profile, 'extensions'),
      ],
    });
    console.log(`electron extension-host suite: ${Date.now() - t0} ms`);
    return 0;
  } catch (e) {
    console.error('electron launcher:', e instanceof Error ? e.message : e);
    return 1;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
