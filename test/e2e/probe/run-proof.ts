// Proof of the e2e infrastructure with a throwaway probe extension (generated into a temp dir):
//   (a) mocha inside code-server's extension host, (b) a browser UI session with screenshots.
// Usage: node --import tsx test/e2e/probe/run-proof.ts [a] [b]     (default: both)
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { makeProbe } from './make-probe';
import { runExtensionTests } from '../code-server/run-extension-tests';
import { runProbeUi } from './probe-ui';
import { repoRoot, tmpRoot } from '../code-server/paths';

async function main(): Promise<number> {
  const which = process.argv.slice(2);
  const want = (k: string) => which.length === 0 || which.includes(k);
  fs.mkdirSync(tmpRoot, { recursive: true });
  const probe = makeProbe(fs.mkdtempSync(path.join(tmpRoot, 'probe-')));
  let passed = 0;
  let failed = 0;
  try {
    if (want('a')) {
      const t0 = Date.now();
      const outDir = path.join(repoRoot, 'out/e2e/probe-suite');
      execFileSync(process.execPath, [path.join(repoRoot, 'test/e2e/build.mjs'), '--tests', probe.tests, '--out', outDir], { stdio: 'inherit' });
      const r = await runExtensionTests({
        extensionDevelopmentPath: probe.extension,
        extensionTestsPath: path.join(outDir, 'index.js'),
        workspace: probe.workspace,
      });
      console.log(`(a) extension-host suite: ${r.passed} passed, ${r.failed} failed in ${Date.now() - t0} ms`);
      passed += r.passed;
      failed += r.failed;
    }
    if (want('b')) {
      const t0 = Date.now();
      const r = await runProbeUi(probe);
      console.log(`(b) UI session: ${r.passed} passed, ${r.failed} failed in ${Date.now() - t0} ms`);
      passed += r.passed;
      failed += r.failed;
    }
  } finally {
    if (!process.env.GOVSPEC_E2E_KEEP) fs.rmSync(probe.root, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
