import { lstatSync } from 'node:fs';
import { sortFindings } from '../../engine';
import { LIMITS } from '../../engine';
import { readRegularFile } from '../../host/read-regular';
import { WorkspaceIndex, changedLookups, compactFacts } from '../../engine';
import type { FileFacts } from '../../engine';
import { FORMAT, STATE_FORMAT, indexKeyOf, quietKeyOf, runKeyOf, validKeyOf } from './cache';
import { KeyDirectory, directoryEntryOf } from './key-directory';
import type { DirectoryEntry } from './key-directory';
import { PackedFacts } from './packed-facts';
import type { CacheEntry, Finished, IndexState, LintCache } from './cache';
import type { Executor } from './executor';
import type { Progress } from './progress';
import type { FileResult } from './report';
import { contentKeyOf, workspacePhase } from './tasks';
import type { FileJob, FileLintPart, FileOutcome, TaskContext } from './tasks';

/** What the cache holds for a job: an entry for its bytes (`hit`), else its last entry under the same run key. */
interface Cached { hit?: CacheEntry; previous?: CacheEntry; stat?: string }

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
  const state = cache?.readState();
  const packed = cache && new PackedFacts(cache, ctx, state);
  if (packed) {
    outcomes.forEach((o, i) => {
      const key = o.facts ? packed.computed(o.file, o.facts) : cached[i]?.hit?.factsKey;
      if (key !== undefined) factsKeys.set(o.file, key);
    });
  }
  const indexKey = cache ? indexKeyOf(factsKeys) : '';
  const stateValid = new Map(Object.entries(state?.valid ?? {}));
  // The look-ups that can answer otherwise than in the index the last run left (undefined: not known, as when the
  // pack no longer holds a changed file's facts): findings that held there hold here unless they made one of them.
  const delta = state && changedSince(state, indexKey, jobs, outcomes, factsKeys, packed!);
  const changed = delta?.lookups;
  const holds = (entry: CacheEntry, done: Finished) => done.indexKey === indexKey
    || (changed !== undefined && done.lookups !== undefined && stateValid.get(entry.file) === validKeyOf(entry.runKey, entry.contentKey, done)
      && !done.lookups.some((lookup) => changed.has(lookup)));
  const contentKeys = new Map(outcomes.map((o) => [o.file, o.contentKey]));
  const finished = new Map<string, Finished>();
  const pending: { job: FileJob; part: FileLintPart }[] = [];
  const relatedUnchanged = (done: Finished) => Object.entries(done.related).every(([file, key]) => contentKeys.get(file) === key);
  jobs.forEach((job, i) => {
    const lint = outcomes[i].lint;
    if (!job.reported || !lint) return;
    const { hit, previous } = cached[i] ?? {};
    // Views and flags as in the last quiet run: quiet again against an index that answers its look-ups the same,
    // whatever else of the file changed.
    const quietAgain = previous?.finished?.quietKey !== undefined && previous.finished.quietKey === quietKeyOf(lint);
    if (hit?.finished && relatedUnchanged(hit.finished) && holds(hit, hit.finished)) finished.set(job.file, hit.finished);
    else if (quietAgain && holds(previous, previous.finished!)) {
      finished.set(job.file, { ...previous.finished!, related: {}, findings: sortFindings(lint.findings) });
    }
    else if (lint.documents.length > 0 || lint.directives) pending.push({ job, part: lint });
    else finished.set(job.file, { indexKey, related: {}, findings: sortFindings(lint.findings), lookups: [] });
  });
  const factsOf = (i: number) => {
    const hit = cached[i]?.hit;
    return outcomes[i].facts ?? (hit?.factsKey !== undefined ? packed!.cached(jobs[i], hit.factsKey) : undefined);
  };
  // The key directory of the last index, patched by the changed files: a warm run's index fetches only what its
  // look-ups need (`WorkspaceIndex.lazy`).
  const directory = cache && delta && state?.keys !== undefined && (pending.length > 0 || delta.files.size > 0)
    ? KeyDirectory.of(cache.readKeys(), state.keys) : undefined;
  let fullIndex: WorkspaceIndex | undefined;
  if (pending.length > 0) {
    const index = directory ? lazyIndex(jobs, directory, delta!, factsOf) : (fullIndex = new WorkspaceIndex());
    if (fullIndex) {
      jobs.forEach((_, i) => {
        const facts = factsOf(i);
        if (facts) fullIndex!.update(facts);
      });
    }
    pending.forEach(({ job, part }, i) => {
      progress.update('linting', i + 1, pending.length);
      const { result: { findings, quiet }, lookups } = cache
        ? index.recordLookups(() => workspacePhase(job, part, index, ctx, executor.kept))
        : { result: workspacePhase(job, part, index, ctx, executor.kept), lookups: [] };
      const related = Object.fromEntries(findings.flatMap((f) => f.related).map((r) => [r.file, contentKeys.get(r.file) ?? '']));
      // The quiet verdict and the look-ups are kept for the cache only: the quiet key costs a decoding of the views.
      finished.set(job.file, cache ? { indexKey, related, findings, quietKey: quiet ? quietKeyOf(part) : undefined, lookups } : { indexKey, related, findings });
    });
  }

  if (cache) {
    const pack = packed!.finish(jobs, factsKeys);
    const keys = nextDirectory(cache, state, delta, directory, fullIndex);
    // What holds against this index, by the entries that hold it: the next run's `holds`.
    const valid: Record<string, string> = {};
    let wrote = false;
    jobs.forEach((job, i) => {
      const o = outcomes[i];
      const hit = cached[i]?.hit;
      const done = finished.get(job.file);
      if (o.contentKey === undefined) return;
      if (hit && (!job.reported || done === hit.finished)) {
        if (done) valid[job.file] = validKeyOf(hit.runKey, hit.contentKey, done);
        return;
      }
      const entry: CacheEntry = {
        format: FORMAT, file: job.file, contentKey: o.contentKey, stat: cached[i]?.stat, runKey: runKeys[i], factsKey: factsKeys.get(job.file), lint: o.lint, finished: done ?? hit?.finished,
      };
      cache.write(entry);
      wrote = true;
      if (done) valid[job.file] = validKeyOf(entry.runKey, entry.contentKey, done);
    });
    const validChanged = Object.keys(valid).length !== stateValid.size || Object.entries(valid).some(([file, key]) => stateValid.get(file) !== key);
    if (!state || state.indexKey !== indexKey || wrote || validChanged || packed!.moved || keys !== state.keys) {
      cache.writeState({ format: STATE_FORMAT, indexKey, factsKeys: Object.fromEntries(factsKeys), valid, pack, keys });
    }
  }
  return jobs.flatMap((job, i) => {
    const lint = outcomes[i].lint;
    return job.reported && lint ? [{ file: job.file, documents: lint.documents, findings: finished.get(job.file)?.findings ?? [] }] : [];
  });
}

