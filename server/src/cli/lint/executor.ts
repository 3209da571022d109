import { Worker } from 'node:worker_threads';
import type { Finding } from '../../engine/types';
import { WorkspaceIndex, compactFacts } from '../../engine/workspace';
import type { FileFacts } from '../../engine/workspace';
import { CliError, bilingual } from '../cli-error';
import { KEPT_CHARS, KeptSources, filePhase, workspacePhase } from './tasks';
import type { FileJob, FileLintPart, FileOutcome, TaskContext } from './tasks';

/** A reported file for phase 2, with what phase 1 found. */
export interface WorkspaceJob { job: FileJob; part: FileLintPart }

/** Runs the two phases over many files; results come back in the order of the jobs, whatever the threads do. */
export interface Executor {
  filePhase(jobs: readonly FileJob[], progress: (done: number) => void): Promise<FileOutcome[]>;
  /** Hands the complete index to whoever runs phase 2. */
  setIndex(facts: readonly FileFacts[]): Promise<void>;
  workspacePhase(jobs: readonly WorkspaceJob[], progress: (done: number) => void): Promise<Finding[][]>;
  close(): Promise<void>;
}

export function indexOf(facts: readonly FileFacts[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const f of facts) index.update(compactFacts(f));
  return index;
}

/** `--concurrency 1`: everything in this thread. */
export class InlineExecutor implements Executor {
  private index = new WorkspaceIndex();
  private readonly kept = new KeptSources(KEPT_CHARS);

  constructor(private readonly ctx: TaskContext) {}

  async filePhase(jobs: readonly FileJob[], progress: (done: number) => void): Promise<FileOutcome[]> {
    return jobs.map((job, i) => {
      progress(i + 1);
      return filePhase(job, this.ctx, this.kept);
    });
  }

  async setIndex(facts: readonly FileFacts[]): Promise<void> {
    this.index = indexOf(facts);
  }

  async workspacePhase(jobs: readonly WorkspaceJob[], progress: (done: number) => void): Promise<Finding[][]> {
    return jobs.map(({ job, part }, i) => {
      progress(i + 1);
      return workspacePhase(job, part, this.index, this.ctx, this.kept);
    });
  }

  async close(): Promise<void> {}
}

/** What the main thread tells a worker at start. */
export interface WorkerSetup { cwd: string; config: string | undefined; today: string; keptChars: number }

export type WorkerRequest =
  | { type: 'file'; id: number; jobs: FileJob[] }
  /**
   * Part of the facts as JSON: serialised once for all workers, where a structured clone would walk them once per
   * worker; in parts, as a national workspace's facts would pass the longest string a thread can hold.
   */
  | { type: 'facts'; id: number; facts: string }
  /** All the facts are there: build the index from them. */
  | { type: 'index'; id: number }
  | { type: 'workspace'; id: number; jobs: WorkspaceJob[] };

export type WorkerReply = { id: number; result: unknown } | { id: number; error: string };

/** Files' facts per message of the index: a few megabytes of JSON. */
const FACTS_PER_MESSAGE = 256;

/** Files per message: large enough to amortise the messaging, small enough to balance the threads. */
const BATCH = 8;

/**
 * `--concurrency N`: N worker threads running the same bundle (see main.ts). Phase 1 hands out batches as workers
 * free up; phase 2 of a file runs on the worker that read it, which may still hold its data. A worker that dies
 * fails the run (exit 2, no report), as its files would otherwise go unlinted.
 */
export class WorkerExecutor implements Executor {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  /** Which worker read each file in phase 1. */
  private readonly owner = new Map<string, number>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(count: number, script: string, setup: Omit<WorkerSetup, 'keptChars'>) {
    this.workers = Array.from({ length: count }, () => this.start(script, { ...setup, keptChars: Math.floor(KEPT_CHARS / count) }));
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

  private ask<T>(w: number, request: WorkerRequest): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(request.id, { resolve: resolve as (value: unknown) => void, reject });
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
        const out = await this.ask<FileOutcome[]>(w, { type: 'file', id: this.nextId++, jobs: jobs.slice(start, next) });
        out.forEach((r, i) => { results[start + i] = r; this.owner.set(r.file, w); });
        progress((done += out.length));
      }
    };
    await Promise.all(this.workers.map((_, w) => drive(w)));
    return results;
  }

  async setIndex(facts: readonly FileFacts[]): Promise<void> {
    for (let start = 0; start < facts.length; start += FACTS_PER_MESSAGE) {
      const json = JSON.stringify(facts.slice(start, start + FACTS_PER_MESSAGE));
      await Promise.all(this.workers.map((_, w) => this.ask(w, { type: 'facts', id: this.nextId++, facts: json })));
    }
    await Promise.all(this.workers.map((_, w) => this.ask(w, { type: 'index', id: this.nextId++ })));
  }

  /** Each file goes to the worker that read it; files that came from the cache go to the shortest queue. */
  async workspacePhase(jobs: readonly WorkspaceJob[], progress: (done: number) => void): Promise<Finding[][]> {
    const queues: number[][] = this.workers.map(() => []);
    jobs.forEach((job, at) => {
      const w = this.owner.get(job.job.file) ?? queues.reduce((best, q, i) => (q.length < queues[best].length ? i : best), 0);
      queues[w].push(at);
    });
    const results = new Array<Finding[]>(jobs.length);
    let done = 0;
    const drive = async (queue: readonly number[], w: number) => {
      for (let start = 0; start < queue.length; start += BATCH) {
        const batch = queue.slice(start, start + BATCH);
        const out = await this.ask<Finding[][]>(w, { type: 'workspace', id: this.nextId++, jobs: batch.map((at) => jobs[at]) });
        out.forEach((r, i) => { results[batch[i]] = r; });
        progress((done += out.length));
      }
    };
    await Promise.all(queues.map(drive));
    return results;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function crashed(why: string): CliError {
  return new CliError(bilingual(`govspec lint：工作线程失败：${why}`, `govspec lint: a worker thread failed: ${why}`));
}
