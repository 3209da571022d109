/** Injected defects (expected.json) against the findings of `govspec lint -f json`, by (file, document, ruleId). */

import type { ExpectedFinding } from '../generate';

export interface LintResult {
  file: string;
  ruleId: string;
  line: number;
  /** Present if the CLI reports it; otherwise derived from the line. */
  document?: number;
}

export interface Tally {
  file: string;
  document: number;
  ruleId: string;
  expected: number;
  found: number;
}

export interface Comparison {
  /** Findings the corpus was built to trigger (sum of counts). */
  injected: number;
  /** Of those, how many were reported (per key, at most the expected count). */
  found: number;
  /** Reported findings beyond what was injected. */
  unexpected: number;
  missing: Tally[];
  extra: Tally[];
}

const keyOf = (file: string, document: number, ruleId: string) => `${file}\u0000${document}\u0000${ruleId}`;

/** Index of the document a 1-based line belongs to, given the 1-based first line of each document. */
export function documentAtLine(starts: readonly number[], line: number): number {
  let index = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i] <= line) index = i;
  return index;
}

/** 1-based first lines of the documents of a YAML text: line 1, then each `---` marker that follows content. */
export function documentStarts(text: string): number[] {
  const starts = [1];
  let sawContent = false;
  text.split('\n').forEach((line, i) => {
    if (/^---(\s|$)/.test(line)) {
      if (sawContent) starts.push(i + 1);
      sawContent = true;
    } else if (line.trim() !== '' && !line.startsWith('#') && !line.startsWith('%')) {
      sawContent = true;
    }
  });
  return starts;
}

export function compareFindings(expected: readonly ExpectedFinding[], results: readonly LintResult[], documentOf: (result: LintResult) => number): Comparison {
  const tallies = new Map<string, Tally>();
  const tally = (file: string, document: number, ruleId: string): Tally => {
    const key = keyOf(file, document, ruleId);
    let entry = tallies.get(key);
    if (entry === undefined) tallies.set(key, entry = { file, document, ruleId, expected: 0, found: 0 });
    return entry;
  };
  for (const entry of expected) tally(entry.file, entry.document, entry.ruleId).expected += entry.count;
  for (const result of results) tally(result.file, result.document ?? documentOf(result), result.ruleId).found++;
  let injected = 0;
  let found = 0;
  let unexpected = 0;
  const missing: Tally[] = [];
  const extra: Tally[] = [];
  for (const entry of tallies.values()) {
    injected += entry.expected;
    found += Math.min(entry.expected, entry.found);
    unexpected += Math.max(0, entry.found - entry.expected);
    if (entry.found < entry.expected) missing.push(entry);
    if (entry.found > entry.expected) extra.push(entry);
  }
  const order = (a: Tally, b: Tally) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.document - b.document || (a.ruleId < b.ruleId ? -1 : 1));
  return { injected, found, unexpected, missing: missing.sort(order), extra: extra.sort(order) };
}
