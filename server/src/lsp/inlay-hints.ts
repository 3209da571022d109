import type { InlayHint } from 'vscode-languageserver';
import type { InlayHintEntry } from '../engine';
import { aidEnabled } from './feature-settings';

/** `govspec.inlayHints.enable` from the client's raw `govspec` settings: on unless set to false. */
export function inlayHintsEnabled(raw: unknown): boolean {
  return aidEnabled(raw, 'inlayHints');
}

export function toInlayHint(h: InlayHintEntry): InlayHint {
  return { position: h.position, label: h.label, paddingLeft: true };
}
