import { WorkerPool } from '../../host/worker-pool';
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

/**
 * `--concurrency N`: N worker threads running the same bundle (see main.ts) for phase 1 (host/worker-pool.ts). A
 * worker that dies fails the run (exit 2, no report), as its files would otherwise go unlinted.
 */
export class WorkerExecutor implements Executor {
  private readonly pool: WorkerPool<FileJob, FileOutcome>;
  /** Workers keep nothing: phase 2 reads its files again where the views do not do. */
  readonly kept = new KeptSources(0);

  constructor(count: number, script: string, setup: WorkerSetup) {
    this.pool = new WorkerPool(count, script, setup, crashed);
  }

  async filePhase(jobs: readonly FileJob[], progress: (done: number) => void): Promise<FileOutcome[]> {
    const results = new Array<FileOutcome>(jobs.length);
    await this.pool.run(jobs, (result, i) => {
      results[i] = result;
      progress(i + 1);
    });
    return results;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

function crashed(why: string): CliError {
  return new CliError(bilingual(`govspec lint：工作线程失败：${why}`, `govspec lint: a worker thread failed: ${why}`));
}
