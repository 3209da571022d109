import type { Finding } from '../../engine';
import { applyEdits, safeFixEdits } from '../../engine';

/**
 * Applies the safe fixes of one file's findings that do not overlap, each fix whole or not at all, earliest first.
 * Returns undefined when nothing applies. Bytes outside the edits are left exactly as they were.
 */
export function applySafeFixes(file: string, text: string, findings: readonly Finding[]): string | undefined {
  return applyEdits(text, safeFixEdits(file, text, findings));
}
