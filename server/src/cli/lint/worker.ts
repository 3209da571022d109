import { workerData } from 'node:worker_threads';
import { NODE_FILE_SYSTEM } from '../../host/file-system';
import { Workspaces } from '../../host/workspaces';
import { serveJobs } from '../../host/worker-pool';
import { CliConfigs } from './configs';
import type { WorkerSetup } from './executor';
import { KeptSources, filePhase } from './tasks';
import type { FileJob, FileOutcome, TaskContext } from './tasks';

/** The body of a worker thread: answers the main thread's batches of phase 1 (executor.ts) until it is terminated. */
export function runWorker(): void {
  const setup = workerData as WorkerSetup;
  // Configs do not depend on ignore settings: the main thread chose the files.
  const workspaces = new Workspaces(NODE_FILE_SYSTEM, { explicitConfig: setup.config, gitignore: false });
  const configs = new CliConfigs(setup.cwd, workspaces);
  const ctx: TaskContext = {
    cwd: setup.cwd, today: setup.today, configFor: (absolute) => configs.of(absolute).config,
    workspaceOf: (absolute) => workspaces.rootOf(absolute, false),
  };
  // Phase 2 runs in the main thread, which reads again what its views do not answer.
  const kept = new KeptSources(0);
  serveJobs<FileJob, FileOutcome>((job) => filePhase(job, ctx, kept, true));
}
