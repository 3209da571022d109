// Starts code-server (a real VS Code 1.100 in the browser) on 127.0.0.1 with a free port and fresh state,
// and stops it by process group so nothing is left running.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { codeServerBin, tmpRoot } from './paths';

export interface CodeServerOptions {
  /** Folder to open (also the default `folder=` of workbench URLs). */
  workspace: string;
  /** .vsix files to install with --install-extension before start. */
  vsix?: string[];
  /** Extra user settings merged over the defaults. */
  settings?: Record<string, unknown>;
  /** Extra environment for the server (and so the extension host). */
  env?: Record<string, string>;
  /** Keep the per-run dir (logs, user data) after stop. Default: keep only if GOVSPEC_E2E_KEEP is set. */
  keep?: boolean;
}

export interface CodeServer {
  host: string; // 127.0.0.1:PORT
  baseUrl: string; // http://127.0.0.1:PORT
  pid: number;
  runDir: string;
  logFile: string;
  workspace: string;
  /** Workbench URL for a folder, optionally with a `payload` (extension development / tests). */
  workbenchUrl(folder?: string, payload?: [string, string][]): string;
  stop(): Promise<void>;
}

const defaultSettings = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.hover.delay': 100,
  'editor.lightbulb.enabled': 'on',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealthz(baseUrl: string, child: ChildProcess, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; log: ${logFile}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250)); // poll interval of a readiness check, not a fixed wait
  }
  throw new Error(`code-server not healthy after ${timeoutMs} ms; log: ${logFile}`);
}

function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

async function killGroup(pgid: number, timeoutMs = 8000): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (processGroupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (processGroupAlive(pgid)) {
    signal('SIGKILL');
    const hard = Date.now() + 5000;
    while (processGroupAlive(pgid) && Date.now() < hard) await new Promise((r) => setTimeout(r, 100));
  }
}

const live = new Set<CodeServer>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Synchronous last resort: a test runner that dies must not leave code-server behind.
  process.on('exit', () => {
    for (const cs of live) {
      try {
        process.kill(-cs.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => process.exit(130));
  }
}

export async function startCodeServer(opts: CodeServerOptions): Promise<CodeServer> {
  if (!fs.existsSync(codeServerBin)) throw new Error(`${codeServerBin} missing: run bash test/e2e/install.sh`);
  fs.mkdirSync(tmpRoot, { recursive: true });
  const runDir = fs.mkdtempSync(path.join(tmpRoot, 'code-server-'));
  const dataDir = path.join(runDir, 'data');
  const extDir = path.join(runDir, 'extensions');
  fs.mkdirSync(path.join(dataDir, 'User'), { recursive: true });
  fs.mkdirSync(extDir, { recursive: true });
  fs.writeFileSync(
    path.join(dataDir, 'User/settings.json'),
    JSON.stringify({ ...defaultSettings, ...opts.settings }, null, 2),
  );
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const config = path.join(runDir, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: ${host}\nauth: none\ncert: false\n`);
  const env = {
    ...process.env,
    // keep code-server's default config and state out of $HOME
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
    ...opts.env,
  };
  const common = ['--config', config, '--user-data-dir', dataDir, '--extensions-dir', extDir];
  for (const vsix of opts.vsix ?? []) {
    const r = spawnSync(codeServerBin, [...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`--install-extension ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  }
  const logFile = path.join(runDir, 'server.log');
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    codeServerBin,
    [
      ...common,
      '--auth', 'none',
      '--bind-addr', host,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      opts.workspace,
    ],
    { env, detached: true, stdio: ['ignore', log, log] }, // detached: own process group, killed as a whole
  );
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error('code-server did not start');
  const pid = child.pid;
  const baseUrl = `http://${host}`;
  const keep = opts.keep ?? Boolean(process.env.GOVSPEC_E2E_KEEP);
  const cs: CodeServer = {
    host,
    baseUrl,
    pid,
    runDir,
    logFile,
    workspace: opts.workspace,
    workbenchUrl(folder = opts.workspace, payload) {
      let url = `${baseUrl}/?folder=${encodeURIComponent(folder)}`;
      if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
      return url;
    },
    async stop() {
      await killGroup(pid);
      live.delete(cs);
      if (!keep) fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
  live.add(cs);
  installExitHook();
  try {
    await waitForHealthz(baseUrl, child, 60_000, logFile);
  } catch (e) {
    await cs.stop();
    throw e;
  }
  return cs;
}

/** A `vscode-remote://` URI for a path on the code-server machine (payload values). */
export function remoteUri(cs: CodeServer, absPath: string): string {
  return `vscode-remote://${cs.host}${path.resolve(absPath)}`;
}
