import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FileFacts, Finding, ResolvedConfig, WorkspaceIndex } from '../engine';
import { LINT_WORKER } from './lint-worker';
import type { WorkerLintReply, WorkerLintRequest } from './lint-worker';

/**
 * At most this many findings of a document linted off the event loop are shown (the first in report order); the
 * status bar counts them all. A legacy catalogue of 100,000 resources has 800,000 findings: no editor lists them, and
 * taking them in would hold the server as long as the lint itself.
 */
export const OFF_THREAD_FINDINGS_SHOWN = 5_000;

/** The worker's heap: a 64 MiB document with a finding per line fits; beyond, the worker fails and the server says so. */
const WORKER_HEAP_MB = 2_048;

/** Rounds of "send the facts of the files the server's answers named" before the server lints the document itself. */
const MAX_ROUNDS = 3;

/** How long the server checks the worker's look-ups before it lets requests through. */
const CHECK_SLICE_MS = 10;

export interface OffThreadLint { findings: Finding[]; counts: WorkerLintReply['counts'] }

/** What the worker could not be trusted with: the server must lint the document itself. */
export const LINT_HERE = 'lint-here';

/**
 * Lints documents too big for the server's event loop on one worker thread (lint-worker.ts), so that requests and
 * other documents are answered meanwhile. The worker holds no index: it is sent the facts of the files the document
 * depends on (`dependentsOf`, and every Agency), lints against them and its own text, and gives back every look-up it
 * made with its answer. The server shows the findings only when its own index answers each look-up the same way,
 * the document's own facts aside (checked in slices); otherwise it sends the facts of the files its answers named and
 * asks again, and after a few rounds it lints the document itself.
 */
export class OffThreadLinter {
  private worker: Worker | undefined;
  /** The lint the worker is running, to be told its reply or that it was superseded (`undefined`). */
  private running: { key: string; settle(reply: WorkerLintReply | undefined, error?: Error): void } | undefined;
  /** Lints wait for the worker in turn; a newer lint of the same document replaces a waiting one. */
  private queue: Promise<void> = Promise.resolve();
  private readonly latest = new Map<string, number>();
  private requests = 0;

  /** `script`: the bundle (or, under tests, the worker's source) a worker thread runs. */
  constructor(private readonly script: string = workerScript()) {}

  /**
   * The findings of `text` against `index`; undefined when a newer lint of the same document superseded this one;
   * `LINT_HERE` when the worker's answers could not be confirmed. Throws when the worker fails (out of memory).
   */
  async lint(key: string, input: { text: string; config: ResolvedConfig; today: string }, index: WorkspaceIndex): Promise<OffThreadLint | typeof LINT_HERE | undefined> {
    const id = ++this.requests;
    this.latest.set(key, id);
    // A newer version of the document being linted makes that lint worthless: it is stopped, not waited for.
    if (this.running?.key === key) this.stop();
    const turn = this.queue.then(() => this.rounds(key, id, input, index));
    this.queue = turn.then(() => undefined, () => undefined);
    return turn;
  }

  private async rounds(key: string, id: number, input: { text: string; config: ResolvedConfig; today: string }, index: WorkspaceIndex): Promise<OffThreadLint | typeof LINT_HERE | undefined> {
    const sent = new Set([...index.dependentsOf(key), ...[...index.allAgencies()].map((a) => a.file)]);
    sent.delete(key);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (this.latest.get(key) !== id) return undefined;
      const facts = [...sent].flatMap((file) => index.factsOf(file) ?? []);
      const reply = await this.ask({ file: key, ...input, facts, limit: OFF_THREAD_FINDINGS_SHOWN });
      if (!reply || this.latest.get(key) !== id) return undefined;
      const named = await unconfirmed(reply.lookups, index, key);
      if (named === undefined) return { findings: reply.findings, counts: reply.counts };
      const more = [...named].filter((file) => !sent.has(file));
      if (more.length === 0) break;
      for (const file of more) sent.add(file);
    }
    return LINT_HERE;
  }

  private ask(request: WorkerLintRequest): Promise<WorkerLintReply | undefined> {
    const worker = (this.worker ??= this.start());
    return new Promise((resolve, reject) => {
      this.running = { key: request.file, settle: (reply, error) => (error ? reject(error) : resolve(reply)) };
      worker.postMessage(request);
    });
  }

  private start(): Worker {
    const ts = this.script.endsWith('.ts');
    const worker = new Worker(this.script, {
      workerData: LINT_WORKER, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      // Under tests the worker runs the TypeScript source, as the tests do.
      execArgv: ts ? ['--require', 'tsx/cjs'] : [],
    });
    worker.unref();
    worker.on('message', (reply: WorkerLintReply) => this.settle(reply));
    worker.on('error', (error) => this.failed(worker, error));
    worker.on('exit', (code) => this.failed(worker, new Error(`the lint worker stopped (exit code ${code})`)));
    return worker;
  }

  private settle(reply: WorkerLintReply | undefined, error?: Error): void {
    const running = this.running;
    this.running = undefined;
    running?.settle(reply, error);
  }

  private failed(worker: Worker, error: Error): void {
    if (this.worker !== worker) return; // stopped on purpose
    this.worker = undefined;
    this.settle(undefined, error);
  }

  /** Stops the worker (a fresh one starts for the next lint); the lint it ran is told it was superseded. */
  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    this.settle(undefined);
  }

  /** The document was closed: its lint, running or waiting, is dropped. */
  cancel(key: string): void {
    this.latest.delete(key);
    if (this.running?.key === key) this.stop();
  }

  dispose(): void {
    this.latest.clear();
    this.stop();
  }
}

/**
 * Checks the worker's look-ups against the server's index, between requests: undefined when every answer is the same
 * (the document's own facts left out of the server's: the worker read them from the open text), else the files the
 * server's differing answers name.
 */
async function unconfirmed(chunks: readonly string[], index: WorkspaceIndex, key: string): Promise<Set<string> | undefined> {
  const named = new Set<string>();
  let differs = false;
  let sliceStart = Date.now();
  for (const chunk of chunks) {
    for (const [lookup, answer] of JSON.parse(chunk) as [string, unknown][]) {
      const ours = withoutFile(index.answerOf(lookup), key);
      if (JSON.stringify(ours) === JSON.stringify(answer)) continue;
      differs = true;
      if (Array.isArray(ours)) for (const x of ours) if (isFact(x)) named.add(x.file);
    }
    if (Date.now() - sliceStart >= CHECK_SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = Date.now();
    }
  }
  return differs ? named : undefined;
}

function withoutFile(answer: unknown, file: string): unknown {
  return Array.isArray(answer) ? answer.filter((x) => !(isFact(x) && x.file === file)) : answer;
}

function isFact(x: unknown): x is Pick<FileFacts, 'file'> {
  return typeof x === 'object' && x !== null && typeof (x as { file?: unknown }).file === 'string';
}

/** The bundle runs itself as the worker (main.ts); the sources, under tests, run lint-worker.ts. */
function workerScript(): string {
  return __filename.endsWith('.ts') ? path.join(__dirname, 'lint-worker.ts') : __filename;
}
