import { compileKeyPatterns, factsOfText } from '../engine';
import type { FileFacts, KeyPatternTexts } from '../engine';
import { readTextFile } from '../host/file-system';
import { WorkerPool, serveJobs } from '../host/worker-pool';

/**
 * Indexing a workspace's closed files on worker threads: reading, decoding and the fast YAML read are nearly all of
 * the cost of indexing (docs/performance.md), and each file's facts need nothing but its bytes and its config's key
 * patterns. The threads run the server's own bundle (main.ts), answer with each file's facts, and end with the
 * indexing; the facts come back by structured clone, a copy that holds nothing of the text.
 */

/** A closed file to index: its key (the file name its facts carry), its path, and its config's key patterns. */
export interface IndexJob { key: string; fsPath: string; patterns: KeyPatternTexts }

/**
 * How the closed files of a workspace are read for its index: `read` hands each job's facts to `take`, in the order
 * of the jobs (`indexThreads`); a workspace of fewer closed files than `minFiles` is read in the main thread instead.
 */
export interface ClosedFilesReader {
  minFiles: number;
  read(jobs: readonly IndexJob[], take: (facts: FileFacts | undefined, job: IndexJob) => void): Promise<void>;
}

/** What a closed file gives the index: undefined when it cannot be read as text or is no GovSpec file. */
export function closedFileFacts(job: IndexJob): FileFacts | undefined {
  const text = readTextFile(job.fsPath);
  return text === undefined ? undefined : factsOfText(job.key, text, compileKeyPatterns(job.patterns));
}

/** The body of an indexing thread (main.ts). A file that fails gives no facts, as in the CLI; the others go on. */
export function runIndexWorker(): void {
  serveJobs<IndexJob, FileFacts | undefined>((job) => {
    try {
      return closedFileFacts(job);
    } catch {
      return undefined;
    }
  });
}

/** `count` threads running `script` (the server's bundle), started for each indexing and ended with it. */
export function indexThreads(script: string, count: number, minFiles: number): ClosedFilesReader {
  return {
    minFiles,
    async read(jobs, take) {
      const pool = new WorkerPool<IndexJob, FileFacts | undefined>(count, script, undefined, (why) => new Error(`an indexing thread failed: ${why}`));
      try {
        await pool.run(jobs, (facts, i) => take(facts, jobs[i]));
      } finally {
        await pool.close();
      }
    },
  };
}
