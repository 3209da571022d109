import { Worker } from 'node:worker_threads';
import { CliError, bilingual } from '../cli-error';
import { KEPT_CHARS, KeptSources, filePhase } from './tasks';
import type { FileJob, FileOutcome, TaskContext } from './tasks';

/**
 * Runs phase 1 over many files; results come back in the order of the jobs, whatever the threads do. Phase 2 runs
 * in the main thread (pipeline.ts) against its one index: on views it costs little, and an index per worker would
 * cost a national run a gigabyte each.
 */
export interface Executor {
  filePhase(jobs: readonly FileJob[], progress: (done: number) => void): Promise<FileOutcome[]>;
  /** The sources phase 1 kept for phase 2 (none when threads read them). */
  readonly kept: KeptSources;
  close(): Promise<void>;
}

/** `--concurrency 1`: everything in this thread. */
export class InlineExecutor implements Executor {
  readonly kept = new KeptSources(KEPT_CHARS);

  constructor(private readonly ctx: TaskContext) {}

  async filePhase(jobs: readonly FileJob[], progress: (done: number) => void): Promise<FileOutcome[]> {
    return jobs.map((job, i) => {
      progress(i + 1);
      return filePhase(job, this.ctx, this.kept);
    });
  }

  async close(): Promise<void> {}
}

/** What the main thread tells a worker at start. */
export interface WorkerSetup { cwd: string; config: string | undefined; today: string }

export interface WorkerRequest { id: number; jobs: FileJob[] }

export type WorkerReply = { id: number; result: FileOutcome[] } | { id: number; error: string };

/** Files per message: large enough to amortise the messaging, small enough to balance the threads. */
const BATCH = 8;

/**
 * `--concurrency N`: N worker threads running the same bundle (see main.ts) for phase 1, which hands out batches as
 * workers free up. A worker that dies fails the run (exit 2, no report), as its files would otherwise go unlinted.
 */
export class WorkerExecutor implements Executor {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve(value: FileOutcome[]): void; reject(error: Error): void }>();
  /** Workers keep nothing: phase 2 reads its files again where the views do not do. */
  readonly kept = new KeptSources(0);
  private nextId = 0;
  private failure: Error | undefined;

  constructor(count: number, script: string, setup: WorkerSetup) {
    this.workers = Array.from({ length: count }, () => this.start(script, setup));
  }

  private start(script: string, setup: WorkerSetup): Worker {
    const worker = new Worker(script, { workerData: setup });
    worker.on('message', (reply: WorkerReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('error' in reply) waiter?.reject(crashed(reply.error));
      else waiter?.resolve(reply.result);
    });
    const fail = (why: string) => {
      this.failure ??= crashed(why);
      for (const waiter of this.waiting.values()) waiter.reject(this.failure);
      this.waiting.clear();
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => { if (code !== 0) fail(`exit code ${code}`); });
    return worker;
  }

  private ask(w: number, request: WorkerRequest): Promise<FileOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<FileOutcome[]>((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      this.workers[w].postMessage(request);
    });
  }

  async filePhase(jobs: readonly FileJob[], progress: (done: number) => void): Promise<FileOutcome[]> {
    const results = new Array<FileOutcome>(jobs.length);
    let next = 0;
    let done = 0;
    const drive = async (w: number) => {
      while (next < jobs.length) {
        const start = next;
        next = Math.min(jobs.length, next + BATCH);
        const out = await this.ask(w, { id: this.nextId++, jobs: jobs.slice(start, next) });
        out.forEach((r, i) => { results[start + i] = r; });
        progress((done += out.length));
      }
    };
    // Two batches in flight per worker, so that none waits while this thread takes in another's results.
    await Promise.all(this.workers.flatMap((_, w) => [drive(w), drive(w)]));
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function crashed(why: string): CliError {
  return new CliError(bilingual(`govspec lint：工作线程失败：${why}`, `govspec lint: a worker thread failed: ${why}`));
}
