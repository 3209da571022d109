import { parentPort, workerData } from 'node:worker_threads';
import { compactFacts } from '../../engine/workspace';
import type { FileFacts, WorkspaceIndex } from '../../engine/workspace';
import { ConfigResolver } from './configs';
import { indexOf } from './executor';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './executor';
import { KeptSources, filePhase, workspacePhase } from './tasks';
import type { TaskContext } from './tasks';

/** The body of a worker thread: answers the main thread's batches (executor.ts) until it is terminated. */
export function runWorker(): void {
  const setup = workerData as WorkerSetup;
  const resolver = new ConfigResolver(setup.cwd, setup.config);
  const ctx: TaskContext = { cwd: setup.cwd, today: setup.today, configFor: (absolute) => resolver.of(absolute).config };
  const kept = new KeptSources(setup.keptChars);
  let index: WorkspaceIndex | undefined;
  let facts: FileFacts[] = [];
  const answer = (request: WorkerRequest): unknown => {
    switch (request.type) {
      case 'file': return request.jobs.map((job) => filePhase(job, ctx, kept));
      case 'facts': for (const f of JSON.parse(request.facts) as FileFacts[]) facts.push(compactFacts(f)); return null;
      case 'index': index = indexOf(facts); facts = []; return null;
      case 'workspace': return request.jobs.map(({ job, part }) => workspacePhase(job, part, index!, ctx, kept));
    }
  };
  parentPort!.on('message', (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { id: request.id, result: answer(request) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(reply);
  });
}
