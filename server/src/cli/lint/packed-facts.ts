import { compactFacts } from '../../engine';
import type { FileFacts } from '../../engine';
import { factsKeyOf, storedFactsOf } from './cache';
import type { IndexState, LintCache, PackReader, PackWriter, PackedAt } from './cache';
import { KeptSources, filePhase } from './tasks';
import type { FileJob, TaskContext } from './tasks';

/** A pack is written anew when it holds more than this many times the bytes of the facts its state names. */
const COMPACT_RATIO = 2;
/** …and is bigger than this: a small pack is cheap to carry, whatever its share of stale lines. */
const COMPACT_MIN_BYTES = 4 * 1024 * 1024;

/**
 * The facts of a cached run, kept in one pack (`LintCache.packWriter`): the facts of a file are read from the pack
 * the last state names, where that state says they lie, only when they are needed (a look-up of the lazy index, or
 * the old facts of a changed file); facts this run computed that differ from the state's are appended as they come
 * (held to the end, a national run's texts would add hundreds of megabytes), so a rerun writes what changed, not the
 * pack. Where every file's facts lie afterwards (`at`) goes into the next state.
 */
export class PackedFacts {
  private readonly writer: PackWriter;
  private readonly reader: PackReader | undefined;
  /** Where the last state's facts lie in its pack, and their keys. */
  private readonly before: Record<string, PackedAt>;
  private readonly beforeKeys: Record<string, string>;
  /** Where this run's facts lie, in the pack `id` names. */
  private at = new Map<string, PackedAt>();
  private id: string;
  /** Whether some facts moved or were added: the state must say where they lie now. */
  moved = false;
  /** Whether a line the state names did not hold its facts: the pack is damaged, and is written anew. */
  private damaged = false;

  constructor(private readonly cache: LintCache, private readonly ctx: TaskContext, state: IndexState | undefined) {
    const pack = state?.pack;
    this.reader = pack && cache.packReader(pack.id);
    this.before = this.reader ? pack!.at : {};
    this.beforeKeys = this.reader ? state!.factsKeys : {};
    this.writer = cache.packWriter(this.reader ? pack!.id : undefined);
    this.id = this.writer.id;
    if (!this.writer.appending) this.moved = true;
  }

  /** Facts computed in this run. Returns their key. */
  computed(file: string, facts: FileFacts): string {
    const { facts: text, factsKey } = storedFactsOf(facts);
    if (this.writer.appending && this.beforeKeys[file] === factsKey && this.before[file]) this.at.set(file, this.before[file]);
    else this.add(file, factsKey, text);
    return factsKey;
  }

  /**
   * The facts of a file whose entry was used, from the last pack; when they are gone or damaged, read again from
   * the file (its bytes are those of the entry), and appended.
   */
  cached(job: FileJob, factsKey: string): FileFacts | undefined {
    const text = this.packedText(job.file, factsKey);
    return text === undefined ? this.factsAgain(job) : compactFacts(JSON.parse(text) as FileFacts);
  }

  /** A file's facts as the last pack holds them under `factsKey` (what the last run indexed); undefined when it holds none. */
  packedFacts(file: string, factsKey: string): FileFacts | undefined {
    const text = this.packedText(file, factsKey);
    return text === undefined ? undefined : compactFacts(JSON.parse(text) as FileFacts);
  }

  /**
   * Where every file's facts lie once the pack is complete (facts no line holds are read again), for the next state;
   * undefined when the pack could not be written. A pack grown past `COMPACT_RATIO` times its live bytes is written
   * anew with those alone.
   */
  finish(jobs: readonly FileJob[], factsKeys: ReadonlyMap<string, string>): { id: string; at: Record<string, PackedAt> } | undefined {
    for (const job of jobs) {
      const key = factsKeys.get(job.file);
      if (key === undefined || this.at.has(job.file)) continue;
      if (this.writer.appending && this.beforeKeys[job.file] === key && this.before[job.file]) {
        this.at.set(job.file, this.before[job.file]);
        continue;
      }
      const text = this.packedText(job.file, key);
      if (text !== undefined) this.add(job.file, key, text);
      else this.factsAgain(job);
    }
    const live = new Map([...this.at].filter(([file]) => factsKeys.has(file)));
    if (live.size !== this.at.size) this.moved = true;
    this.at = live;
    const committed = this.writer.commit();
    this.reader?.close();
    if (!committed) return undefined;
    let liveBytes = 0;
    for (const [, length] of live.values()) liveBytes += length;
    const grown = this.writer.appending && this.writer.size > COMPACT_MIN_BYTES && this.writer.size > COMPACT_RATIO * liveBytes;
    if (this.damaged || grown) this.compact(jobs, factsKeys);
    return { id: this.id, at: Object.fromEntries(this.at) };
  }

  /** Writes a new pack of the live lines alone, copied from the grown one (a damaged line's facts read again). */
  private compact(jobs: readonly FileJob[], factsKeys: ReadonlyMap<string, string>): void {
    const grown = this.cache.packReader(this.id);
    if (!grown) return;
    const writer = this.cache.packWriter();
    const at = new Map<string, PackedAt>();
    try {
      for (const job of jobs) {
        const where = this.at.get(job.file);
        const key = factsKeys.get(job.file);
        if (!where || key === undefined) continue;
        const text = grown.text(where);
        const intact = text !== undefined && factsKeyOf(text) === key;
        const line = intact ? { factsKey: key, text } : this.readAgain(job);
        if (!line) continue;
        const written = writer.add(job.file, line.factsKey, line.text);
        if (!written) return writer.abort();
        at.set(job.file, written);
      }
    } finally {
      grown.close();
    }
    if (!writer.commit()) return;
    this.id = writer.id;
    this.at = at;
    this.moved = true;
  }

  /** A file's facts read from the file again (its bytes are those of its entry), appended to the pack. */
  private factsAgain(job: FileJob): FileFacts | undefined {
    const again = this.readAgain(job);
    if (!again) return undefined;
    this.add(job.file, again.factsKey, again.text);
    return again.facts;
  }

  private readAgain(job: FileJob): { facts: FileFacts; factsKey: string; text: string } | undefined {
    const facts = filePhase({ ...job, reported: false }, this.ctx, new KeptSources(0)).facts;
    if (!facts) return undefined;
    compactFacts(facts);
    const { facts: text, factsKey } = storedFactsOf(facts);
    return { facts, factsKey, text };
  }

  private packedText(file: string, factsKey: string): string | undefined {
    const where = this.before[file];
    if (!this.reader || !where || this.beforeKeys[file] !== factsKey) return undefined;
    const text = this.reader.text(where);
    if (text !== undefined && factsKeyOf(text) === factsKey) return text;
    this.damaged = true;
    return undefined;
  }

  private add(file: string, factsKey: string, text: string): void {
    if (this.at.has(file)) return;
    const where = this.writer.add(file, factsKey, text);
    if (where) this.at.set(file, where);
    this.moved = true;
  }
}
