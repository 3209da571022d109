import type { Locale, Message } from '../types';

/**
 * The one way to build a message in both languages (findings, config faults, CLI lines, fixes' titles). Tables of
 * other values per language (a set of labels, a list of words) take the same builder and the same shape,
 * `Record<Locale, T>`, of which `Message` is the case of one string.
 */
export function bilingual(zh: string, en: string): Message;
export function bilingual<T>(zh: T, en: T): Record<Locale, T>;
export function bilingual<T>(zh: T, en: T): Record<Locale, T> {
  return { 'zh-CN': flat(zh), en: flat(en) };
}

/** ES2024's well-formedness methods (Node has them; the project's `lib` is ES2022). */
interface WellFormed { isWellFormed(): boolean; toWellFormed(): string }

/**
 * A text as one flat string. Messages are assembled from pieces (`${path}（${title}）`), which V8 keeps as a tree of
 * the pieces until something reads the whole; findings keep their messages to the end of a run, and a legacy
 * catalogue has millions of them: flat, each takes about half the memory. `toWellFormed` returns the flat string of
 * a well-formed text; one with a lone surrogate, which it would change, is left as it is.
 */
function flat<T>(value: T): T {
  if (typeof value !== 'string') return value;
  const text = value as unknown as WellFormed;
  return (text.isWellFormed() ? text.toWellFormed() : value) as T;
}
