import { sortFindings } from '../../engine';
import { LIMITS } from '../../engine';
import { readRegularFile } from '../../host/read-regular';
import { WorkspaceIndex, compactFacts } from '../../engine';
import { answersKeyOf, indexKeyOf, quietKeyOf, runKeyOf } from './cache';
import { PackedFacts } from './packed-facts';
import type { CacheEntry, Finished, LintCache } from './cache';
import type { Executor } from './executor';
import type { Progress } from './progress';
import type { FileResult } from './report';
import { contentKeyOf, workspacePhase } from './tasks';
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
  const cached: Cached[] = cache ? jobs.map((job, i) => lookUp(cache, job, runKeys[i], ctx.workspaceOf(job.absolute))) : [];
  const misses = jobs.filter((_, i) => !cached[i]?.hit);
  const computed = await executor.filePhase(misses, (done) => progress.update('reading', done, misses.length));
  let m = 0;
  const outcomes: FileOutcome[] = jobs.map((_, i) => cached[i]?.hit ? outcomeOf(cached[i].hit!) : computed[m++]);
  // Facts come from phase 1 through a clone (this thread) or a message (worker threads): make them records again.
  for (const o of outcomes) if (o.facts) compactFacts(o.facts);

  // Every file's facts key. Facts computed in this run are written beside the entries at once: held to the end, their
  // texts would add hundreds of megabytes to a national run.
  const factsKeys = new Map<string, string>();
  const packed = cache && new PackedFacts(cache, ctx);
  if (packed) {
    outcomes.forEach((o, i) => {
      const key = o.facts ? packed.computed(o.file, o.facts, cached[i]?.previous?.factsKey) : cached[i]?.hit?.factsKey;
      if (key !== undefined) factsKeys.set(o.file, key);
    });
  }
  const indexKey = cache ? indexKeyOf(factsKeys) : '';
  const contentKeys = new Map(outcomes.map((o) => [o.file, o.contentKey]));
  const finished = new Map<string, Finished>();
  const pending: { job: FileJob; part: FileLintPart }[] = [];
  // Results computed against another index, kept when each of their look-ups answers the same in this one.
  const recheck: { job: FileJob; part: FileLintPart; kept: Finished }[] = [];
  const relatedUnchanged = (done: Finished) => Object.entries(done.related).every(([file, key]) => contentKeys.get(file) === key);
  jobs.forEach((job, i) => {
    const lint = outcomes[i].lint;
    if (!job.reported || !lint) return;
    const reuse = cached[i]?.hit?.finished;
    const previous = cached[i]?.previous?.finished;
    // Views and flags as in the last quiet run: quiet again against an index that answers its look-ups the same,
    // whatever else of the file changed.
    const quietAgain = previous?.quietKey !== undefined && previous.quietKey === quietKeyOf(lint);
    if (reuse && reuse.indexKey === indexKey && relatedUnchanged(reuse)) finished.set(job.file, reuse);
    else if (quietAgain && previous.indexKey === indexKey) {
      finished.set(job.file, { ...previous, related: {}, findings: sortFindings(lint.findings) });
    }
    else if (reuse?.answersKey !== undefined && relatedUnchanged(reuse)) recheck.push({ job, part: lint, kept: reuse });
    else if (quietAgain && previous.answersKey !== undefined) recheck.push({ job, part: lint, kept: { ...previous, related: {}, findings: sortFindings(lint.findings) } });
    else if (lint.documents.length > 0 || lint.directives) pending.push({ job, part: lint });
    else finished.set(job.file, { indexKey, related: {}, findings: sortFindings(lint.findings) });
  });
  if (pending.length > 0 || recheck.length > 0) {
    const index = new WorkspaceIndex();
    outcomes.forEach((o, i) => {
      const hit = cached[i]?.hit;
      const facts = o.facts ?? (hit?.factsKey !== undefined ? packed!.cached(jobs[i], hit.factsKey) : undefined);
      if (facts) index.update(facts);
    });
    const answers = new Map<string, string>();
    for (const { job, part, kept } of recheck) {
      // Written again under this index's key, so that the next run, if the index stays as it is, needs no index.
      if (answersKeyOf(index, kept.lookups ?? [], answers, factsKeys) === kept.answersKey) finished.set(job.file, { ...kept, indexKey });
      else pending.push({ job, part });
    }
    pending.forEach(({ job, part }, i) => {
      progress.update('linting', i + 1, pending.length);
      const { result: { findings, quiet }, lookups } = cache
        ? index.recordLookups(() => workspacePhase(job, part, index, ctx, executor.kept))
        : { result: workspacePhase(job, part, index, ctx, executor.kept), lookups: [] };
      const related = Object.fromEntries(findings.flatMap((f) => f.related).map((r) => [r.file, contentKeys.get(r.file) ?? '']));
      // The quiet verdict and the look-ups are kept for the cache only: their keys cost a decoding of the views
      // and a hash of each answer.
      finished.set(job.file, cache
        ? { indexKey, related, findings, quietKey: quiet ? quietKeyOf(part) : undefined, lookups, answersKey: answersKeyOf(index, lookups, answers, factsKeys) }
        : { indexKey, related, findings });
    });
  }

  if (cache) {
    packed!.finish(jobs, factsKeys);
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

/** What the cache holds for a job: a usable entry (same bytes, same run key, and for a reported file its file phase), or the last one. */
function lookUp(cache: LintCache, job: FileJob, runKey: string, workspace: string): Cached {
  // Bounded and regular files only, as every read: anything else is no hit, and the file phase reports it.
  const read = readRegularFile(job.absolute, { maxBytes: LIMITS.fileBytes, workspace });
  if (read.kind !== 'bytes') return {};
  const bytes = read.bytes;
  const entry = cache.read(job.file);
  if (!entry || entry.runKey !== runKey) return {};
  return entry.contentKey === contentKeyOf(bytes) && (!job.reported || entry.lint) ? { hit: entry } : { previous: entry };
}

function outcomeOf(entry: CacheEntry): FileOutcome {
  return { file: entry.file, contentKey: entry.contentKey, facts: undefined, lint: entry.lint };
}
