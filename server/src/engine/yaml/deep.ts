import { Composer, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { CST, Document, Node as YamlNode } from 'yaml';

/**
 * `yaml`'s composer recurses once per nesting level, so how deep it gets before the stack runs out depends on the
 * thread (a worker's stack is four times the main thread's): a document 900 levels deep composed in one thread and
 * overflowed in another, and the CLI's phases disagreed about the same file. Deep documents are therefore composed
 * in slices of at most `SLICE_LEVELS` levels — each collection that starts a new slice is cut out of the syntax tree,
 * composed on its own and grafted back — so composing never nests deeper than that on any stack, and the only depth
 * bound is the explicit one (LIMITS.depth, checked on the syntax tree before this).
 */
export const SLICE_LEVELS = 64;

/** A collection cut out of its parent's syntax tree, and the empty scalar that holds its place there. */
interface Slice { token: CST.Token; placeholder: CST.FlowScalar }

const isCollection = (token: CST.Token | null | undefined): token is CST.BlockMap | CST.BlockSequence | CST.FlowCollection =>
  !!token && (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection');

/**
 * Cuts, iteratively, every collection value that sits `SLICE_LEVELS` levels below the root of its slice; returns the
 * slices cut, outermost first. Keys are left whole: a collection as a key is rare, and one that deep rarer still.
 */
function cutSlices(root: CST.Token): Slice[] {
  const slices: Slice[] = [];
  const roots: CST.Token[] = [root];
  while (roots.length > 0) {
    const stack: { token: CST.Token; depth: number }[] = [{ token: roots.pop()!, depth: 1 }];
    while (stack.length > 0) {
      const { token, depth } = stack.pop()!;
      if (!isCollection(token)) continue;
      for (const item of token.items as CST.CollectionItem[]) {
        if (!isCollection(item.value)) continue;
        if (depth + 1 > SLICE_LEVELS) {
          const placeholder: CST.FlowScalar = { type: 'scalar', offset: item.value.offset, indent: item.value.indent, source: '' };
          slices.push({ token: item.value, placeholder });
          roots.push(item.value);
          item.value = placeholder;
        } else stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return slices;
}

function deeperThanSlice(root: CST.Token | undefined): boolean {
  const stack: { token: CST.Token | null | undefined; depth: number }[] = [{ token: root, depth: 1 }];
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!isCollection(token)) continue;
    if (depth > SLICE_LEVELS) return true;
    for (const item of token.items as CST.CollectionItem[]) stack.push({ token: item.value, depth: depth + 1 });
  }
  return false;
}

type ComposerOptions = ConstructorParameters<typeof Composer>[0];

/**
 * Composes the documents of a token stream as `new Composer(options).compose(tokens)` does, with every document
 * deeper than a slice composed in slices. One document per `document` token, in order.
 */
export function composeDocuments(tokens: CST.Token[], options: ComposerOptions): Document.Parsed[] {
  const cuts = new Map<CST.Document, Slice[]>();
  for (const token of tokens) {
    if (token.type === 'document' && token.value && deeperThanSlice(token.value)) cuts.set(token, cutSlices(token.value));
  }
  const asts = Array.from(new Composer(options).compose(tokens)) as Document.Parsed[];
  if (cuts.size === 0) return asts;
  const documentTokens = tokens.filter((t): t is CST.Document => t.type === 'document');
  documentTokens.forEach((token, index) => {
    const slices = cuts.get(token);
    if (slices) graft(asts[index], slices, options);
  });
  return asts;
}

/** Composes each slice on its own and puts it where its placeholder was composed, innermost first. */
function graft(ast: Document.Parsed, slices: Slice[], options: ComposerOptions): void {
  const composed = new Map<number, YamlNode>();
  for (let i = slices.length - 1; i >= 0; i--) {
    const { token } = slices[i];
    const wrapper: CST.Document = { type: 'document', offset: token.offset, start: [], value: token };
    const part = Array.from(new Composer(options).compose([wrapper], true))[0] as Document.Parsed;
    ast.errors.push(...part.errors);
    ast.warnings.push(...part.warnings);
    const node = part.contents as YamlNode | null;
    if (node) {
      replacePlaceholders(node, composed);
      composed.set(token.offset, node);
    }
  }
  if (ast.contents) replacePlaceholders(ast.contents as YamlNode, composed);
}

/**
 * Replaces, below `root` (iteratively), each empty scalar at the offset of a composed slice by that slice. A block
 * collection ends where its last node ends, so the collections holding a slice are stretched to its end, as the
 * composer would have made them.
 */
function replacePlaceholders(root: YamlNode, composed: Map<number, YamlNode>): void {
  interface Entry { node: unknown; parent: Entry | undefined }
  const take = (node: unknown, parent: Entry): YamlNode | undefined => {
    if (!isScalar(node) || node.source !== '' || !node.range || node.range[0] !== node.range[1]) return undefined;
    const slice = composed.get(node.range[0]);
    if (!slice) return undefined;
    composed.delete(node.range[0]);
    const [, valueEnd, nodeEnd] = slice.range!;
    for (let at: Entry | undefined = parent; at; at = at.parent) {
      const range = (at.node as YamlNode).range!;
      range[1] = Math.max(range[1], valueEnd);
      range[2] = Math.max(range[2], nodeEnd);
    }
    return slice;
  };
  const stack: Entry[] = [{ node: root, parent: undefined }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { node } = entry;
    if (isMap(node)) {
      for (const pair of node.items) {
        pair.value = take(pair.value, entry) ?? pair.value;
        stack.push({ node: pair.value, parent: entry });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (isPair(item)) {
          item.value = take(item.value, entry) ?? item.value;
          stack.push({ node: item.value, parent: entry });
        } else {
          node.items[i] = take(item, entry) ?? item;
          stack.push({ node: node.items[i], parent: entry });
        }
      });
    }
  }
}
