import type { Finding } from '../../engine/types';
import { LineMap } from '../../engine/yaml/lines';

interface Edit { start: number; end: number; newText: string }

function overlaps(a: Edit, b: Edit): boolean {
  // Two insertions at one point would apply in an undefined order, so they conflict as well.
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));
}

/**
 * Applies the safe fixes of one file's findings that do not overlap, each fix whole or not at all, earliest first.
 * Returns undefined when nothing applies. Bytes outside the edits are left exactly as they were.
 */
export function applySafeFixes(file: string, text: string, findings: readonly Finding[]): string | undefined {
  const lines = new LineMap(text);
  const candidates = findings
    .flatMap((f) => f.fixes.filter((fix) => fix.safe && fix.edits.length > 0))
    // A fix that also edits another file is left to the editor, which can apply a workspace edit as one change.
    .filter((fix) => fix.edits.every((e) => e.file === file))
    .map((fix) => fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })))
    .sort((a, b) => Math.min(...a.map((e) => e.start)) - Math.min(...b.map((e) => e.start)));
  const chosen: Edit[] = [];
  for (const edits of candidates) {
    if (edits.some((e) => chosen.some((c) => overlaps(e, c)))) continue;
    chosen.push(...edits);
  }
  if (chosen.length === 0) return undefined;
  let out = text;
  for (const e of chosen.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out === text ? undefined : out;
}
