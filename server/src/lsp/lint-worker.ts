import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ParseCache, WorkspaceIndex, indexText, lintFile } from '../engine';
import type { FileFacts, Finding, ResolvedConfig } from '../engine';
import { diskTextOfUri } from './files';
import { countsOf } from './finding-counts';
import type { FindingCounts } from './finding-counts';

/** What the worker is started with (`workerData`), so that the bundle's entry knows to run it, not the server. */
export const LINT_WORKER = { govspecLintWorker: true } as const;

/** One lint of a document too big for the server's event loop (off-thread.ts). */
export interface WorkerLintRequest {
  file: string;
  text: string;
  config: ResolvedConfig;
  today: string;
  /** The facts of the other files its look-ups may need; its own are read from `text`. */
  facts: FileFacts[];
  /** At most this many findings come back (the first in report order); `counts` covers them all. */
  limit: number;
}

export interface WorkerLintReply {
  findings: Finding[];
  counts: FindingCounts;
  /**
   * Every index look-up the lint made, with what the worker's index answered, the document's own facts left out: JSON
   * of `[lookup, answer][]` in chunks, so that the server can check them a chunk at a time between its requests.
   */
  lookups: string[];
}

/** Look-ups per chunk of the reply: a chunk is checked in a few milliseconds. */
const LOOKUPS_PER_CHUNK = 1_000;

/** The body of the lint worker: answers one request at a time until it is terminated. */
export function runLintWorker(): void {
  parentPort!.on('message', (request: WorkerLintRequest) => parentPort!.postMessage(lintOffThread(request)));
}

/**
 * Lints against an index of the given facts and the document's own, recording the look-ups, so that the server can
 * check that its own index answers each of them the same way (off-thread.ts) before it shows the findings.
 */
export function lintOffThread(request: WorkerLintRequest): WorkerLintReply {
  const { file, text, config, today } = request;
  // Related locations into other files are placed on their text on disk.
  const cache = new ParseCache((key) => (key === file ? text : diskTextOfUri(key)));
  const index = new WorkspaceIndex();
  for (const facts of request.facts) index.update(facts);
  indexText(index, file, text, cache, config);
  const { result, lookups } = index.recordLookups(() => lintFile({ file, text, config, today, index, related: cache.resolve, source: cache.source(file) }));
  index.remove(file);
  const chunks: string[] = [];
  for (let i = 0; i < lookups.length; i += LOOKUPS_PER_CHUNK) {
    chunks.push(JSON.stringify(lookups.slice(i, i + LOOKUPS_PER_CHUNK).map((lookup) => [lookup, index.answerOf(lookup)])));
  }
  return { findings: result.findings.slice(0, request.limit), counts: countsOf(result.findings), lookups: chunks };
}

/** Whether this thread was started as the lint worker (the bundle's entry then runs nothing else). */
export const isLintWorkerThread = (): boolean => !isMainThread && Boolean((workerData as typeof LINT_WORKER | undefined)?.govspecLintWorker);

if (isLintWorkerThread()) runLintWorker();
