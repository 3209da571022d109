import { createHash } from 'node:crypto';
import { deserialize } from 'node:v8';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '../../engine/config/types';
import { ALL_RULES } from '../../engine/rules/registry';
import type { Finding } from '../../engine/types';
import { storedFacts } from '../../engine/workspace';
import type { FileFacts } from '../../engine/workspace';
import { TOOL_VERSION } from '../version';
import type { FileLintPart } from './tasks';

/**
 * `--cache`: one JSON entry per file, named after its path, holding what the file phase found (its facts and its
 * file-scope findings) and, separately, its finished findings with the state of the workspace they were computed
 * against. An entry is used only when everything it was computed from is unchanged: the file's bytes, its config,
 * today, the tool version and its rule set (`runKey`); the finished findings further need the same index
 * (`indexKey`) and unchanged files under their related locations. An entry ends with `sum`, the SHA-1 of the rest, so
 * any damage — bad JSON, a truncated or edited body — is a miss like another format or key, and is rewritten. Entries of deleted or renamed files are never read
 * again (an entry is looked up by the path it names); they are left for `rm -r` rather than guessed at, as several
 * workspaces may share a cache folder.
 */

const FORMAT = 'govspec-cache/3';

export { DEFAULT_CACHE_FOLDER } from '../../host/names';

export interface CacheEntry {
  format: typeof FORMAT;
  file: string;
  contentKey: string;
  runKey: string;
  /**
   * SHA-1 of the file's facts as the JSON text of `storedFacts`, which lies beside the entry (`<name>.facts`): a warm
   * run reads them only when it must build the index, which a rerun after a change that leaves every file's facts
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
export interface Finished { indexKey: string; related: Record<string, string>; findings: Finding[]; quietKey?: string }

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

const RULE_SET = sha1(ALL_RULES.map((r) => `${r.meta.id}:${r.meta.scope}`).join(','));

const configKeys = new WeakMap<ResolvedConfig, string>();

/** Everything besides the file's own bytes that its findings depend on. */
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
  return { facts: text, factsKey: sha1(text) };
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

export class LintCache {
  private made = false;

  constructor(private readonly folder: string) {}

  private nameOf(file: string): string {
    return `${sha1(file)}.json`;
  }

  private factsNameOf(file: string): string {
    return `${sha1(file)}.facts`;
  }

  /** The facts text of a file when it is the one its entry names (`factsKey`); undefined when gone or damaged. */
  readFacts(file: string, factsKey: string): string | undefined {
    try {
      const text = readFileSync(join(this.folder, this.factsNameOf(file)), 'utf8');
      return sha1(text) === factsKey ? text : undefined;
    } catch {
      return undefined;
    }
  }

  /** Writes a file's facts text, before the entry that names it. */
  writeFacts(file: string, text: string): void {
    this.writeAtomically(this.factsNameOf(file), text);
  }

  /** The entry of a file, whole and of this format, whatever its keys; undefined otherwise. */
  read(file: string): CacheEntry | undefined {
    let entry: CacheEntry;
    try {
      const text = readFileSync(join(this.folder, this.nameOf(file)), 'utf8');
      // The checksum catches damage to the content, where the keys alone would only catch a wrong entry. It is
      // checked on the text as written (the entry, then its sum), never by serialising the entry again.
      const body = text.length - SUM_TAIL_LENGTH;
      const sum = SUM_TAIL.exec(text.slice(body))?.[1];
      if (!sum || sum !== sha1(`${text.slice(0, body)}}`)) return undefined;
      entry = JSON.parse(text) as CacheEntry;
    } catch {
      return undefined;
    }
    return entry.format === FORMAT && entry.file === file ? entry : undefined;
  }

  /** Writes an entry so that readers see the old one or the new one, never a mix (temporary file, then rename). */
  write(entry: CacheEntry): void {
    const body = JSON.stringify(entry);
    this.writeAtomically(this.nameOf(entry.file), `${body.slice(0, -1)},"sum":"${sha1(body)}"}`);
  }

  private writeAtomically(name: string, text: string): void {
    if (!this.made) mkdirSync(this.folder, { recursive: true });
    this.made = true;
    const temp = join(this.folder, `.${name}.${process.pid}.tmp`);
    writeFileSync(temp, text);
    renameSync(temp, join(this.folder, name));
  }
}