/** What the cache holds for a job: a usable entry (same bytes, same run key, and for a reported file its file phase), or the last one. */
function lookUp(cache: LintCache, job: FileJob, runKey: string, workspace: string): Cached {
  const stat = statKeyOf(job.absolute);
  const entry = cache.read(job.file);
  const usable = entry && entry.runKey === runKey && (!job.reported || entry.lint) ? entry : undefined;
  // The same file, untouched since the bytes of its entry were read: no need to read and hash them again.
  if (usable && stat !== undefined && usable.stat === stat) return { hit: usable, stat };
  // Bounded and regular files only, as every read: anything else is no hit, and the file phase reports it.
  const read = readRegularFile(job.absolute, { maxBytes: LIMITS.fileBytes, workspace });
  if (read.kind !== 'bytes' || !entry || entry.runKey !== runKey) return { stat };
  return usable && entry.contentKey === contentKeyOf(read.bytes) ? { hit: usable, stat } : { previous: entry, stat };
}

/**
 * A regular file's device, inode, size, modification and change times, taken before its bytes are read, as `git`
 * and `make` trust them: any write, rename over it, `touch` or `chmod` afterwards moves its change time, which no
 * program can set back. Undefined (read the bytes) for a symbolic link, whose target is checked on every read, and
 * for a file changed in the last seconds, which a second write could change again within one tick of the clock.
 */
function statKeyOf(absolute: string): string | undefined {
  const stat = lstatSync(absolute, { bigint: true, throwIfNoEntry: false });
  if (!stat?.isFile() || stat.ctimeMs > BigInt(Date.now() - STAT_SETTLED_MS)) return undefined;
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** How old a file's last change must be for its stat to stand for its bytes (far above any file system's tick). */
const STAT_SETTLED_MS = 2000;

function outcomeOf(entry: CacheEntry): FileOutcome {
  return { file: entry.file, contentKey: entry.contentKey, facts: undefined, lint: entry.lint };
}

