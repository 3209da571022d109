import { Worker, parentPort } from 'node:worker_threads';

/** A batch of jobs for one worker thread, and its answer. */
export interface PoolRequest<Job> { id: number; jobs: Job[] }
export type PoolReply<Result> = { id: number; result: Result[] } | { id: number; error: string };

/** Jobs per message: large enough to amortise the messaging, small enough to balance the threads. */
const BATCH = 8;

/**
 * Worker threads running one script (the CLI's bundle for lint's phase 1, the server's for indexing), each answering
 * batches of jobs with `serveJobs`; batches are handed out as workers free up, and the results are taken in the order
 * of the jobs, whatever the threads do. A worker that fails or dies fails the run (`failed` says how it is reported):
 * its jobs would otherwise go undone.
 */
export class WorkerPool<Job, Result> {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve(value: Result[]): void; reject(error: Error): void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(count: number, script: string, workerData: unknown, private readonly failed: (why: string) => Error) {
    this.workers = Array.from({ length: count }, () => this.start(script, workerData));
  }

  private start(script: string, workerData: unknown): Worker {
    const worker = new Worker(script, { workerData });
    worker.on('message', (reply: PoolReply<Result>) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if ('error' in reply) waiter?.reject(this.failed(reply.error));
      else waiter?.resolve(reply.result);
    });
    const fail = (why: string) => {
      this.failure ??= this.failed(why);
      for (const waiter of this.waiting.values()) waiter.reject(this.failure);
      this.waiting.clear();
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => { if (code !== 0) fail(`exit code ${code}`); });
    return worker;
  }

  private ask(w: number, request: PoolRequest<Job>): Promise<Result[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<Result[]>((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      this.workers[w].postMessage(request);
    });
  }

  /** Runs every job; `take` gets each result in the order of the jobs, as soon as it and those before it are in. */
  async run(jobs: readonly Job[], take: (result: Result, index: number) => void): Promise<void> {
    const arrived = new Map<number, Result[]>();
    let next = 0;
    let taken = 0;
    const drive = async (w: number) => {
      while (next < jobs.length) {
        const start = next;
        next = Math.min(jobs.length, next + BATCH);
        arrived.set(start, await this.ask(w, { id: this.nextId++, jobs: jobs.slice(start, next) }));
        for (let batch = arrived.get(taken); batch; batch = arrived.get(taken)) {
          arrived.delete(taken);
          for (const result of batch) take(result, taken++);
        }
      }
    };
    // Two batches in flight per worker, so that none waits while this thread takes in another's results.
    await Promise.all(this.workers.flatMap((_, w) => [drive(w), drive(w)]));
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** The body of a pool's worker thread: answers each batch with `handle` on every job, until it is terminated. */
export function serveJobs<Job, Result>(handle: (job: Job) => Result): void {
  parentPort!.on('message', (request: PoolRequest<Job>) => {
    let reply: PoolReply<Result>;
    try {
      reply = { id: request.id, result: request.jobs.map(handle) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
  });
}
