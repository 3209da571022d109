/**
 * Findings carry ranges; the pages group them by the data they are about. The range's start is walked back to a
 * data path (features/ast.ts, the inverse of yaml/locate.ts), so a finding lands beside the section of its field.
 */
import { nodeAt } from '../engine';
import type { Finding, JsonPath } from '../engine';
import type { ParsedFile } from '../engine';

export interface PlacedFinding { finding: Finding; path: JsonPath }

/** The findings of one document of a parsed file, each with the data path it sits on (`[]` for the document itself). */
export function placeFindings(parsed: ParsedFile, documentIndex: number, findings: readonly Finding[]): PlacedFinding[] {
  const doc = parsed.documents[documentIndex];
  if (!doc) return [];
  return findings
    .filter((f) => f.document === documentIndex)
    .map((finding) => ({ finding, path: nodeAt(doc, parsed.lines.offsetAt(finding.range.start))?.path ?? [] }));
}

/** The findings whose path starts with one of `prefixes`' first keys. */
export function findingsUnder(placed: readonly PlacedFinding[], keys: ReadonlySet<string | number>): PlacedFinding[] {
  return placed.filter((p) => p.path.length > 0 && keys.has(p.path[0]));
}
