/**
 * The resolvers of `yaml` 2's core schema (schema/common/null.js, schema/core/{bool,int,float}.js), test for test:
 * what a plain scalar means under YAML 1.2 core. Both fast readers (fast.ts, block-reader.ts) resolve with these, so
 * that rules receive the same data whichever reader read the file.
 */

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** Only these can start a number: most scalars (names, codes) then cost no regular expression. */
export const mayBeNumber = (s: string): boolean => {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46; // 0-9 + - .
};

export const isNull = (s: string): boolean => s.length <= 4 && NULL.test(s);
export const isBool = (s: string): boolean => (s.length === 4 || s.length === 5) && BOOL.test(s);
export const isInt = (s: string): boolean => mayBeNumber(s) && (INT_OCT.test(s) || INT.test(s) || INT_HEX.test(s));
export const isFloat = (s: string): boolean => mayBeNumber(s) && (FLOAT_SPECIAL.test(s) || FLOAT_EXP.test(s) || FLOAT.test(s));

export const boolOf = (s: string): boolean => s[0] === 't' || s[0] === 'T';

export function intOf(text: string): number {
  if (INT_OCT.test(text)) return parseInt(text.substring(2), 8);
  if (INT_HEX.test(text)) return parseInt(text.substring(2), 16);
  return parseInt(text, 10);
}

export function floatOf(text: string): number {
  if (!FLOAT_SPECIAL.test(text)) return parseFloat(text);
  if (text.slice(-3).toLowerCase() === 'nan') return NaN;
  return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
}

/** A plain scalar's value, the resolvers asked in the schema's order (null, bool, int, float, else a string). */
export function resolvePlain(s: string): null | boolean | number | string {
  if (isNull(s)) return null;
  if (isBool(s)) return boolOf(s);
  if (!mayBeNumber(s)) return s;
  if (isInt(s)) return intOf(s);
  if (isFloat(s)) return floatOf(s);
  return s;
}
