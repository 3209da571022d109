import type { Finding } from '../engine';

/** How many findings of each severity: what the status bar and "lint workspace" count. */
export interface FindingCounts { errors: number; warnings: number; infos: number }

export function countsOf(findings: readonly Finding[]): FindingCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) counts[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  return counts;
}
