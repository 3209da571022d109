import { compactFacts } from '../../engine';
import type { FileFacts } from '../../engine';
import { factsKeyOf, storedFactsOf } from './cache';
import type { LintCache, PackWriter } from './cache';
import { KeptSources, filePhase } from './tasks';
import type { FileJob, TaskContext } from './tasks';

/**
 * The facts of a cached run, kept in one pack (`LintCache.packWriter`): facts computed in this run go into the new
 * pack as they come; the facts of files whose entries were used are read from the last pack, all at once, only when
 * an index must be built; the new pack replaces the old one only when some file's facts differ from those its last
 * entry named, so a rerun after edits that leave every file's facts alone writes no pack at all.
 */
export class PackedFacts {
  private readonly writer: PackWriter;
  private previous: Map<string, { factsKey: string; text: string }> | undefined;
  private readonly written = new Set<string>();
  private stale = false;

  constructor(private readonly cache: LintCache, private readonly ctx: TaskContext) {
    this.writer = cache.packWriter();
  }

  /** Facts computed in this run; `lastKey` is the key the file's last entry named. Returns their key. */
  computed(file: string, facts: FileFacts, lastKey: string | undefined): string {
    const { facts: text, factsKey } = storedFactsOf(facts);
    this.add(file, factsKey, text);
    if (factsKey !== lastKey) this.stale = true;
    return factsKey;
  }

  /**
   * The facts of a file whose entry was used, from the last pack; when they are gone or damaged, read again from
   * the file (its bytes are those of the entry), and the pack is rewritten.
   */
  cached(job: FileJob, factsKey: string): FileFacts | undefined {
    const text = this.packedText(job.file, factsKey);
    // Not written yet: the new pack copies it only if it replaces the old one (`finish`).
    return text === undefined ? this.readAgain(job) : compactFacts(JSON.parse(text) as FileFacts);
  }

  /** A file's facts as the last pack holds them under `factsKey` (what the last run indexed); undefined when it holds none. */
  packedFacts(file: string, factsKey: string): FileFacts | undefined {
    const text = this.packedText(file, factsKey);
    return text === undefined ? undefined : compactFacts(JSON.parse(text) as FileFacts);
  }

  /** Puts the new pack in place when it differs from the last one (its missing lines copied over), else drops it. */
  finish(jobs: readonly FileJob[], factsKeys: ReadonlyMap<string, string>): void {
    if (!this.stale) {
      this.writer.abort();
      return;
    }
    for (const job of jobs) {
      const key = factsKeys.get(job.file);
      if (key === undefined || this.written.has(job.file)) continue;
      const text = this.packedText(job.file, key);
      if (text !== undefined) this.add(job.file, key, text);
      else this.readAgain(job);
    }
    this.writer.commit();
  }

  private readAgain(job: FileJob): FileFacts | undefined {
    const facts = filePhase({ ...job, reported: false }, this.ctx, new KeptSources(0)).facts;
    if (!facts) return undefined;
    compactFacts(facts);
    const { facts: text, factsKey } = storedFactsOf(facts);
    this.stale = true;
    this.add(job.file, factsKey, text);
    return facts;
  }

  private packedText(file: string, factsKey: string): string | undefined {
    this.previous ??= this.cache.readPackedFacts();
    const line = this.previous.get(file);
    return line && line.factsKey === factsKey && factsKeyOf(line.text) === factsKey ? line.text : undefined;
  }

  private add(file: string, factsKey: string, text: string): void {
    if (this.written.has(file)) return;
    this.written.add(file);
    this.writer.add(file, factsKey, text);
  }
}
