import type { InlayHint } from 'vscode-languageserver';
import type { InlayHintEntry } from '../engine';

/** `govspec.inlayHints.enable` from the client's raw `govspec` settings: on unless set to false. */
export function inlayHintsEnabled(raw: unknown): boolean {
  const hints = (raw as { inlayHints?: { enable?: unknown } } | null | undefined)?.inlayHints;
  return hints?.enable !== false;
}

export function toInlayHint(h: InlayHintEntry): InlayHint {
  return { position: h.position, label: h.label, paddingLeft: true };
}
