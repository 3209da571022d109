import type { Locale, Message } from '../types';

/**
 * The one way to build a message in both languages (findings, config faults, CLI lines, fixes' titles). Tables of
 * other values per language (a set of labels, a list of words) take the same builder and the same shape,
 * `Record<Locale, T>`, of which `Message` is the case of one string.
 */
export function bilingual(zh: string, en: string): Message;
export function bilingual<T>(zh: T, en: T): Record<Locale, T>;
export function bilingual<T>(zh: T, en: T): Record<Locale, T> {
  return { 'zh-CN': zh, en };
}
