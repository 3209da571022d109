/** One scenario for any language server: start, index, open the big document, edit, complete, hover. */

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { percentile, round } from '../lib/stats';
import { BigService } from './big-service';
import { completionPositions, hoverPositions, plannedEdits, Position } from './positions';
import { RpcConnection } from './rpc';

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  /** Settings answered to workspace/configuration by section and sent with didChangeConfiguration. */
  settings: Record<string, unknown>;
  /** Wait for the workspace index (GovSpec) or not (yaml-language-server has none). */
  waitForIndex: boolean;
}

export interface Latencies { p50: number; p95: number; count: number; timeouts: number; [key: string]: number }

export interface ScenarioResult {
  index_s: number | null;
  index_why?: string;
  index_signal?: string;
  rss_mb: number | null;
  diagnostics_ms: Latencies | null;
  completion_ms: Latencies | null;
  hover_ms: Latencies | null;
  /** Hovers on the 1,000-line document sent one after another while `bigDocument` is open and not yet linted. */
  hover_during_big_lint_ms?: Latencies | null;
  /** From the big document's didOpen to its first diagnostics; null when none came while the hovers ran. */
  big_lint_ms?: number | null;
  completion_items_median?: number;
  /** One `textDocument/rename` of the agreement id the big document cites (every service citing it changes too). */
  rename_ms: number | null;
  rename_files?: number;
  rename_edits?: number;
  notes: string[];
}

export interface ScenarioOptions {
  workspace: string; document: BigService; requests: number; indexTimeoutMs: number; diagnosticsTimeoutMs: number;
  /** A document far over any editor's comfort (a legacy catalogue), opened last, to hover while it is linted. */
  bigDocument?: BigService;
}

/** The hovers while the big document is linted stop after this long, whatever the server does. */
const BIG_LINT_WINDOW_MS = 60_000;

function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? round(Number(match[1]) / 1024, 1) : null;
  } catch {
    return null;
  }
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

export function latencies(samples: number[], timeouts: number): Latencies | null {
  if (samples.length === 0) return null;
  return { p50: round(percentile(samples, 50), 1), p95: round(percentile(samples, 95), 1), count: samples.length, timeouts };
}

/** `govspec/status` saying it is done, or the end of a `$/progress`: whichever arrives first. */
function isReadyStatus(params: unknown): boolean {
  if (params === null || typeof params !== 'object') return false;
  const p = params as Record<string, unknown>;
  if (p.indexing === true || p.busy === true) return false;
  const state = String(p.state ?? p.status ?? p.phase ?? '').toLowerCase();
  return ['ready', 'idle', 'done', 'indexed', 'complete'].includes(state) || p.ready === true || p.indexed === true || p.indexing === false;
}

function waitForIndex(rpc: RpcConnection, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const stops: Array<() => void> = [];
    const done = (how: string) => { clearTimeout(timer); stops.forEach((stop) => stop()); resolve(how); };
    const timer = setTimeout(() => { stops.forEach((stop) => stop()); reject(new Error(`no govspec/status ready nor $/progress end within ${timeoutMs / 1000} s`)); }, timeoutMs);
    stops.push(rpc.on('govspec/status', (params) => { if (isReadyStatus(params)) done('govspec/status'); }));
    stops.push(rpc.on('$/progress', (params) => {
      const value = (params as { value?: { kind?: string } } | null)?.value;
      if (value?.kind === 'end') done('$/progress end');
    }));
  });
}

function configurationFor(settings: Record<string, unknown>) {
  return (params: unknown) => ((params as { items?: Array<{ section?: string }> })?.items ?? []).map((item) => {
    if (item.section === undefined) return settings;
    return item.section.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], settings) ?? null;
  });
}

