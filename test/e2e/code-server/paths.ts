// Where the e2e tools live (installed by test/e2e/install.sh) and where artefacts go.
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '../../..');
export const e2eCache = process.env.GOVSPEC_E2E_CACHE ?? path.join(repoRoot, '.cache/e2e');
export const codeServerBin = process.env.CODE_SERVER ?? path.join(e2eCache, 'node_modules/.bin/code-server');
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const artifactsDir = process.env.GOVSPEC_E2E_ARTIFACTS ?? path.join(repoRoot, 'test-artifacts/e2e');
/** Parent of every per-run temp dir (user data, extensions, browser profile). */
export const tmpRoot = process.env.GOVSPEC_E2E_TMP ?? path.join(e2eCache, 'runs');
