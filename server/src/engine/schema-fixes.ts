import type { Anchor, JsonPath, Kind, Message } from './types';
import type { EditSpec } from './rules/api';
import { schemaAt } from './schema/schemas';
import { acceptsAt, skeletonAt } from './schema/validate';
import { valueAt } from './values';
import { locate } from './yaml/locate';
import { insertFieldEdit, removeFieldEdit } from './yaml/edits';
import type { LineMap } from './yaml/lines';
import type { YamlSource } from './yaml/source';
import { bilingual } from './l10n/message';

/** The quick-fixes of schema findings (one defect, one finding): replace a value, quote a code, insert or remove a field. */

/** What a fix reads of the document: its data, its text and lines, and a precise tree that places a path. */
export interface FixTarget {
  value: unknown;
  text: string;
  lines: LineMap;
  astFor(path: JsonPath): NonNullable<ReturnType<YamlSource['treeFor']>>;
}

export function replacementFix(ruleId: string, path: JsonPath, anchor: Anchor, replacement: string) {
  const newText = ruleId === 'schema/unknown-field' ? replacement : JSON.stringify(replacement);
  return { title: bilingual(`改为 ${newText}`, `Change to ${newText}`), safe: false, edits: [{ path, anchor, newText } as EditSpec] };
}

/**
 * "Insert skeleton": the missing field with an empty value of its type and, for an object, its required fields
 * (`application: { date: "" }`), for the author to fill in. Empty values are still findings, so it is a suggestion.
 */
export function insertFieldFix(t: FixTarget, kind: Kind, path: JsonPath, field: string) {
  const skeleton = skeletonAt(kind, [...path, field]);
  const edit = insertFieldEdit(t.astFor(path), t.text, path, field, skeleton);
  if (!edit) return undefined;
  return {
    title: insertTitle(field, skeleton), safe: false,
    edits: [{ range: t.lines.rangeOf(edit.start, edit.end), newText: shared(edit.newText) } as EditSpec],
  };
}

/**
 * Titles and inserted lines are few (a field of the schema at an indentation) but repeat for every entry that lacks
 * the field: a legacy catalogue's millions of fixes share them rather than each holding its own copy.
 */
const insertTitles = new Map<string, Message>();
const insertedLines = new Map<string, string>();
/** Enough for every field of every schema at a few indentations; past it, texts are not shared (nothing grows). */
const MAX_SHARED = 4096;

function insertTitle(field: string, skeleton: string): Message {
  const key = `${field}: ${skeleton}`;
  let title = insertTitles.get(key);
  if (!title) {
    title = bilingual(`插入 ${key}`, `Insert ${key}`);
    if (insertTitles.size < MAX_SHARED) insertTitles.set(key, title);
  }
  return title;
}

function shared(newText: string): string {
  const known = insertedLines.get(newText);
  if (known !== undefined) return known;
  if (insertedLines.size < MAX_SHARED) insertedLines.set(newText, newText);
  return newText;
}

/** "Remove": drops the unknown field with its value (a suggestion: it deletes what the author wrote). */
export function removeFieldFix(t: FixTarget, path: JsonPath) {
  const edit = removeFieldEdit(t.astFor(path), t.text, path);
  if (!edit) return undefined;
  return {
    title: bilingual(`删除字段 ${String(path[path.length - 1])}`, `Remove field ${String(path[path.length - 1])}`), safe: false,
    edits: [{ range: t.lines.rangeOf(edit.start, edit.end), newText: edit.newText } as EditSpec],
  };
}

/** An unquoted code that YAML read as a number or boolean: quoting the text as written is always safe (`01` → `"01"`). */
export function quoteFix(t: FixTarget, kind: Kind, path: JsonPath) {
  const value = valueAt(t.value, path);
  if (typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  if (schemaAt(kind, path)?.type !== 'string') return undefined;
  const [s, e] = locate(t.astFor(path), path, 'value');
  const written = t.text.slice(s, e);
  if (!/^[^\s'"#]+$/.test(written)) return undefined;
  // Quoting must make the value right, not trade schema/type for schema/enum (`base: true` → "true").
  if (!acceptsAt(kind, t.value, path, written)) return undefined;
  const newText = `"${written}"`;
  return { title: bilingual(`加引号：${newText}`, `Quote it: ${newText}`), safe: true, edits: [{ path, anchor: 'value', newText } as EditSpec] };
}
