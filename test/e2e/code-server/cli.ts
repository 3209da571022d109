// Runs the built extension-host suite (node test/e2e/build.mjs) in code-server.
// Usage: node --import tsx test/e2e/code-server/cli.ts [--extension DIR] [--tests out/e2e/suite/index.js]
//        [--workspace DIR] [--vsix FILE]...
import { parseSuiteArgs } from '../args';
import { runExtensionTests } from './run-extension-tests';

const args = parseSuiteArgs();
const t0 = Date.now();
runExtensionTests({
  extensionDevelopmentPath: args.extension,
  extensionTestsPath: args.tests,
  workspace: args.workspace,
  vsix: args.vsix,
}).then(
  (r) => {
    console.log(`code-server extension-host suite: ${Date.now() - t0} ms`);
    console.log(`${r.passed} passed, ${r.failed} failed`);
    process.exit(r.failed > 0 || r.passed === 0 ? 1 : 0);
  },
  (e) => {
    console.error(e);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
