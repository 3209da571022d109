/**
 * Titles and code labels read from the schemas' `x-i18n` and `x-enum`, so the pages say exactly what hovers and
 * completions say, and a code list changes in one place.
 */
import { schemaAt } from '../engine';
import { bundledRegions } from '../engine';
import { bilingual } from '../engine';
import type { JsonPath, Kind, Locale } from '../engine';

/** The title of the field at `path`, in `locale`; the last key of the path when the schema has none. */
export function fieldTitle(kind: Kind, path: JsonPath, locale: Locale): string {
  return schemaAt(kind, path)?.['x-i18n']?.title[locale] ?? String(path[path.length - 1] ?? '');
}

/** The label of a code (`"01"` → 行政许可); undefined for a code the list does not hold. */
export function codeLabel(kind: Kind, path: JsonPath, code: unknown, locale: Locale): string | undefined {
  if (typeof code !== 'string' && typeof code !== 'number') return undefined;
  return schemaAt(kind, path)?.['x-enum']?.[String(code)]?.[locale];
}

/** `label (code)` when the code is known, else the code as written. */
export function codeWithLabel(kind: Kind, path: JsonPath, code: unknown, locale: Locale): string {
  const label = codeLabel(kind, path, code, locale);
  if (label === undefined) return String(code ?? '');
  return bilingual(`${label}（${String(code)}）`, `${label} (${String(code)})`)[locale];
}

/** The place path of a GB/T 2260 code ("四川省 广安市 广安区"); undefined when the bundled list does not hold it. */
export function regionName(code: unknown): string | undefined {
  return typeof code === 'string' ? bundledRegions().fullName(code) : undefined;
}
