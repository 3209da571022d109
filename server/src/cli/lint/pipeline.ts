import { readFileSync } from 'node:fs';
import { sortFindings } from '../../engine';
import { WorkspaceIndex, compactFacts } from '../../engine';
import type { FileFacts } from '../../engine';
import { indexKeyOf, quietKeyOf, runKeyOf, storedFactsOf } from './cache';
import type { CacheEntry, Finished, LintCache } from './cache';
import type { Executor } from './executor';
import type { Progress } from './progress';
import type { FileResult } from './report';
import { KeptSources, contentKeyOf, filePhase, workspacePhase } from './tasks';
import type { FileJob, FileLintPart, FileOutcome, TaskContext } from './tasks';

/** What the cache holds for a job: an entry for its bytes (`hit`), else its last entry under the same run key. */
interface Cached { hit?: CacheEntry; previous?: CacheEntry }

/**
 * One workspace linted in two phases (ARCHITECTURE.md): every file on its own (facts, file-scope findings), then the
 * index from all the facts, then the workspace-scope rules of the reported files against it. Only facts and
 * findings stay in memory, never texts or syntax trees, so a national workspace fits; the cache skips whatever
 * it can prove unchanged, down to the index itself when no file needs it.
 */
export async function lintInPhases(jobs: readonly FileJob[], executor: Executor, ctx: TaskContext, progress: Progress, cache?: LintCache): Promise<FileResult[]> {
  const runKeys = jobs.map((job) => runKeyOf(ctx.configFor(job.absolute), ctx.today));
  const cached: Cached[] = cache ? jobs.map((job, i) => lookUp(cache, job, runKeys[i])) : [];
  const misses = jobs.filter((_, i) => !cached[i]?.hit);
  const computed = await executor.filePhase(misses, (done) => progress.update('reading', done, misses.length));
  let m = 0;
  const outcomes: FileOutcome[] = jobs.map((_, i) => cached[i]?.hit ? outcomeOf(cached[i].hit!) : computed[m++]);
  // Facts come from phase 1 through a clone (this thread) or a message (worker threads): make them records again.
  for (const o of outcomes) if (o.facts) compactFacts(o.facts);

  // Every file's facts key. Facts computed in this run are written beside the entries at once: held to the end, their
  // texts would add hundreds of megabytes to a national run.
  const factsKeys = new Map<string, string>();
  if (cache) {
    outcomes.forEach((o, i) => {
      const key = o.facts ? writeFacts(cache, o.file, o.facts) : cached[i]?.hit?.factsKey;
      if (key !== undefined) factsKeys.set(o.file, key);
    });
  }
  const indexKey = cache ? indexKeyOf(factsKeys) : '';
  const contentKeys = new Map(outcomes.map((o) => [o.file, o.contentKey]));
  const finished = new Map<string, Finished>();
  const pending: { job: FileJob; part: FileLintPart }[] = [];
  jobs.forEach((job, i) => {
    const lint = outcomes[i].lint;
    if (!job.reported || !lint) return;
    const reuse = cached[i]?.hit?.finished;
    const previous = cached[i]?.previous?.finished;
    if (reuse && reuse.indexKey === indexKey && Object.entries(reuse.related).every(([file, key]) => contentKeys.get(file) === key)) finished.set(job.file, reuse);
    // Views and flags as in the last quiet run, against the same index: quiet again, whatever else of the file changed.
    else if (previous?.quietKey !== undefined && previous.indexKey === indexKey && previous.quietKey === quietKeyOf(lint)) {
      finished.set(job.file, { indexKey, related: {}, findings: sortFindings(lint.findings), quietKey: previous.quietKey });
    }
    else if (lint.documents.length > 0 || lint.directives) pending.push({ job, part: lint });
    else finished.set(job.file, { indexKey, related: {}, findings: sortFindings(lint.findings) });
  });
  if (pending.length > 0) {
    const index = new WorkspaceIndex();
    outcomes.forEach((o, i) => {
      const hit = cached[i]?.hit;
      const facts = o.facts ?? (hit?.factsKey !== undefined ? cachedFacts(cache!, jobs[i], hit.factsKey, ctx) : undefined);
      if (facts) index.update(facts);
    });
    pending.forEach(({ job, part }, i) => {
      progress.update('linting', i + 1, pending.length);
      const { findings, quiet } = workspacePhase(job, part, index, ctx, executor.kept);
      const related = Object.fromEntries(findings.flatMap((f) => f.related).map((r) => [r.file, contentKeys.get(r.file) ?? '']));
      // The quiet verdict is kept for the cache only: its key costs a decoding of the views.
      finished.set(job.file, { indexKey, related, findings, quietKey: quiet && cache ? quietKeyOf(part) : undefined });
    });
  }

  if (cache) {
    jobs.forEach((job, i) => {
      const o = outcomes[i];
      const hit = cached[i]?.hit;
      const done = finished.get(job.file);
      if (o.contentKey === undefined) return;
      if (hit && (!job.reported || done === hit.finished)) return;
      cache.write({
        format: 'govspec-cache/3', file: job.file, contentKey: o.contentKey, runKey: runKeys[i],
        factsKey: factsKeys.get(job.file), lint: o.lint, finished: done ?? hit?.finished,
      });
    });
  }
  return jobs.flatMap((job, i) => {
    const lint = outcomes[i].lint;
    return job.reported && lint ? [{ file: job.file, documents: lint.documents, findings: finished.get(job.file)?.findings ?? [] }] : [];
  });
}

/** Writes a file's facts beside its entry; returns their key. */
function writeFacts(cache: LintCache, file: string, facts: FileFacts): string {
  const { facts: text, factsKey } = storedFactsOf(facts);
  cache.writeFacts(file, text);
  return factsKey;
}

/**
 * The facts of a file whose entry was used, read from beside it; when they are gone or damaged, read again from the
 * file (its bytes are those of the entry) and written back.
 */
function cachedFacts(cache: LintCache, job: FileJob, factsKey: string, ctx: TaskContext): FileFacts | undefined {
  const text = cache.readFacts(job.file, factsKey);
  if (text !== undefined) return compactFacts(JSON.parse(text) as FileFacts);
  const facts = filePhase({ ...job, reported: false }, ctx, new KeptSources(0)).facts;
  if (!facts) return undefined;
  compactFacts(facts);
  writeFacts(cache, job.file, facts);
  return facts;
}

/** What the cache holds for a job: a usable entry (same bytes, same run key, and for a reported file its file phase), or the last one. */
function lookUp(cache: LintCache, job: FileJob, runKey: string): Cached {
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.absolute);
  } catch {
    return {};
  }
  const entry = cache.read(job.file);
  if (!entry || entry.runKey !== runKey) return {};
  return entry.contentKey === contentKeyOf(bytes) && (!job.reported || entry.lint) ? { hit: entry } : { previous: entry };
}

function outcomeOf(entry: CacheEntry): FileOutcome {
  return { file: entry.file, contentKey: entry.contentKey, facts: undefined, lint: entry.lint };
}
