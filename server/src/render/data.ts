/**
 * Reading document data that may be half-typed: any field can be missing or of the wrong shape while the user
 * edits, and the preview must still show the rest.
 */
export type Obj = Record<string, unknown>;

export const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A scalar as text (a number typed where a string belongs is still shown); undefined for nothing or a collection. */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export const strs = (v: unknown): string[] => list(v).map(str).filter((s): s is string => s !== undefined);
