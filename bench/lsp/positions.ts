/** Where the scenario edits, completes and hovers in the big service document (pure, seeded). */
import { seeded } from '../generate/prng';

export { seeded };

export interface Position { line: number; character: number }
export interface Edit { line: number; newLine: string }


const linesMatching = (lines: string[], pattern: RegExp) => lines.flatMap((line, i) => (pattern.test(line) ? [i] : []));

/** Edits that keep the document well-formed: material names get a suffix, copies/originals toggle 0 ↔ 1. */
export function plannedEdits(text: string, count: number, seed = 7): Edit[] {
  const lines = text.split('\n');
  const candidates = linesMatching(lines, /^ {4}(name: \S|copies: [01]$|originals: [01]$)/);
  if (candidates.length === 0) throw new Error('no editable lines');
  const random = seeded(seed);
  const edits: Edit[] = [];
  for (let i = 0; i < count; i++) {
    const line = candidates[Math.floor(random() * candidates.length)];
    const current = lines[line];
    const next = /: [01]$/.test(current) ? current.replace(/[01]$/, (digit) => (digit === '0' ? '1' : '0')) : `${current.replace(/（\d+）$/, '')}（${i}）`;
    lines[line] = next;
    edits.push({ line, newLine: next });
  }
  return edits;
}

/** Completion spots, cycled: agreement ids (cross-file), resource codes (cross-file), code-list values, keys. */
export function completionPositions(text: string): Position[] {
  const lines = text.split('\n');
  const at = (pattern: RegExp, where: 'end' | 'key') => linesMatching(lines, pattern).slice(0, 8).map((line) => ({
    line, character: where === 'end' ? lines[line].length : lines[line].search(/\S/),
  }));
  const groups = [
    at(/^ {6}agreement: /, 'end'), at(/^ {6}resource: /, 'end'), at(/^ {4}source: /, 'end'),
    at(/^caseType: /, 'end'), at(/^ {4}issuer: /, 'key'),
  ].filter((group) => group.length > 0);
  const positions: Position[] = [];
  for (let i = 0; positions.length < 64; i++) for (const group of groups) positions.push(group[i % group.length]);
  return positions;
}

/** Hover spots: keys (field meaning), code values, cross-file references. */
export function hoverPositions(text: string): Position[] {
  const lines = text.split('\n');
  const key = (pattern: RegExp) => linesMatching(lines, pattern).slice(0, 8).map((line) => ({ line, character: lines[line].search(/\S/) + 1 }));
  const value = (pattern: RegExp) => linesMatching(lines, pattern).slice(0, 8).map((line) => ({ line, character: lines[line].indexOf(': ') + 3 }));
  const groups = [
    value(/^ {6}agreement: /), value(/^ {6}resource: /), key(/^ {4}source: /), value(/^caseType: /), key(/^implementer: /), value(/^type: /),
  ].filter((group) => group.length > 0);
  const positions: Position[] = [];
  for (let i = 0; positions.length < 64; i++) for (const group of groups) positions.push(group[i % group.length]);
  return positions;
}
