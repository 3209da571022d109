/**
 * How to write a string as a YAML scalar so that it reads back as that same string: for completions, renames and
 * fixes. One place, so that the editor and the rules never disagree on when a value may stay plain.
 */

/**
 * A first character that YAML reads as an indicator, or blank; a document marker (`...`); and whole values the core
 * schema (or a YAML 1.1 reader) types as something else: numbers, booleans, null.
 */
const NOT_A_PLAIN_START = /^(?:[-?:,[\]{}#&*!|>'"%@`\s]|\.\.\.|(?:true|false|null|~|yes|no|on|off)$|[-+]?(?:\d|\.\d|\.inf|\.nan|0[xo]))/i;

/**
 * Anywhere in the value: flow indicators (they would end a plain scalar inside `[a, b]` or `{ k: v }`, where lists and
 * references are often written), `: ` or a final `:` (a mapping), ` #` (a comment), trailing blanks (dropped), and
 * line breaks, tabs, control characters and a byte-order mark (not plain text).
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what a plain scalar must not hold
const NOT_PLAIN_INSIDE = /[,[\]{}]|:(?:\s|$)|\s#|\s$|[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** Whether `value` written plain reads back as the same string, in block and flow style alike. */
export function readsBackPlain(value: string): boolean {
  return value !== '' && !NOT_A_PLAIN_START.test(value) && !NOT_PLAIN_INSIDE.test(value);
}

/** `value` plain where it reads back as itself, else double-quoted (JSON's escapes are YAML's). */
export function yamlString(value: string): string {
  return readsBackPlain(value) ? value : JSON.stringify(value);
}

/** Codes are always written quoted (format.md), so that `01` stays a string. */
export function quotedCode(code: string): string {
  return JSON.stringify(code);
}

/** What single quotes cannot hold as written: line breaks (folded into spaces), control characters, a byte-order mark. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what single quotes must not hold
const NOT_SINGLE_QUOTABLE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** Single-quoted where single quotes hold the value as it is, else double-quoted with JSON's escapes. */
function singleQuoted(value: string): string {
  return NOT_SINGLE_QUOTABLE.test(value) ? JSON.stringify(value) : `'${value.replace(/'/g, "''")}'`;
}

/**
 * The source text that replaces a scalar written as `written` by `value`, in the same style: single or double quotes
 * kept, a plain scalar kept plain where `value` reads back as itself. A fix then changes only the characters it must.
 */
export function rewriteScalar(written: string | undefined, value: string): string {
  if (written?.startsWith("'")) return singleQuoted(value);
  return written?.startsWith('"') ? JSON.stringify(value) : yamlString(value);
}

/** A code that replaces one written as `written`: in its single or double quotes; a plain one gets double quotes (format.md). */
export function rewriteCode(written: string | undefined, code: string): string {
  return written?.startsWith("'") ? singleQuoted(code) : quotedCode(code);
}
