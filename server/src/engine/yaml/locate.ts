import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document } from 'yaml';
import type { Anchor, JsonPath } from '../types';
import { keyText, rangeOfNode } from './parse';

/**
 * Source offsets of the node a finding sits on (docs/semantics.md): a scalar's own range; for a collection, the key
 * that holds it; where there is no key (a list item, the root), the first key of its mapping (the root: `kind`).
 * A path that passes through an alias stops at the alias; a path that runs past the data stops at the last key found.
 */
export function locate(ast: Document.Parsed, path: JsonPath, anchor: Anchor): [number, number] {
  let node: unknown = ast.contents;
  let keyNode: unknown = undefined;
  for (const step of path) {
    if (isAlias(node)) return rangeOfNode(node);
    const next = child(node, step);
    if (!next) return keyNode ? rangeOfNode(keyNode) : firstKeyOf(node, ast, node === ast.contents);
    node = next.value;
    keyNode = next.key;
  }
  // A finding about the key (an unknown field such as `<<: *base`) sits on the key even when its value is an alias.
  if (isAlias(node)) return anchor === 'key' && keyNode ? rangeOfNode(keyNode) : rangeOfNode(node);
  const own = rangeOfNode(node);
  const emptyScalar = isScalar(node) && own[0] === own[1];
  if (anchor === 'value' && isScalar(node) && !emptyScalar) return own;
  if (keyNode) return rangeOfNode(keyNode);
  return isScalar(node) ? own : firstKeyOf(node, ast, path.length === 0);
}

function child(node: unknown, step: string | number): { key: unknown; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => keyText(p) === String(step));
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof step === 'number') {
    const item = node.items[step];
    if (item === undefined) return undefined;
    return { key: undefined, value: isPair(item) ? item.value : item };
  }
  return undefined;
}

function firstKeyOf(node: unknown, ast: Document.Parsed, isRoot: boolean): [number, number] {
  if (isMap(node) && node.items.length > 0) {
    const kind = isRoot ? node.items.find((p) => keyText(p) === 'kind') : undefined;
    return rangeOfNode((kind ?? node.items[0]).key);
  }
  if (node != null) {
    const r = rangeOfNode(node);
    return [r[0], r[0]];
  }
  const r = rangeOfNode(ast.contents);
  return [r[0], r[0]];
}
