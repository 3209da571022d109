/** Figures as the JSON report holds them: a value, or `null` with a `"<key>.why"` string beside it. */

export type FigureValue = number | { [key: string]: number | string | null | boolean } | null;
export type Figures = Record<string, FigureValue | string>;

/** Thrown by a measurement that cannot be made; its message becomes the `why`. */
export class Unmeasurable extends Error {}

export const whyKey = (key: string): string => `${key}.why`;

export function setFigure(figures: Figures, key: string, value: FigureValue): void {
  figures[key] = value;
  delete figures[whyKey(key)];
}

export function setUnmeasured(figures: Figures, key: string, why: string): void {
  figures[key] = null;
  figures[whyKey(key)] = why;
}

/** Runs one measurement; any failure turns into `null` + why, so one figure never aborts the others. */
export async function measure(figures: Figures, keys: readonly string[], work: () => Promise<Record<string, FigureValue>>): Promise<void> {
  try {
    const values = await work();
    for (const key of keys) {
      if (key in values && values[key] !== null) setFigure(figures, key, values[key]);
      else setUnmeasured(figures, key, 'the measurement returned no value');
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    for (const key of keys) setUnmeasured(figures, key, why.split('\n')[0].slice(0, 400));
  }
}

/** Every null in a (nested) object has a non-empty `"<key>.why"` string next to it; returns the keys that do not. */
export function nullsWithoutWhy(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  const missing: string[] = [];
  for (const [key, entry] of Object.entries(record)) {
    const here = path === '' ? key : `${path}/${key}`;
    if (entry === null) {
      const why = record[whyKey(key)];
      if (typeof why !== 'string' || why.length === 0) missing.push(here);
    } else {
      missing.push(...nullsWithoutWhy(entry, here));
    }
  }
  return missing;
}
