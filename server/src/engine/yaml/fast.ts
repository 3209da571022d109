import { FAILSAFE_SCHEMA, Type, loadAll } from 'js-yaml';
import { NESTING_GUARD, readBlock } from './block-reader';
import { boolOf, floatOf, intOf, isBool, isFloat, isInt, isNull } from './core-scalars';

/**
 * The fast reader: `js-yaml` (about ten times the speed of `yaml`) with a schema that resolves plain scalars exactly
 * as `yaml` 2 does under the YAML 1.2 core schema (docs/semantics.md), so that rules receive the same data whichever
 * parser read the file. Anything the two parsers could read differently, and anything the precise parse must place
 * or inspect (tags, anchors and aliases, merge keys, complex keys, duplicate keys, errors, suppression comments),
 * sends the file to the precise parser instead: `readFast` then returns undefined.
 */

const CORE_1_2 = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: isNull, construct: () => null }),
    new Type('tag:yaml.org,2002:bool', { kind: 'scalar', resolve: isBool, construct: boolOf }),
    new Type('tag:yaml.org,2002:int', { kind: 'scalar', resolve: isInt, construct: intOf }),
    new Type('tag:yaml.org,2002:float', { kind: 'scalar', resolve: isFloat, construct: floatOf }),
  ],
});

/**
 * Text the fast reader leaves to the precise one. A tag (`!`), anchor (`&`) or alias (`*`) starts a node, so it
 * follows a line start, white space or a flow indicator; a `&` inside a URL does not match. A complex key (`? `, or
 * a flow collection followed by `:`, in flow even with no space: `{a: b}:c`) becomes a different string in each
 * parser. `<<` could be a merge key. Suppressions need the comments, which only the precise lexer gives. `yaml`
 * refuses some layouts js-yaml takes (tabs, content on a `---` line, empty list items at odd indents, a comment glued
 * to a closing quote or bracket, a block scalar opening with a line of spaces): those go to the precise parser too,
 * which places its error; `---word` is a plain scalar to `yaml` and a document start to js-yaml. A lone `\r` is a
 * line break to js-yaml and not to `yaml`; a byte order mark inside the text is part of a key to js-yaml only. Code point escapes (`\x`, `\u`, `\U`) can name what is no character
 * (`"\U00110000"`, a lone surrogate), which js-yaml makes up and `yaml` refuses. Over-matching only costs speed; the
 * property tests in test/speed look for under-matching.
 */
export const PRECISE_ONLY = /\t|[[{,"'\]}]#|[|>][-+]?[1-9]|[|>][-+]?[ \t]*(?:#.*)?\r?\n +\r?$|\\[xuU]|^[ \t]*-[ \t]*$|^(?:---|\.\.\.)(?:[ \t]+[^#\s]|[^\s])|(?:^|[\s[\]{},])[!&*]|(?:^[ \t-]*|[[{,][ \t]*)\?(?:\s|$)|[\]}][ \t]*:|<<|govspec-disable|\r(?!\n)|\uFEFF/m;

/**
 * Without any of these characters or words, only two branches of PRECISE_ONLY can match (a dash alone on its line, a
 * flow collection as a key): most files have none of them, and a short pattern then costs half the long one.
 */
const RARE = /[\t#|>!&*?<\uFEFF]|\r(?!\n)|\\[xuU]|---|\.\.\.|govspec-disable/;
const COMMON_BRANCHES = /^[ \t]*-[ \t]*$|[\]}][ \t]*:/m;

/** A UTF-16 surrogate without its pair: not a character, so the precise parse refuses it (a text can hold one). */
export const UNPAIRED_SURROGATE = /\p{Cs}/u;

export function needsPrecise(text: string): boolean {
  if (UNPAIRED_SURROGATE.test(text)) return true;
  return RARE.test(text) ? PRECISE_ONLY.test(text) : COMMON_BRANCHES.test(text);
}

/**
 * Whether a value nests deeper than `limit` collections. The recursion stops at `limit`, so the stack stays shallow
 * whatever the data; it allocates nothing, which matters as it visits every node of every file.
 */
function deeperThan(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (deeperThan(child, limit - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && deeperThan((value as Record<string, unknown>)[key], limit - 1)) return true;
  }
  return false;
}

export interface FastDocument { index: number; value: unknown }

/** The documents of a text as plain data, or undefined when the file must take the precise path. */
export function readFast(text: string): FastDocument[] | undefined {
  const block = readBlock(text);
  if (block) return block;
  if (needsPrecise(text)) return undefined;
  let values: unknown[];
  try {
    // js-yaml rejects duplicate keys by default; any error, warning included, means "ask the precise parser".
    values = loadAll(text, undefined, { schema: CORE_1_2, onWarning: () => { throw new Error('warning'); } });
  } catch {
    return undefined;
  }
  if (values.some((value) => deeperThan(value, NESTING_GUARD))) return undefined;
  // A text of only comments or blank lines is one empty document to js-yaml and none to `yaml`.
  if (values.length === 1 && values[0] == null) return undefined;
  return values.map((value, index) => ({ index, value: value ?? null }));
}