export async function runScenario(server: ServerSpec, options: ScenarioOptions): Promise<ScenarioResult> {
  const rpc = new RpcConnection(server.command, server.args, options.workspace);
  const notes: string[] = [];
  const result: ScenarioResult = { index_s: null, rss_mb: null, diagnostics_ms: null, completion_ms: null, hover_ms: null, rename_ms: null, notes };
  try {
    rpc.handle('workspace/configuration', configurationFor(server.settings));
    const rootUri = pathToFileURL(options.workspace).href;
    await rpc.request('initialize', {
      processId: process.pid, rootUri, rootPath: options.workspace, workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
        textDocument: {
          synchronization: { didSave: true }, publishDiagnostics: { versionSupport: true, relatedInformation: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
      initializationOptions: {},
    }, 120_000);
    const indexed = server.waitForIndex ? waitForIndex(rpc, options.indexTimeoutMs) : undefined;
    const started = now();
    rpc.notify('initialized', {});
    rpc.notify('workspace/didChangeConfiguration', { settings: server.settings });
    if (indexed !== undefined) {
      try {
        result.index_signal = await indexed;
        result.index_s = round((now() - started) / 1000);
      } catch (error) {
        result.index_why = (error as Error).message;
      }
    }
    result.rss_mb = rssMb(rpc.pid);
    await editsAndRequests(rpc, options, result);
    result.rss_mb = result.rss_mb ?? rssMb(rpc.pid);
    await rpc.request('shutdown', null, 10_000).catch(() => undefined);
    try { rpc.notify('exit', null); } catch { /* already gone */ }
  } finally {
    setTimeout(() => rpc.kill(), 2_000).unref();
    if (rpc.stderr.trim() !== '') notes.push(`stderr: ${rpc.stderr.trim().split('\n').slice(-2).join(' | ').slice(0, 300)}`);
  }
  return result;
}

async function editsAndRequests(rpc: RpcConnection, options: ScenarioOptions, result: ScenarioResult): Promise<void> {
  const uri = pathToFileURL(options.document.file).href;
  const lines = options.document.text.split('\n');
  let version = 1;
  let latest: { at: number; version: number | undefined } | undefined;
  const waiters: Array<() => void> = [];
  rpc.on('textDocument/publishDiagnostics', (params) => {
    const p = params as { uri: string; version?: number };
    if (p.uri !== uri) return;
    latest = { at: now(), version: p.version };
    waiters.splice(0).forEach((wake) => wake());
  });
  const diagnosticsFor = (v: number, sentAt: number) => new Promise<number | null>((resolve) => {
    const check = () => {
      if (latest !== undefined && latest.at >= sentAt && (latest.version === undefined || latest.version >= v)) { clearTimeout(timer); resolve(latest.at - sentAt); return true; }
      return false;
    };
    const timer = setTimeout(() => resolve(null), options.diagnosticsTimeoutMs);
    const wait = () => { if (!check()) waiters.push(wait); };
    wait();
  });
  let sentAt = now();
  rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: options.document.text } });
  const first = await diagnosticsFor(version, sentAt);
  if (first === null) result.notes.push('no publishDiagnostics after didOpen');
  else result.notes.push(`first diagnostics after didOpen: ${round(first, 1)} ms`);

  const diagnostics: number[] = [];
  let timeouts = 0;
  for (const edit of plannedEdits(options.document.text, options.requests)) {
    lines[edit.line] = edit.newLine;
    version++;
    sentAt = now();
    rpc.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: lines.join('\n') }] });
    const latency = await diagnosticsFor(version, sentAt);
    if (latency === null) timeouts++;
    else diagnostics.push(latency);
    if (timeouts >= 5 && diagnostics.length === 0) { result.notes.push('diagnostics: five timeouts in a row, stopped'); break; }
  }
  result.diagnostics_ms = latencies(diagnostics, timeouts);

  const text = lines.join('\n');
  result.completion_ms = await timedRequests(rpc, 'textDocument/completion', uri, completionPositions(text), options.requests, (answer) => {
    const list = Array.isArray(answer) ? answer : (answer as { items?: unknown[] } | null)?.items ?? [];
    return list.length;
  }, result);
  result.hover_ms = await timedRequests(rpc, 'textDocument/hover', uri, hoverPositions(text), options.requests, undefined, result);
  await timedRename(rpc, uri, text, result);
  if (options.bigDocument) await hoversWhileBigLinted(rpc, options.bigDocument, uri, text, options.requests, result);
}

