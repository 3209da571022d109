import { parentPort, workerData } from 'node:worker_threads';
import { ConfigResolver } from './configs';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './executor';
import { KeptSources, filePhase } from './tasks';
import type { TaskContext } from './tasks';

/** The body of a worker thread: answers the main thread's batches of phase 1 (executor.ts) until it is terminated. */
export function runWorker(): void {
  const setup = workerData as WorkerSetup;
  const resolver = new ConfigResolver(setup.cwd, setup.config);
  const ctx: TaskContext = { cwd: setup.cwd, today: setup.today, configFor: (absolute) => resolver.of(absolute).config, workspaceOf: (absolute) => resolver.of(absolute).root };
  // Phase 2 runs in the main thread, which reads again what its views do not answer.
  const kept = new KeptSources(0);
  parentPort!.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { id: request.id, result: request.jobs.map((job) => filePhase(job, ctx, kept, true)) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
  });
}
