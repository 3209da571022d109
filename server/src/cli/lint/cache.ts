import { createHash, randomUUID } from 'node:crypto';
import { deserialize } from 'node:v8';
import { closeSync, constants, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { OutputError, makeFolders } from '../files/write-output';
import { readRegularFile } from '../../host/read-regular';
import { join } from 'node:path';
import type { ResolvedConfig } from '../../engine';
import { ALL_RULES } from '../../engine';
import type { Finding } from '../../engine';
import { storedFacts } from '../../engine';
import type { FileFacts } from '../../engine';
import { TOOL_VERSION } from '../version';
import type { FileLintPart } from './tasks';

/**
 * `--cache`: one JSON entry per file, named after its path, holding what the file phase found (its facts and its
 * file-scope findings) and, separately, its finished findings with the state of the workspace they were computed
 * against. An entry is used only when everything it was computed from is unchanged: the file's bytes, its config,
 * today, the tool version and its rule set (`runKey`); the finished findings further need the same index
 * (`indexKey`), or — when they held against the index the last run left (`index.state`) — none of their look-ups
 * among those the facts changed since can answer differently, and unchanged files under their related locations. The facts of all files lie in one pack (`index.pack`), to which
 * the facts that changed are appended; a line that is damaged, or another workspace's pack in a shared folder, is a
 * miss for those facts only. Which files answer each look-up lies in the key directory (`index.keys`,
 * key-directory.ts), so a warm run fetches from the pack only the facts its look-ups need. An entry ends with `sum`, the SHA-1 of the rest, so
 * any damage — bad JSON, a truncated or edited body — is a miss like another format or key, and is rewritten. Entries of deleted or renamed files are never read
 * again (an entry is looked up by the path it names); they are left for `rm -r` rather than guessed at, as several
 * workspaces may share a cache folder.
 */

// 4: look-ups are recorded by the index's table keys (agencies upper-cased), and checked against changed look-ups.
export const FORMAT = 'govspec-cache/4';

export { DEFAULT_CACHE_FOLDER } from '../../host/names';

export interface CacheEntry {
  format: typeof FORMAT;
  file: string;
  contentKey: string;
  /** The file's stat before the bytes of `contentKey` were read (`statKeyOf` in pipeline.ts): the same stat, the same bytes. */
  stat?: string;
  runKey: string;
  /**
   * SHA-1 of the file's facts as the JSON text of `storedFacts`, which lies in the folder's one pack of facts
   * (`index.pack`): a warm run reads it only when it must build the index, which a rerun after a change that leaves every file's facts
   * alone seldom needs. What the file gives the index, as a key.
   */
  factsKey: string | undefined;
  lint: FileLintPart | undefined;
  finished: Finished | undefined;
}

/**
 * A reported file's findings, and the state of the workspace they were computed against. `quietKey` (`quietKeyOf`)
 * is set when phase 2 found nothing on the file's views: the same views and flags against the same index are quiet
 * again, whatever else of the file changed.
 */
export interface Finished {
  indexKey: string; related: Record<string, string>; findings: Finding[]; quietKey?: string;
  /**
   * What phase 2 looked up in the index (`WorkspaceIndex.recordLookups`): after a change to other files' facts, the
   * findings still hold when none of these is among the look-ups the change can answer differently (`changedLookups`).
   */
  lookups?: string[];
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

const RULE_SET = sha1(ALL_RULES.map((r) => `${r.meta.id}:${r.meta.scope}`).join(','));

const configKeys = new WeakMap<ResolvedConfig, string>();

/** Everything besides the file's own bytes that its findings and its facts depend on (the config's code patterns decide which keys define). */
export function runKeyOf(config: ResolvedConfig, today: string): string {
  let key = configKeys.get(config);
  if (key === undefined) {
    key = sha1(JSON.stringify(config, (_k, v: unknown) => (v instanceof Map ? [...v] : v)));
    configKeys.set(config, key);
  }
  return sha1(`${TOOL_VERSION}\u0000${RULE_SET}\u0000${today}\u0000${key}`);
}

/** The facts of a file as an entry stores them, with their key. */
export function storedFactsOf(facts: FileFacts): { facts: string; factsKey: string } {
  const text = JSON.stringify(storedFacts(facts));
  return { facts: text, factsKey: factsKeyOf(text) };
}

/** The key of a stored facts text. */
export function factsKeyOf(text: string): string {
  return sha1(text);
}

/**
 * What phase 2 on views depends on besides the index: the views' values and the flagged nodes. Written canonically:
 * the serialised views are exact but not canonical (V8 writes the same string in one or two bytes a character,
 * depending on how it was made), and plain JSON would make NaN, ±Infinity and -0 one `null` or `0`.
 */
export function quietKeyOf(part: FileLintPart): string | undefined {
  if (part.view === undefined) return undefined;
  const typed = (_key: string, value: unknown) =>
    typeof value === 'number' ? `n:${Object.is(value, -0) ? '-0' : String(value)}` : typeof value === 'string' ? `s:${value}` : value;
  return sha1(`${JSON.stringify(deserialize(Buffer.from(part.view, 'base64')), typed)}\u0000${JSON.stringify(part.flagged)}`);
}

/** The state of the whole index, from each file's facts key: unchanged facts everywhere leave workspace findings valid. */
export function indexKeyOf(factsKeys: ReadonlyMap<string, string>): string {
  const hash = createHash('sha1');
  for (const file of [...factsKeys.keys()].sort()) hash.update(file).update('\u0000').update(factsKeys.get(file)!).update('\n');
  return hash.digest('hex');
}

/** How an entry file ends: `,"sum":"<SHA-1 of the entry written without it>"}` (50 characters). */
const SUM_TAIL = /^,"sum":"([0-9a-f]{40})"\}$/;
const SUM_TAIL_LENGTH = 50;

/** The most an entry file may hold: far above what the 64 MiB bound on a document gives, far below a blow-up. */
const ENTRY_BYTES = 512 * 1024 * 1024;
/** The most the pack of all files' facts may hold (a national workspace's is a few hundred megabytes). */
const PACK_BYTES = 1536 * 1024 * 1024;

/**
 * What the index was when the last run ended, so that this run can tell which look-ups answer differently now
 * without building an index: every file's facts key (the pack holds those facts), and the finished findings that
 * held against that index (`validKeyOf` of each entry). One file, written when it changes.
 */
export interface IndexState {
  format: typeof STATE_FORMAT;
  indexKey: string;
  factsKeys: Record<string, string>;
  valid: Record<string, string>;
  /** The pack that holds those facts, and where each file's text lies in it. */
  pack?: { id: string; at: Record<string, PackedAt> };
  /** The SHA-1 of the key directory of that index (`index.keys`, key-directory.ts), when one was written. */
  keys?: string;
}

const STATE_NAME = 'index.state';
// 2: where each file's facts lie in the pack, and the key directory.
export const STATE_FORMAT = 'govspec-index-state/2';
const KEYS_NAME = 'index.keys';
/** The most the key directory may hold (a national workspace's is tens of megabytes). */
const KEYS_BYTES = 1024 * 1024 * 1024;

/** Which finished findings an entry holds: those computed against `finished.indexKey`, for those bytes under that run key. */
export function validKeyOf(runKey: string, contentKey: string, finished: Finished): string {
  return `${runKey}:${contentKey}:${finished.indexKey}`;
}

/**
 * The facts of every file, in one file of the cache folder: a header that names the pack (`govspec-index/2 <id>`),
 * then lines `"<file as JSON>"\t<facts key>\t<facts JSON>` (JSON escapes tabs and line breaks, so neither occurs
 * inside). The index state says where each file's facts text lies (`PackedAt`), so a run reads only the texts it
 * needs, each checked against its facts key. A warm run appends the facts that changed, which leaves every line the
 * state names in place (a run that stops before its state is written leaves lines no state names); the pack is
 * written anew, beside the old one and then put in its place, when it is first made and when its lines that no state
 * names outweigh the others (`PackedFacts.finish`).
 */
const PACK_NAME = 'index.pack';
const PACK_HEADER = 'govspec-index/2';

/** Where a file's facts text lies in the pack: its byte offset and byte length. */
export type PackedAt = [offset: number, length: number];

export interface PackWriter {
  /** The id of the pack written to (the state names it). */
  readonly id: string;
  /** Whether the pack is the one the last state named, lines appended to it. */
  readonly appending: boolean;
  /** Writes a file's line; where its facts text lies, or undefined when writing failed. */
  add(file: string, factsKey: string, text: string): PackedAt | undefined;
  /** Bytes written to the pack, its header included: how big it has grown. */
  readonly size: number;
  /** Puts a new pack in place (an appended one is in place already); false when that failed. */
  commit(): boolean;
  abort(): void;
}

/** The facts texts of a pack, read where the state says they lie. */
export interface PackReader {
  text(at: PackedAt): string | undefined;
  close(): void;
}

/** Opening a FIFO without it blocks until a writer comes; on a regular file the flag changes nothing. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export class LintCache {
  private made = false;
  /**
   * The first fault of the cache's own I/O in this run (an entry that is a FIFO or a folder, a cache folder that cannot
   * be made or written): each is a miss, the lint goes on without the cache, and the command warns once.
   */
  fault: string | undefined;
  private writable = true;

  constructor(private readonly folder: string) {}

  private nameOf(file: string): string {
    return `${sha1(file)}.json`;
  }

  /** The pack named `id`, to read facts texts from; undefined when it is gone, not a regular file or another pack. */
  packReader(id: string): PackReader | undefined {
    let fd: number | undefined;
    try {
      fd = openSync(join(this.folder, PACK_NAME), READ_FLAGS);
      const size = fstatSync(fd).size;
      if (!fstatSync(fd).isFile() || headerOf(fd) !== `${PACK_HEADER} ${id}`) throw new Error('another pack');
      const open = fd;
      return {
        text: ([offset, length]) => {
          if (!(offset >= 0 && length >= 0 && offset + length <= Math.min(size, PACK_BYTES))) return undefined;
          const buffer = Buffer.allocUnsafe(length);
          try {
            return readSync(open, buffer, 0, length, offset) === length ? buffer.toString('utf8') : undefined;
          } catch {
            return undefined;
          }
        },
        close: () => closeSync(open),
      };
    } catch {
      if (fd !== undefined) closeSync(fd);
      return undefined;
    }
  }

  /**
   * A writer of facts lines: appended to the pack named `id` when it is in place (`appendTo`), else a new pack
   * written to a temporary file as facts are computed (a national run's facts texts are never all held at once) and
   * put in place by `commit` (readers see the old pack or the new one), or dropped.
   */
  packWriter(appendTo?: string): PackWriter {
    const path = join(this.folder, PACK_NAME);
    const appended = appendTo === undefined ? undefined : this.openForAppend(path, appendTo);
    const appending = appended !== undefined;
    const id = appended ? appendTo! : randomUUID();
    let fd = appended?.fd;
    let size = appended?.size ?? 0;
    const temp = join(this.folder, `.${PACK_NAME}.${process.pid}.tmp`);
    const drop = (error?: unknown): void => {
      if (error !== undefined) this.noteWriteFault(path, error);
      try {
        if (fd !== undefined) closeSync(fd);
        if (!appending) rmSync(temp, { force: true });
      } catch {
        // Not a file of ours (a folder in its place): left alone.
      }
      fd = undefined;
    };
    let failed = false;
    return {
      id,
      appending,
      get size() { return size; },
      add: (file, factsKey, text) => {
        if (failed || !this.writable) return undefined;
        try {
          if (fd === undefined) {
            // Folder by folder, as for -o: a recursive mkdir under /proc retries for ever.
            if (!this.made) makeFolders(this.folder);
            this.made = true;
            fd = openSync(temp, 'w');
            size = writeSync(fd, `${PACK_HEADER} ${id}\n`);
          }
          const head = `${JSON.stringify(file)}\t${factsKey}\t`;
          const line = Buffer.from(`${head}${text}\n`);
          const at: PackedAt = [size + Buffer.byteLength(head), line.length - Buffer.byteLength(head) - 1];
          size += writeSync(fd, line);
          return at;
        } catch (error) {
          failed = true;
          drop(error);
          return undefined;
        }
      },
      commit: () => {
        if (fd === undefined) return !failed;
        try {
          closeSync(fd);
          fd = undefined;
          if (!appending) renameSync(temp, path);
          return true;
        } catch (error) {
          drop(error);
          return false;
        }
      },
      abort: () => drop(),
    };
  }

  /** The pack named `id` opened to append to, and its size; undefined when it is not in place. */
  private openForAppend(path: string, id: string): { fd: number; size: number } | undefined {
    if (!this.writable) return undefined;
    let fd: number | undefined;
    try {
      fd = openSync(path, constants.O_RDWR | constants.O_APPEND | (constants.O_NONBLOCK ?? 0));
      const stats = fstatSync(fd);
      if (!stats.isFile() || headerOf(fd) !== `${PACK_HEADER} ${id}`) throw new Error('another pack');
      let size = stats.size;
      // A run stopped mid-line: the next line starts on a line of its own.
      const last = Buffer.alloc(1);
      if (readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) size += writeSync(fd, '\n');
      return { fd, size };
    } catch {
      if (fd !== undefined) closeSync(fd);
      return undefined;
    }
  }

  /** The key directory's bytes (key-directory.ts checks them against the state's sum); undefined when gone. */
  readKeys(): Buffer | undefined {
    return this.readCacheFile(KEYS_NAME, KEYS_BYTES);
  }

  /** Writes the key directory atomically; false when that failed (the state then names none). */
  writeKeys(text: Buffer): boolean {
    return this.writeAtomically(KEYS_NAME, text);
  }

  /** The entry of a file, whole and of this format, whatever its keys; undefined otherwise. */
  read(file: string): CacheEntry | undefined {
    const entry = this.readSummed<CacheEntry>(this.nameOf(file));
    return entry?.format === FORMAT && entry.file === file ? entry : undefined;
  }

  /** Writes an entry so that readers see the old one or the new one, never a mix (temporary file, then rename). */
  write(entry: CacheEntry): void {
    this.writeSummed(this.nameOf(entry.file), entry);
  }

  /** The state of the index the last run left (`IndexState`), whole and of this format; undefined otherwise. */
  readState(): IndexState | undefined {
    const state = this.readSummed<IndexState>(STATE_NAME);
    return state?.format === STATE_FORMAT ? state : undefined;
  }

  writeState(state: IndexState): void {
    this.writeSummed(STATE_NAME, state);
  }

  /** A JSON file that ends with its `sum`; undefined when gone, damaged or not JSON. */
  private readSummed<T>(name: string): T | undefined {
    try {
      const text = this.readEntryFile(name);
      if (text === undefined) return undefined;
      // The checksum catches damage to the content, where the keys alone would only catch a wrong entry. It is
      // checked on the text as written (the entry, then its sum), never by serialising the entry again.
      const body = text.length - SUM_TAIL_LENGTH;
      const sum = SUM_TAIL.exec(text.slice(body))?.[1];
      if (!sum || sum !== sha1(`${text.slice(0, body)}}`)) return undefined;
      return JSON.parse(text) as T;
    } catch {
      return undefined;
    }
  }

  private writeSummed(name: string, value: object): void {
    const body = JSON.stringify(value);
    this.writeAtomically(name, `${body.slice(0, -1)},"sum":"${sha1(body)}"}`);
  }

  /** An entry file's text; undefined (a miss) when it is gone, too big, or no longer a regular file (a FIFO, a folder). */
  private readEntryFile(name: string): string | undefined {
    return this.readCacheFile(name, ENTRY_BYTES)?.toString('utf8');
  }

  /** A cache file's bytes; undefined (a miss, the first fault noted) when gone, over `maxBytes` or not a regular file. */
  private readCacheFile(name: string, maxBytes: number): Buffer | undefined {
    const path = join(this.folder, name);
    const read = readRegularFile(path, { maxBytes });
    if (read.kind === 'bytes') return read.bytes;
    if (read.kind !== 'gone') this.fault ??= `${path}: ${read.kind === 'refused' ? read.why : 'too big'}`;
    return undefined;
  }

  /** A failed write: the run writes no more cache files (a full disk or a bad folder would fail each) and warns once. */
  private noteWriteFault(path: string, error: unknown): void {
    this.writable = false;
    this.fault ??= `${path}: ${error instanceof OutputError ? error.reason.en : ((error as NodeJS.ErrnoException).code ?? String(error))}`;
  }

  private writeAtomically(name: string, text: string | Buffer): boolean {
    if (!this.writable) return false;
    const temp = join(this.folder, `.${name}.${process.pid}.tmp`);
    try {
      // Folder by folder, as for -o: a recursive mkdir under /proc retries for ever.
      if (!this.made) makeFolders(this.folder);
      this.made = true;
      writeFileSync(temp, text);
      renameSync(temp, join(this.folder, name));
      return true;
    } catch (error) {
      this.noteWriteFault(join(this.folder, name), error);
      try {
        rmSync(temp, { force: true });
      } catch {
        // Not a file of ours (a folder in its place): left alone.
      }
      return false;
    }
  }
}

/** The first line of an open file (up to 128 bytes). */
function headerOf(fd: number): string {
  const buffer = Buffer.alloc(128);
  const read = readSync(fd, buffer, 0, buffer.length, 0);
  const end = buffer.subarray(0, read).indexOf(0x0a);
  return end < 0 ? '' : buffer.toString('utf8', 0, end);
}
