import { severityOf } from '../engine';
import type { ResolvedConfig } from '../engine';
import { wholeFileFinding } from '../engine';
import type { Finding } from '../engine';
import { bilingual } from '../engine';

/**
 * The largest text the language server parses on its event loop, in UTF-16 code units (2 MiB): the precise parse of
 * flow-heavy YAML runs at about 1 MB/s, and a 20 MB document held every request for 37 s. A document over the bound is
 * linted on a worker thread instead (off-thread.ts), up to the engine's 64 MiB bound, as `govspec lint` checks it;
 * completion, hover and the other features answer nothing on it. Closed files over the bound are still indexed (the
 * fast reader only), but never parsed precisely for a related location or a definition.
 */
export const EDITOR_TEXT_BOUND = 2 * 1024 * 1024;

export function overEditorBound(text: string | undefined): boolean {
  return text !== undefined && text.length > EDITOR_TEXT_BOUND;
}

/** The one finding of a document the worker could not lint (it ran out of memory), at 1:1 (`yaml/unsafe`, as the CLI's size bound). */
export function notCheckedFinding(file: string, config: ResolvedConfig): Finding | undefined {
  const severity = severityOf('yaml/unsafe', config);
  if (severity === 'off') return undefined;
  return {
    ...wholeFileFinding(file, 'yaml/unsafe', bilingual(
      '文档过大，编辑器未能检查完毕；请用 govspec lint 检查（上限 64 MiB）。',
      'The document is too big to be checked in the editor; check it with govspec lint (up to 64 MiB).',
    )),
    severity,
  };
}
