/**
 * docs/semantics.md: a field written as `null`, `""` or only white space counts as missing. The schema sees the
 * document with such fields removed, so that they are reported as `schema/required` and never as a wrong type.
 */
import { isBlank, setOwn } from '../values';

/**
 * A copy of `value` without the blank fields of its mappings. List entries are never removed, so that data paths
 * still match the source: a blank entry becomes `null` (reported as an empty entry). `x-` keys are kept as written.
 */
export function normalizeMissing(value: unknown): unknown {
  if (isBlank(value)) return undefined;
  // Most documents hold no blank field: they are validated as they are, without a copy (the validators never write).
  return holdsBlank(value) ? copy(value) : value;
}

/** Whether `copy` would change anything: a blank list entry, or a blank field outside `x-` keys, at any depth. */
function holdsBlank(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => isBlank(item) || holdsBlank(item));
  if (value === null || typeof value !== 'object') return false;
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key) || key.startsWith('x-')) continue;
    const item = (value as Record<string, unknown>)[key];
    if (isBlank(item) || holdsBlank(item)) return true;
  }
  return false;
}

function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (isBlank(item) ? null : copy(item)));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('x-')) setOwn(out, key, item);
    else if (!isBlank(item)) setOwn(out, key, copy(item));
  }
  return out;
}

