import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Pair, YAMLMap } from 'yaml';
import type { JsonPath } from '../types';
import { keyText } from './parse';

/** A replacement of the text between two offsets. */
export interface OffsetEdit { start: number; end: number; newText: string }

/**
 * Text edits that add or remove a whole field, touching nothing else: for block mappings a line of its own at the
 * indentation of its siblings, for flow mappings an entry between the braces.
 */

/** Inserts `field: value` into the mapping at `path`; undefined when there is no mapping there. */
export function insertFieldEdit(ast: Document.Parsed, text: string, path: JsonPath, field: string, value: string): OffsetEdit | undefined {
  const map = nodeAt(ast, path);
  if (!isMap(map) || !map.range) return undefined;
  if (map.flow) {
    const lastEntry = map.items[map.items.length - 1] as Pair | undefined;
    const at = lastEntry ? endOfFlowPair(lastEntry) : text.lastIndexOf('}', map.range[1]);
    if (at < 0) return undefined;
    return { start: at, end: at, newText: `${lastEntry ? ', ' : ''}${field}: ${value}` };
  }
  const last = map.items[map.items.length - 1] as Pair | undefined;
  if (!last) return undefined;
  const firstKey = (map.items[0] as Pair).key as { range?: [number, number, number] };
  const keyStart = firstKey.range?.[0] ?? map.range[0];
  const indent = keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1);
  const end = endOfPair(last, text);
  const atLineStart = end === 0 || text[end - 1] === '\n';
  const eol = lineBreakOf(text);
  return { start: end, end, newText: `${atLineStart ? '' : eol}${' '.repeat(indent)}${field}: ${value}${atLineStart ? eol : ''}` };
}

/** Removes the pair `path` names (its last step is the key) with its line, or its entry and comma in a flow mapping. */
export function removeFieldEdit(ast: Document.Parsed, text: string, path: JsonPath): OffsetEdit | undefined {
  const map = nodeAt(ast, path.slice(0, -1));
  if (!isMap(map)) return undefined;
  const index = map.items.findIndex((p) => keyText(p) === String(path[path.length - 1]));
  if (index < 0) return undefined;
  const pair = map.items[index] as Pair;
  const keyStart = (pair.key as { range: [number, number, number] }).range[0];
  if (map.flow) {
    const next = map.items[index + 1] as Pair | undefined;
    if (next) return { start: keyStart, end: (next.key as { range: [number, number, number] }).range[0], newText: '' };
    const previous = map.items[index - 1] as Pair | undefined;
    return { start: previous ? endOfFlowPair(previous) : keyStart, end: endOfFlowPair(pair), newText: '' };
  }
  const end = endOfPair(pair, text);
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const onlyIndentBefore = text.slice(lineStart, keyStart).trim() === '';
  return { start: onlyIndentBefore ? lineStart : keyStart, end, newText: '' };
}

/** The last text asked about and its line break: a file with a thousand missing fields is scanned once, not per fix. */
let lastLineBreak: { text: string; eol: string } | undefined;

/** The line break a new line gets: CRLF when the file uses it anywhere. */
function lineBreakOf(text: string): string {
  if (lastLineBreak?.text !== text) lastLineBreak = { text, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  return lastLineBreak.eol;
}

function nodeAt(ast: Document.Parsed, path: JsonPath): unknown {
  let node: unknown = ast.contents;
  for (const step of path) {
    if (isMap(node)) node = (node as YAMLMap).items.find((p) => keyText(p) === String(step))?.value;
    else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      node = isPair(item) ? item.value : item;
    } else return undefined;
  }
  return node;
}

/** Where a pair's text ends: after its value's line break in block style, at the value's end in flow style. */
function endOfPair(pair: Pair, text: string): number {
  const value = pair.value as { range?: [number, number, number] } | null;
  const key = pair.key as { range: [number, number, number] };
  if (value?.range && !(isScalar(value) && value.range[0] === value.range[2] && value.range[0] <= key.range[1])) return value.range[2];
  const newline = text.indexOf('\n', key.range[1]);
  return newline < 0 ? text.length : newline + 1;
}

/** Where an entry of a flow mapping ends: at its value's last character (or its key's, when it has no value). */
function endOfFlowPair(pair: Pair): number {
  const value = pair.value as { range?: [number, number, number] } | null;
  return value?.range?.[1] ?? (pair.key as { range: [number, number, number] }).range[1];
}