/**
 * Opens the big document and hovers on the 1,000-line one, one request after another, until the big document's
 * first diagnostics arrive (or `count` hovers, or a minute); then closes it. Only hovers answered before those
 * diagnostics count: they measure a server that is busy with the big document.
 */
async function hoversWhileBigLinted(rpc: RpcConnection, big: BigService, uri: string, text: string, count: number, result: ScenarioResult): Promise<void> {
  const bigUri = pathToFileURL(big.file).href;
  const opened = now();
  let linted: number | undefined;
  const stop = rpc.on('textDocument/publishDiagnostics', (params) => {
    if ((params as { uri: string }).uri === bigUri && linted === undefined) linted = now() - opened;
  });
  rpc.notify('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'yaml', version: 1, text: big.text } });
  const positions = hoverPositions(text);
  const samples: number[] = [];
  let timeouts = 0;
  for (let i = 0; i < count && linted === undefined && now() - opened < BIG_LINT_WINDOW_MS; i++) {
    const started = now();
    try {
      await rpc.request('textDocument/hover', { textDocument: { uri }, position: positions[i % positions.length] }, 10_000);
      if (linted === undefined) samples.push(now() - started);
    } catch {
      timeouts++;
      if (rpc.exited) break;
    }
  }
  rpc.notify('textDocument/didClose', { textDocument: { uri: bigUri } });
  stop();
  result.hover_during_big_lint_ms = latencies(samples, timeouts);
  result.big_lint_ms = linted === undefined ? null : round(linted, 1);
  result.notes.push(`big document (${(big.text.length / 1e6).toFixed(1)} M chars): ${samples.length} hovers while it was linted, `
    + (linted === undefined ? 'no diagnostics for it meanwhile' : `its diagnostics after ${round(linted / 1000, 1)} s`));
}

/** Renames the agreement id of the document's first `agreement:` value, once (the answer is an edit, not applied). */
async function timedRename(rpc: RpcConnection, uri: string, text: string, result: ScenarioResult): Promise<void> {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => /^ {6}agreement: /.test(l));
  if (line < 0) {
    result.notes.push('rename: the document cites no agreement');
    return;
  }
  const value = lines[line].slice(lines[line].indexOf(': ') + 2).replace(/^"|"$/g, '');
  const position = { line, character: lines[line].indexOf(value) + 1 };
  const started = now();
  try {
    const edit = await rpc.request('textDocument/rename', { textDocument: { uri }, position, newName: `${value}-R` }, 60_000) as
      { changes?: Record<string, unknown[]>; documentChanges?: Array<{ textDocument?: { uri: string }; edits?: unknown[] }> } | null;
    result.rename_ms = round(now() - started, 1);
    const byFile = edit?.changes ? Object.values(edit.changes).map((edits) => edits.length)
      : (edit?.documentChanges ?? []).map((change) => change.edits?.length ?? 0);
    result.rename_files = byFile.length;
    result.rename_edits = byFile.reduce((a, b) => a + b, 0);
    if (byFile.length === 0) {
      result.rename_ms = null;
      result.notes.push(`rename of ${value}: no edit`);
    }
  } catch (error) {
    result.notes.push(`rename: ${(error as Error).message.slice(0, 200)}`);
  }
}

async function timedRequests(rpc: RpcConnection, method: string, uri: string, positions: Position[], count: number,
  size: ((answer: unknown) => number) | undefined, result: ScenarioResult): Promise<Latencies | null> {
  const samples: number[] = [];
  const sizes: number[] = [];
  let failures = 0;
  let lastError = '';
  for (let i = 0; i < count; i++) {
    const position = positions[i % positions.length];
    const started = now();
    try {
      const answer = await rpc.request(method, { textDocument: { uri }, position }, 10_000);
      samples.push(now() - started);
      if (size) sizes.push(size(answer));
    } catch (error) {
      failures++;
      lastError = (error as Error).message;
      if (rpc.exited) break;
    }
  }
  if (failures > 0) result.notes.push(`${method}: ${failures} failed (${lastError.slice(0, 200)})`);
  if (size && sizes.length > 0) result.completion_items_median = percentile(sizes, 50);
  return latencies(samples, failures);
}
