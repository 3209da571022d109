import { readFileSync } from 'node:fs';
import { sortFindings } from '../../engine/lint';
import type { Finding } from '../../engine/types';
import { WorkspaceIndex, compactFacts } from '../../engine/workspace';
import type { FileFacts } from '../../engine/workspace';
import { factsKeyOf, indexKeyOf, runKeyOf } from './cache';
import type { CacheEntry, LintCache } from './cache';
import type { Executor } from './executor';
import type { Progress } from './progress';
import type { FileResult } from './report';
import { contentKeyOf, workspacePhase } from './tasks';
import type { FileJob, FileLintPart, FileOutcome, TaskContext } from './tasks';

/**
 * One workspace linted in two phases (ARCHITECTURE.md): every file on its own (facts, file-scope findings), then the
 * index from all the facts, then the workspace-scope rules of the reported files against it. Only facts and
 * findings stay in memory, never texts or syntax trees, so a national workspace fits; the cache skips whatever
 * it can prove unchanged.
 */
export async function lintInPhases(jobs: readonly FileJob[], executor: Executor, ctx: TaskContext, progress: Progress, cache?: LintCache): Promise<FileResult[]> {
  const runKeys = jobs.map((job) => runKeyOf(ctx.configFor(job.absolute), ctx.today));
  const cached = cache ? jobs.map((job, i) => lookUp(cache, job, runKeys[i])) : [];
  const misses = jobs.filter((_, i) => !cached[i]);
  const computed = await executor.filePhase(misses, (done) => progress.update('reading', done, misses.length));
  const outcomes: FileOutcome[] = [];
  let m = 0;
  jobs.forEach((_, i) => outcomes.push(cached[i] ? outcomeOf(cached[i]!) : computed[m++]));

  // Facts that came through a clone (worker threads) or JSON (the cache) have plain items: make them records again.
  const facts: FileFacts[] = outcomes.flatMap((o) => (o.facts ? [compactFacts(o.facts)] : []));
  const factsKeys = new Map<string, string>();
  if (cache) outcomes.forEach((o, i) => { if (o.facts) factsKeys.set(o.file, cached[i]?.factsKey ?? factsKeyOf(o.facts)); });
  const indexKey = cache ? indexKeyOf(factsKeys) : '';
  const contentKeys = new Map(outcomes.map((o) => [o.file, o.contentKey]));
  const finished = new Map<string, Finding[]>();
  const pending: { job: FileJob; part: FileLintPart }[] = [];
  jobs.forEach((job, i) => {
    const lint = outcomes[i].lint;
    if (!job.reported || !lint) return;
    const reuse = cached[i]?.finished;
    if (reuse && reuse.indexKey === indexKey && Object.entries(reuse.related).every(([file, key]) => contentKeys.get(file) === key)) finished.set(job.file, reuse.findings);
    else if (lint.documents.length > 0 || lint.directives) pending.push({ job, part: lint });
    else finished.set(job.file, sortFindings(lint.findings));
  });
  if (pending.length > 0) {
    const index = new WorkspaceIndex();
    for (const f of facts) index.update(f);
    pending.forEach(({ job, part }, i) => {
      progress.update('linting', i + 1, pending.length);
      finished.set(job.file, workspacePhase(job, part, index, ctx, executor.kept));
    });
  }

  if (cache) {
    jobs.forEach((job, i) => {
      const o = outcomes[i];
      if (o.contentKey === undefined) return;
      const findings = finished.get(job.file);
      const related = Object.fromEntries((findings ?? []).flatMap((f) => f.related).map((r) => [r.file, contentKeys.get(r.file) ?? '']));
      const entry: CacheEntry = {
        format: 'govspec-cache/2', file: job.file, contentKey: o.contentKey, runKey: runKeys[i], facts: o.facts, factsKey: factsKeys.get(job.file),
        lint: o.lint ?? cached[i]?.lint, finished: findings ? { indexKey, related, findings } : cached[i]?.finished,
      };
      const hit = cached[i];
      if (!hit || (job.reported && findings !== hit.finished?.findings)) cache.write(entry);
    });
  }
  return jobs.flatMap((job, i) => {
    const lint = outcomes[i].lint;
    return job.reported && lint ? [{ file: job.file, documents: lint.documents, findings: finished.get(job.file) ?? [] }] : [];
  });
}

/** A usable entry for a job: same bytes, same run key, and for a reported file, its file phase done. */
function lookUp(cache: LintCache, job: FileJob, runKey: string): CacheEntry | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.absolute);
  } catch {
    return undefined;
  }
  const entry = cache.read(job.file, contentKeyOf(bytes), runKey);
  return entry && (!job.reported || entry.lint) ? entry : undefined;
}

function outcomeOf(entry: CacheEntry): FileOutcome {
  return { file: entry.file, contentKey: entry.contentKey, facts: entry.facts as FileFacts | undefined, lint: entry.lint };
}
