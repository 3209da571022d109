import type { Finding, TextEdit } from '../types';
import { LineMap } from '../yaml/lines';

/** A chosen edit, by offset (to apply to the text) and by range (to send to an editor). */
export interface SafeFixEdit extends TextEdit { start: number; end: number }

function overlaps(a: SafeFixEdit, b: SafeFixEdit): boolean {
  // Two insertions at one point would apply in an undefined order, so they conflict as well.
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));
}

/**
 * The edits of one file's safe fixes that do not overlap, each fix whole or not at all, earliest fix first: what
 * `--fix` writes and what the editor's "fix all" applies. A fix that also edits another file is left out (the editor
 * offers it as a quick fix, which applies as one change).
 */
export function safeFixEdits(file: string, text: string, findings: readonly Pick<Finding, 'fixes'>[]): SafeFixEdit[] {
  const lines = new LineMap(text);
  const candidates = findings
    .flatMap((f) => f.fixes.filter((fix) => fix.safe && fix.edits.length > 0))
    .filter((fix) => fix.edits.every((e) => e.file === file))
    .map((fix) => fix.edits.map((e) => ({ range: e.range, newText: e.newText, start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end) })))
    .sort((a, b) => Math.min(...a.map((e) => e.start)) - Math.min(...b.map((e) => e.start)));
  const chosen: SafeFixEdit[] = [];
  for (const edits of candidates) {
    if (edits.some((e) => chosen.some((c) => overlaps(e, c)))) continue;
    chosen.push(...edits);
  }
  return chosen;
}

/** The text with the edits applied (they do not overlap); undefined when that changes nothing. */
export function applyEdits(text: string, edits: readonly SafeFixEdit[]): string | undefined {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out === text ? undefined : out;
}
