import type { Message } from '../types';

/** The one way to build a message in both languages (findings, config faults, CLI lines, fixes' titles). */
export function bilingual(zh: string, en: string): Message {
  return { 'zh-CN': zh, en };
}
