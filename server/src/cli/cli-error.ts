import type { Message } from '../engine';

/** A failure of the run itself (arguments, config, I/O of the report): exit 2 with one line on standard error. */
export class CliError extends Error {
  constructor(readonly text: Message) {
    super(text.en);
  }
}

export { bilingual } from '../engine';
