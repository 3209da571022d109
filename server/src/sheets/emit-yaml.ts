/**
 * The text of a new imported file, emitted directly: the same bytes the `yaml` Document API gives for the layout
 * write-yaml.ts builds (block maps and lists, codes and dates double-quoted, flow lists of quoted codes), at a small
 * part of its cost, which at national scale (hundreds of thousands of rows) is most of an import's time. Scalars
 * whose spelling is not plainly safe are spelt by the `yaml` library itself (cached), so that quoting, escapes and
 * block scalars stay exactly its own; write-yaml.test.ts compares the two renderings.
 */
import { Document, Scalar } from 'yaml';

/** A node of the tree being emitted, in insertion order as the Document API keeps it. */
type EmitNode = EmitMap | EmitSeq | EmitScalar;
interface EmitMap { map: Map<string, EmitNode> }
interface EmitSeq { seq: EmitNode[]; flow?: boolean }
interface EmitScalar { value: unknown; quoted?: boolean }

export const emitMap = (): EmitMap => ({ map: new Map() });
const isEmitMap = (node: EmitNode | undefined): node is EmitMap => node !== undefined && 'map' in node;
export const isEmitSeq = (node: EmitNode | undefined): node is EmitSeq => node !== undefined && 'seq' in node;

/** The node at `path`, undefined where the path leaves the maps and lists. */
export function emitGet(root: EmitNode, path: readonly (string | number)[]): EmitNode | undefined {
  let at: EmitNode | undefined = root;
  for (const step of path) {
    if (isEmitMap(at) && typeof step === 'string') at = at.map.get(step);
    else if (isEmitSeq(at) && typeof step === 'number') at = at.seq[step];
    else return undefined;
  }
  return at;
}

/** Sets `path` in `root`, making maps on the way, as `Document.setIn` does for a new document. */
export function emitSet(root: EmitMap, path: readonly (string | number)[], node: EmitNode): void {
  let at: EmitNode = root;
  for (let i = 0; i < path.length - 1; i++) {
    const step = path[i];
    let next: EmitNode | undefined = isEmitMap(at) ? at.map.get(String(step)) : isEmitSeq(at) ? at.seq[step as number] : undefined;
    if (next === undefined || !('map' in next || 'seq' in next)) {
      next = emitMap();
      if (isEmitMap(at)) at.map.set(String(step), next);
      else if (isEmitSeq(at)) at.seq[step as number] = next;
    }
    at = next;
  }
  const last = path[path.length - 1];
  if (isEmitMap(at)) at.map.set(String(last), node);
  else if (isEmitSeq(at)) at.seq[last as number] = node;
}

/** Plain data as nodes, the way `Document.createNode` takes it. */
export function emitNodeOf(value: unknown): EmitNode {
  if (Array.isArray(value)) return { seq: value.map(emitNodeOf) };
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return { map: new Map(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).map(([k, v]) => [k, emitNodeOf(v)])) };
  }
  return { value };
}

export const quotedScalar = (value: string): EmitScalar => ({ value, quoted: true });

// Text the `yaml` library writes plain whatever its context: letters and digits of any script, with no ASCII
// punctuation or space (no indicator, comment or key marker), no special white space, and not a word of the
// core schema (true, null, ...). Anything else asks the library.
const SAFE_PLAIN = /^(?:[A-Za-z0-9]|[^\0-\xa0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\ud800-\udfff])+$/;
const ASCII_ONLY = /^[\0-\x7f]*$/;
const LETTERS = /^[A-Za-z]+$/;
const CORE_WORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
const SAFE_QUOTED = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;

const PROBE_CACHE_LIMIT = 50_000;
const probes = new Map<string, string>();

/** The library's spelling of a scalar as a map value (`mapValue`) or a list entry, lines after the first unindented. */
function probe(scalar: EmitScalar, mapValue: boolean): string {
  const key = `${mapValue ? 'm' : 's'}${scalar.quoted ? 'q' : 'p'}${typeof scalar.value}:${String(scalar.value)}`;
  const cached = probes.get(key);
  if (cached !== undefined) return cached;
  const node = new Scalar(scalar.value);
  if (scalar.quoted) node.type = Scalar.QUOTE_DOUBLE;
  const doc = new Document(mapValue ? { k: null } : [null]);
  if (mapValue) doc.set('k', node);
  else doc.set(0, node);
  const text = doc.toString({ lineWidth: 0 }).slice(mapValue ? 3 : 2, -1).replace(/\n {2}/g, '\n');
  if (probes.size >= PROBE_CACHE_LIMIT) probes.clear();
  probes.set(key, text);
  return text;
}

function scalarText(scalar: EmitScalar, mapValue: boolean): string {
  const { value } = scalar;
  if (typeof value === 'string') {
    if (scalar.quoted ? SAFE_QUOTED.test(value) : SAFE_PLAIN.test(value) && (!ASCII_ONLY.test(value) || (LETTERS.test(value) && !CORE_WORDS.has(value)))) {
      return scalar.quoted ? `"${value}"` : value;
    }
  } else if (typeof value === 'boolean') {
    return String(value);
  } else if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) {
    return String(value);
  }
  return probe(scalar, mapValue);
}

/** A scalar after `key: ` or `- `, continuation lines indented under it. */
function inlineScalar(scalar: EmitScalar, mapValue: boolean, indent: string): string {
  const text = scalarText(scalar, mapValue);
  return text.includes('\n') ? text.replace(/\n/g, `\n${indent}  `) : text;
}

function emitFlow(seq: EmitSeq): string {
  return seq.seq.length === 0 ? '[]' : `[ ${seq.seq.map((item) => scalarText(item as EmitScalar, false)).join(', ')} ]`;
}

function emitMapBody(node: EmitMap, indent: string, out: string[], firstPrefix?: string): void {
  let first = true;
  for (const [key, value] of node.map) {
    const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
    first = false;
    if (isEmitMap(value)) {
      if (value.map.size === 0) out.push(`${lead}${key}: {}\n`);
      else {
        out.push(`${lead}${key}:\n`);
        emitMapBody(value, `${indent}  `, out);
      }
    } else if (isEmitSeq(value)) {
      if (value.flow || value.seq.length === 0) out.push(`${lead}${key}: ${emitFlow(value)}\n`);
      else {
        out.push(`${lead}${key}:\n`);
        emitSeqBody(value, `${indent}  `, out);
      }
    } else {
      out.push(`${lead}${key}: ${inlineScalar(value, true, indent)}\n`);
    }
  }
}

function emitSeqBody(node: EmitSeq, indent: string, out: string[]): void {
  for (const item of node.seq) {
    if (isEmitMap(item)) {
      if (item.map.size === 0) out.push(`${indent}- {}\n`);
      else emitMapBody(item, `${indent}  `, out, `${indent}- `);
    } else if (isEmitSeq(item)) {
      if (item.flow || item.seq.length === 0) out.push(`${indent}- ${emitFlow(item)}\n`);
      else {
        // A list in a list: the inner one's first entry on the dash line, as the library writes it.
        const inner: string[] = [];
        emitSeqBody(item, `${indent}  `, inner);
        out.push(`${indent}- ${inner.join('').slice(indent.length + 2)}`);
      }
    } else {
      out.push(`${indent}- ${inlineScalar(item, false, indent)}\n`);
    }
  }
}

/** The document's text, as `new Document(...).toString({ lineWidth: 0 })` writes it. */
export function emitDocument(root: EmitMap): string {
  if (root.map.size === 0) return '{}\n';
  const out: string[] = [];
  emitMapBody(root, '', out);
  return out.join('');
}
