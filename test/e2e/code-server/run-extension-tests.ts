// Runs a mocha suite inside code-server's (Node) extension host. code-server refuses --extensionTestsPath on
// its command line, but the workbench URL takes the same options through its `payload` parameter. The suite
// (test/e2e/vscode-suite/index.ts) prints a result marker that arrives here through the browser console.
import * as fs from 'fs';
import * as path from 'path';
import { startCodeServer, remoteUri, type CodeServer } from './launcher';
import { launchBrowser } from './playwright';
import { artifactsDir } from './paths';

export interface ExtensionTestOptions {
  /** Folder of the extension under development (its package.json). */
  extensionDevelopmentPath: string;
  /** Compiled suite entry, e.g. out/e2e/suite/index.js (exports run()). */
  extensionTestsPath: string;
  /** Folder opened in the workbench. */
  workspace: string;
  /** Extra .vsix files installed first (e.g. dependencies of the extension). */
  vsix?: string[];
  /** Whole-run limit. Default 180 s. */
  timeoutMs?: number;
  /** Echo the extension host's output while it runs. Default true. */
  echo?: boolean;
  /** An already running code-server to use instead of starting one. */
  server?: CodeServer;
}

export interface ExtensionTestResult { passed: number; failed: number; output: string }

/** Same marker the suite prints: `GOVSPEC_E2E_RESULT {"passed":N,"failed":N}`. */
export const RESULT_MARKER = 'GOVSPEC_E2E_RESULT';

/** Console text from the extension host comes styled: `%c INFO color: #33f message`. */
export function cleanConsoleText(text: string): string {
  return text.replace(/^%c\s*(?:[A-Z]+\s+)?color:\s*#?[0-9a-zA-Z]+\s?/, '').trimEnd();
}

export function parseResultMarker(line: string): { passed: number; failed: number } | undefined {
  const i = line.indexOf(RESULT_MARKER);
  if (i < 0) return undefined;
  const m = /\{[^}]*\}/.exec(line.slice(i));
  if (!m) return undefined;
  try {
    const r = JSON.parse(m[0]) as { passed?: unknown; failed?: unknown };
    if (typeof r.passed === 'number' && typeof r.failed === 'number') return { passed: r.passed, failed: r.failed };
  } catch {
    // not the marker
  }
  return undefined;
}

export async function runExtensionTests(opts: ExtensionTestOptions): Promise<ExtensionTestResult> {
  const timeoutMs = opts.timeoutMs ?? Number(process.env.GOVSPEC_E2E_SUITE_TIMEOUT ?? 180_000);
  const echo = opts.echo ?? true;
  for (const p of [opts.extensionDevelopmentPath, opts.extensionTestsPath, opts.workspace]) {
    if (!fs.existsSync(p)) throw new Error(`missing: ${p}`);
  }
  const cs = opts.server ?? (await startCodeServer({ workspace: opts.workspace, vsix: opts.vsix }));
  const lines: string[] = [];
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    browser = await launchBrowser();
    const { page } = browser;
    let settle: (r: { passed: number; failed: number } | Error) => void = () => undefined;
    const finished = new Promise<{ passed: number; failed: number } | Error>((res) => (settle = res));
    let inSuite = false;
    page.on('console', (m) => {
      if (process.env.GOVSPEC_E2E_DEBUG) console.log('  [raw]', JSON.stringify(m.text()).slice(0, 300));
      const text = cleanConsoleText(m.text());
      lines.push(text);
      if (text.includes(`${RESULT_MARKER}_START`)) inSuite = true;
      const isError = /^\s*ERR/.test(m.text().slice(2, 8)) && !/ENOTFOUND|open-vsx/.test(text); // offline gallery noise
      if (echo && (inSuite || isError)) console.log('  [ext host]', text.slice(0, 2000));
      const r = parseResultMarker(text);
      if (r) settle(r);
    });
    page.on('crash', () => settle(new Error('browser page crashed')));
    const timer = setTimeout(() => settle(new Error(`no ${RESULT_MARKER} marker within ${timeoutMs} ms`)), timeoutMs);
    const url = cs.workbenchUrl(opts.workspace, [
      ['extensionDevelopmentPath', remoteUri(cs, opts.extensionDevelopmentPath)],
      ['extensionTestsPath', remoteUri(cs, opts.extensionTestsPath)],
    ]);
    await page.goto(url, { timeout: 60_000, waitUntil: 'domcontentloaded' });
    const outcome = await finished;
    clearTimeout(timer);
    const output = lines.join('\n');
    if (outcome instanceof Error) {
      fs.mkdirSync(artifactsDir, { recursive: true });
      await page.screenshot({ path: path.join(artifactsDir, 'extension-tests-timeout.png') }).catch(() => undefined);
      fs.copyFileSync(cs.logFile, path.join(artifactsDir, 'code-server.log'));
      fs.writeFileSync(path.join(artifactsDir, 'extension-tests-console.log'), output);
      console.error(`${outcome.message}; console and server log in ${artifactsDir}`);
      return { passed: 0, failed: 1, output };
    }
    return { ...outcome, output };
  } finally {
    await browser?.close();
    if (!opts.server) await cs.stop();
  }
}
