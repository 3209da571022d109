import type { Message } from '../types';

const compiled = new Map<string, RegExp>();

/** A configured code pattern as docs/semantics.md reads it: ECMAScript with `u`, anchored as `^(?:P)$`. */
export function codePattern(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = new RegExp(`^(?:${pattern})$`, 'u')));
  return re;
}

/**
 * Why a pattern cannot be used, if it cannot: it does not compile, or it can backtrack catastrophically.
 * The second test is conservative: a group repeated without bound that itself holds an unbounded quantifier or an
 * alternation (`(a+)+`, `(a|b)*`), the shapes behind exponential backtracking; code layouts never need them.
 */
export function patternProblem(pattern: string): Message | undefined {
  try {
    codePattern(pattern);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { 'zh-CN': `正则表达式无效：${why}`, en: `Invalid regular expression: ${why}` };
  }
  if (hasNestedQuantifier(pattern)) {
    return {
      'zh-CN': '该正则表达式含有嵌套量词（如 (a+)+），可能出现灾难性回溯，请改写为不嵌套的形式。',
      en: 'The pattern nests quantifiers (like (a+)+) and can backtrack catastrophically; rewrite it without nesting.',
    };
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
