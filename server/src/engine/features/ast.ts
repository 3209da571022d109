import type { JsonPath } from '../types';
import type { ParsedDocument, ParsedFile } from '../yaml/parse';
import { keyText, rangeOfNode } from '../yaml/parse';

/**
 * Walks the syntax tree from offsets to data paths, the inverse of yaml/locate.ts. The tree is read by shape
 * (collections hold `items`, pairs hold `key` and `value`) so that yaml/ stays the only importer of the parser.
 */

export interface NodeHit {
  path: JsonPath;
  /** On a mapping key, or on a scalar value (a list item or a key's value). */
  on: 'key' | 'value';
  start: number;
  end: number;
}

interface PairLike { key: unknown; value: unknown }
interface CollectionLike { items: unknown[] }

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;
const isPair = (x: unknown): x is PairLike => isObject(x) && 'key' in x && 'value' in x && !('range' in x);
const isCollection = (x: unknown): x is CollectionLike => isObject(x) && Array.isArray(x.items);
const isMapping = (x: unknown): x is { items: PairLike[] } => isCollection(x) && x.items.every(isPair);
const within = (offset: number, [start, end]: [number, number]) => start <= offset && offset <= end;

/** The document of a file that holds an offset: the last one starting at or before it. */
export function documentAt(parsed: ParsedFile, offset: number): ParsedDocument | undefined {
  let found: ParsedDocument | undefined;
  for (const doc of parsed.documents) if (rangeOfNode(doc.ast)[0] <= offset || !found) found = doc;
  return found;
}

/** The key or scalar under an offset (an offset just after a token still counts as on it). */
export function nodeAt(doc: ParsedDocument, offset: number): NodeHit | undefined {
  let node: unknown = doc.ast.contents;
  const path: (string | number)[] = [];
  for (;;) {
    if (isMapping(node)) {
      const pair = node.items.find((p) => (p.key != null && within(offset, rangeOfNode(p.key))) || (p.value != null && within(offset, rangeOfNode(p.value))));
      if (!pair) return undefined;
      const key = keyText(pair as never);
      if (pair.key != null && within(offset, rangeOfNode(pair.key))) {
        const [start, end] = rangeOfNode(pair.key);
        return { path: [...path, key], on: 'key', start, end };
      }
      path.push(key);
      node = pair.value;
    } else if (isCollection(node)) {
      const i = node.items.findIndex((item) => within(offset, rangeOfNode(isPair(item) ? item.value : item)));
      if (i === -1) return undefined;
      path.push(i);
      const item = node.items[i];
      node = isPair(item) ? item.value : item;
    } else if (node != null) {
      const [start, end] = rangeOfNode(node);
      return { path, on: 'value', start, end };
    } else return undefined;
  }
}

/** Offsets spanning a node and its key, for outlines: from the key (or the item) to the end of the value. */
export function spanOf(doc: ParsedDocument, path: JsonPath): [number, number] | undefined {
  let node: unknown = doc.ast.contents;
  let start = rangeOfNode(node)[0];
  for (const step of path) {
    if (isMapping(node)) {
      const pair = node.items.find((p) => keyText(p as never) === String(step));
      if (!pair) return undefined;
      start = rangeOfNode(pair.key)[0];
      node = pair.value;
    } else if (isCollection(node) && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) return undefined;
      node = isPair(item) ? item.value : item;
      start = rangeOfNode(node)[0];
    } else return undefined;
  }
  return [start, Math.max(start, rangeOfNode(node)[1])];
}

/** Every scalar value of a document (list items and keys' values) with its data path and offsets. */
export function scalarsOf(doc: ParsedDocument): { path: JsonPath; start: number; end: number }[] {
  const out: { path: JsonPath; start: number; end: number }[] = [];
  const walk = (node: unknown, path: (string | number)[]): void => {
    if (isMapping(node)) for (const pair of node.items) walk(pair.value, [...path, keyText(pair as never)]);
    else if (isCollection(node)) node.items.forEach((item, i) => walk(isPair(item) ? item.value : item, [...path, i]));
    else if (node != null) {
      const [start, end] = rangeOfNode(node);
      out.push({ path, start, end });
    }
  };
  walk(doc.ast.contents, []);
  return out;
}
