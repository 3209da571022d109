import type { InlayHint } from 'vscode-languageserver';
import type { InlayHintEntry } from '../engine';

export function toInlayHint(h: InlayHintEntry): InlayHint {
  return { position: h.position, label: h.label, paddingLeft: true };
}
