import type { Message } from '../engine/types';

/** A failure of the run itself (arguments, config, I/O of the report): exit 2 with one line on standard error. */
export class CliError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

export function bilingual(zh: string, en: string): Message {
  return { 'zh-CN': zh, en };
}
