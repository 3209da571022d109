import { RE2JS } from 're2js';
import type { Message } from '../types';
import { bilingual } from '../l10n/message';

/** A compiled code pattern: only whole-string matching is ever asked of one. */
export interface CodeMatcher { test(code: string): boolean }

const compiled = new Map<string, CodeMatcher>();

/**
 * A configured code pattern as docs/semantics.md reads it: ECMAScript with `u`, anchored as `^(?:P)$`. A pattern with
 * at most one repetition that can vary, and no group or alternation (`[0-9A-Z]{1,24}`, `\d{6}`), cannot backtrack
 * more than once per character and runs on the native engine; any other runs on RE2 (`re2js`), whose matching time is
 * linear in the code's length whatever the pattern — so no pattern from a config can make a lint hang.
 */
export function codePattern(pattern: string): CodeMatcher {
  let matcher = compiled.get(pattern);
  if (!matcher) {
    const native = new RegExp(`^(?:${pattern})$`, 'u');
    if (isSingleLoop(pattern)) matcher = native;
    else {
      const re2 = RE2JS.compile(`^(?:${pattern})$`);
      matcher = { test: (code) => re2.matches(code) };
    }
    compiled.set(pattern, matcher);
  }
  return matcher;
}

/** Character classes, escapes and literals, with at most one quantifier that allows a varying count. */
function isSingleLoop(pattern: string): boolean {
  if (/[()|]/.test(pattern.replace(/\\.|\[(?:\\.|[^\]\\])*\]/gu, ''))) return false;
  const loops = pattern.replace(/\\.|\[(?:\\.|[^\]\\])*\]/gu, 'x').match(/[*+?]|\{\d+,\d*\}/g) ?? [];
  return loops.filter((q) => !/^\{(\d+),\1\}$/.test(q)).length <= 1;
}

/**
 * Why a pattern cannot be used, if it cannot: it does not compile as ECMAScript, RE2 cannot run it (a back-reference
 * or a look-around), or it has the shape of catastrophic backtracking. RE2 makes the last test unneeded for safety;
 * it is kept as the rule configs already follow, since code layouts never need such shapes. It is conservative: a group repeated without bound that itself holds an unbounded quantifier or an
 * alternation (`(a+)+`, `(a|b)*`), the shapes behind exponential backtracking; code layouts never need them.
 */
export function patternProblem(pattern: string): Message | undefined {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return bilingual(`正则表达式无效：${why}`, `Invalid regular expression: ${why}`);
  }
  try {
    codePattern(pattern);
  } catch (error) {
    // RE2 has no back-references or look-arounds (they are what cannot run in linear time), nor a few spellings.
    const why = error instanceof Error ? error.message : String(error);
    return bilingual(
      `该正则表达式无法以线性时间匹配（不支持反向引用和先行/后行断言）：${why}`,
      `The pattern cannot be matched in linear time (back-references and look-arounds are not supported): ${why}`,
    );
  }
  if (hasNestedQuantifier(pattern)) {
    return bilingual(
      '该正则表达式含有嵌套量词（如 (a+)+），可能出现灾难性回溯，请改写为不嵌套的形式。',
      'The pattern nests quantifiers (like (a+)+) and can backtrack catastrophically; rewrite it without nesting.',
    );
  }
  return undefined;
}

function hasNestedQuantifier(pattern: string): boolean {
  // Per open group: whether a quantifier or an alternation occurred inside it.
  const stack: boolean[] = [];
  // Per open group: whether an unbounded quantifier occurred inside it (or in a group nested in it).
  const unbounded: boolean[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { i++; continue; }
    if (c === '[') {
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') stack.push(false);
    else if (c === ')') {
      const risky = stack.pop() ?? false;
      const holdsUnbounded = unbounded.pop() ?? false;
      if (risky && isQuantifier(pattern, i + 1)) return true;
      // `(.*a){20}` is bounded but polynomial of degree 20: an unbounded group repeated a fixed number of times.
      if (holdsUnbounded && isRepeat(pattern, i + 1)) return true;
      if (risky && stack.length > 0) stack[stack.length - 1] = true;
    } else if ((isQuantifier(pattern, i) || c === '|') && stack.length > 0) {
      stack[stack.length - 1] = true;
    }
    if (c === '(') unbounded.push(false);
    else if (isQuantifier(pattern, i)) unbounded.fill(true);
  }
  return false;
}

/** A bounded repetition that allows more than one copy: `{2}`, `{1,5}`. */
function isRepeat(pattern: string, i: number): boolean {
  const m = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(i, i + 24));
  if (!m) return false;
  return Number(m[2] || m[1]) >= 2 || m[2] === '';
}

/** An unbounded quantifier: `*`, `+` or `{n,}`; bounded repetition cannot blow up exponentially. */
function isQuantifier(pattern: string, i: number): boolean {
  const c = pattern[i];
  if (c === '*' || c === '+') return true;
  if (c === '{') return /^\{\d+,\}/.test(pattern.slice(i));
  return false;
}