/** What changed since the index the last run left: the look-ups that can answer otherwise, and the files whose facts differ. */
interface IndexDelta {
  lookups: Set<string>;
  /** Each file whose facts key changed, came or went: what it gave the key directory before, and gives now. */
  files: Map<string, { before: DirectoryEntry; after: DirectoryEntry }>;
}

/**
 * The look-ups whose answers can differ between the index the last run left (`state`) and this one: those the
 * facts of each file whose facts key changed (or that came or went) gave otherwise (`changedLookups`). Undefined when
 * a changed file's old facts are no longer in the pack (another run replaced it), so nothing is known.
 */
function changedSince(state: IndexState, indexKey: string, jobs: readonly FileJob[], outcomes: readonly FileOutcome[], factsKeys: ReadonlyMap<string, string>, packed: PackedFacts): IndexDelta | undefined {
  const changed = new Set<string>();
  const files = new Map<string, { before: DirectoryEntry; after: DirectoryEntry }>();
  if (state.indexKey === indexKey) return { lookups: changed, files };
  const before = new Map(Object.entries(state.factsKeys));
  for (let i = 0; i < jobs.length; i++) {
    const file = jobs[i].file;
    const was = before.get(file);
    before.delete(file);
    const now = factsKeys.get(file);
    if (was === now) continue;
    const old = was === undefined ? undefined : packed.packedFacts(file, was);
    const next = now === undefined ? undefined : outcomes[i].facts ?? packed.cached(jobs[i], now);
    if ((was !== undefined && !old) || (now !== undefined && !next)) return undefined;
    changedLookups(old, next, changed);
    files.set(file, { before: directoryEntryOf(old), after: directoryEntryOf(next) });
  }
  // Files of the last index that this run has not: deleted, renamed or now ignored.
  for (const [file, was] of before) {
    const old = packed.packedFacts(file, was);
    if (!old) return undefined;
    changedLookups(old, undefined, changed);
    files.set(file, { before: directoryEntryOf(old), after: directoryEntryOf(undefined) });
  }
  return { lookups: changed, files };
}

/**
 * An index that fetches a file's facts only for the look-ups whose answer they are in: the last index's directory
 * says which files those are, but for the changed files, whose look-ups now are those of their new facts.
 */
function lazyIndex(jobs: readonly FileJob[], directory: KeyDirectory, delta: IndexDelta, factsOf: (i: number) => FileFacts | undefined): WorkspaceIndex {
  const given = new Map<string, string[]>();
  for (const [file, { after }] of delta.files) {
    for (const lookup of after.lookups) {
      const list = given.get(lookup);
      if (list) list.push(file); else given.set(lookup, [file]);
    }
  }
  const position = new Map(jobs.map((job, i) => [job.file, i]));
  return WorkspaceIndex.lazy({
    files: jobs.map((job) => job.file),
    contributors: (lookup) => [...directory.filesOf(lookup).filter((file) => !delta.files.has(file)), ...given.get(lookup) ?? []],
    facts: (file) => {
      const i = position.get(file);
      return i === undefined ? undefined : factsOf(i);
    },
    // Every file's codes in index order, the changed files' from their new facts: `resourceCodes` without every file.
    resourceCodes: () => {
      const stored = directory.resourceCodes();
      const codes = new Set<string>();
      for (const job of jobs) for (const code of delta.files.get(job.file)?.after.codes ?? stored.get(job.file) ?? []) codes.add(code);
      return codes;
    },
  });
}

/**
 * The sum of the key directory of this run's index, written when it differs from the last one: the last directory
 * patched by the changed files, or, after an index of every file, one made from it. Undefined when neither is at hand.
 */
function nextDirectory(cache: LintCache, state: IndexState | undefined, delta: IndexDelta | undefined, directory: KeyDirectory | undefined, fullIndex: WorkspaceIndex | undefined): string | undefined {
  if (state?.keys !== undefined && delta && delta.files.size === 0) return state.keys;
  if (directory && delta) {
    const patched = directory.patched(delta.files);
    if (!patched) return directory.sum;
    return cache.writeKeys(patched.text) ? patched.sum : undefined;
  }
  if (!fullIndex) return undefined;
  const built = KeyDirectory.build([...fullIndex.allFiles()].map((file) => [file, directoryEntryOf(fullIndex.factsOf(file))]));
  return cache.writeKeys(built.text) ? built.sum : undefined;
}
