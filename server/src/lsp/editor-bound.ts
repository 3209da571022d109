import { severityOf } from '../engine';
import type { ResolvedConfig } from '../engine';
import { wholeFileFinding } from '../engine';
import type { Finding } from '../engine';
import { bilingual } from '../engine';

/**
 * The largest text the language server parses, in UTF-16 code units (2 MiB). Linting runs on the server's one event
 * loop, and the precise parse of flow-heavy YAML runs at about 1 MB/s: a 20 MB document held every request for 37 s.
 * A document over the bound gets one finding instead of diagnostics, completion or hover; `govspec lint`, which
 * checks files up to 64 MiB, checks it. Closed files over the bound are still indexed (the fast reader only), but
 * never parsed precisely for a related location or a definition.
 */
export const EDITOR_TEXT_BOUND = 2 * 1024 * 1024;

export function overEditorBound(text: string | undefined): boolean {
  return text !== undefined && text.length > EDITOR_TEXT_BOUND;
}

/** The one finding of a document over the bound, at 1:1 (`yaml/unsafe`, as the CLI's size bound). */
export function editorBoundFinding(file: string, config: ResolvedConfig): Finding | undefined {
  const severity = severityOf('yaml/unsafe', config);
  if (severity === 'off') return undefined;
  return {
    ...wholeFileFinding(file, 'yaml/unsafe', bilingual(
      '文档超过编辑器 2 MiB 的大小上限，编辑器中不予检查；请用 govspec lint 检查（上限 64 MiB）。',
      "The document is over the editor's 2 MiB size bound and is not checked in the editor; check it with govspec lint (up to 64 MiB).",
    )),
    severity,
  };
}
