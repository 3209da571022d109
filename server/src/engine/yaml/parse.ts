import { CST, Composer, Lexer, Parser, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Alias, Document, Node as YamlNode, Pair, Scalar } from 'yaml';
import { composeDocuments } from './deep';
import { UNPAIRED_SURROGATE } from './fast';
import { LineMap } from './lines';
import { setOwn } from '../values';

/** The bounds of docs/semantics.md. */
export const LIMITS = { fileBytes: 64 * 1024 * 1024, aliasNodes: 10_000, depth: 1_000 } as const;

const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq',
]);

export type YamlProblemKind = 'syntax' | 'duplicate-key' | 'unsafe-tag' | 'unsafe-alias' | 'unsafe-depth';

/** A problem of the YAML layer, at source offsets. `detail` is the parser's own words where it has some. */
export interface YamlProblem { kind: YamlProblemKind; start: number; end: number; detail: string }

export interface Comment { offset: number; text: string }

export interface ParsedDocument {
  index: number;
  ast: Document.Parsed;
  /** The document's data, first occurrence of a repeated key winning; undefined when the document is unusable. */
  value: unknown;
  problems: YamlProblem[];
}

export interface ParsedFile {
  text: string;
  lines: LineMap;
  documents: ParsedDocument[];
  /** The real YAML comments, lexed on first use (suppressions and the editor's code actions need them; most lints do not). */
  readonly comments: Comment[];
}

/** Parses every document of a text with `yaml` 2 (YAML 1.2 core schema), never evaluating anything. */
export function parseYaml(text: string): ParsedFile {
  const lines = new LineMap(text);
  let tokens: CST.Token[];
  try {
    tokens = Array.from(new Parser().parse(text));
  } catch (error) {
    // The CST parser recurses on compact nested block collections (`- - - …`) and throws when the stack runs out.
    if (!(error instanceof RangeError)) throw error;
    return unparsablyDeep(text, lines);
  }
  // The composer recurses per nesting level: a document past the depth bound is never composed, so the finding is
  // one, at the first node past the bound, whatever stack the host gives us (docs/semantics.md).
  const tooDeep = new Map<CST.Document, number>();
  for (const token of tokens) {
    if (token.type !== 'document') continue;
    const at = firstTooDeep(token);
    if (at !== undefined) {
      tooDeep.set(token, at);
      token.value = undefined;
    }
  }
  const asts = composeDocuments(tokens, { schema: 'core', uniqueKeys: false, merge: false, prettyErrors: false, strict: true });
  // The composer makes exactly one document per `document` token, in order.
  const depthAt = tokens.filter((t): t is CST.Document => t.type === 'document').map((t) => tooDeep.get(t));
  const documents = asts.map((ast, index) => {
    const at = depthAt[index];
    if (at === undefined) return readDocument(ast, index, text);
    const problem: YamlProblem = { kind: 'unsafe-depth', start: at, end: Math.min(at + 1, text.length), detail: `depth > ${LIMITS.depth}` };
    return { index, ast, value: undefined, problems: [problem] };
  });
  return withComments(text, lines, withDirectiveProblems(tokens, documents));
}

/**
 * `yaml` takes two directives the spec forbids: a second `%YAML` before one document, and directives with no
 * document after them. Each is a syntax problem of the document they belong to (the last one for trailing
 * directives; an empty one when the stream has none), which is then unusable like any document with an error.
 */
function withDirectiveProblems(tokens: readonly CST.Token[], documents: ParsedDocument[]): ParsedDocument[] {
  const problems: { before: number; problem: YamlProblem }[] = [];
  let pending: CST.Directive[] = [];
  let documentIndex = 0;
  for (const token of tokens) {
    if (token.type === 'document') {
      documentIndex++;
      pending = [];
    } else if (token.type === 'directive') {
      if (token.source.startsWith('%YAML') && pending.some((d) => d.source.startsWith('%YAML'))) {
        problems.push({ before: documentIndex, problem: { kind: 'syntax', start: token.offset, end: token.offset + token.source.length, detail: 'a second %YAML directive for one document' } });
      }
      pending.push(token);
    }
  }
  if (pending.length > 0) {
    const first = pending[0];
    problems.push({ before: Math.max(0, documentIndex - 1), problem: { kind: 'syntax', start: first.offset, end: first.offset + first.source.length, detail: 'a directive with no document after it' } });
  }
  if (problems.length === 0) return documents;
  const out = documents.length > 0 ? [...documents] : [emptyDocument()];
  for (const { before, problem } of problems) {
    const at = Math.min(before, out.length - 1);
    out[at] = { ...out[at], value: undefined, problems: [...out[at].problems, problem] };
  }
  return out;
}

function emptyDocument(): ParsedDocument {
  const ast = Array.from(new Composer({ schema: 'core' }).compose([], true))[0] as Document.Parsed;
  return { index: 0, ast, value: undefined, problems: [] };
}

/** A text the parser could not even tokenise for its nesting: one empty document with one unsafe-depth problem at 1:1. */
function unparsablyDeep(text: string, lines: LineMap): ParsedFile {
  const problem: YamlProblem = { kind: 'unsafe-depth', start: 0, end: 0, detail: `depth > ${LIMITS.depth}` };
  return withComments(text, lines, [{ ...emptyDocument(), problems: [problem] }]);
}

/** Offset of the first node nested deeper than the bound, found iteratively over the concrete syntax tree. */
function firstTooDeep(doc: CST.Document): number | undefined {
  const stack: { token: CST.Token | null | undefined; depth: number }[] = [{ token: doc.value, depth: 1 }];
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token) continue;
    if (depth > LIMITS.depth) return token.offset;
    if (!isCollectionToken(token)) continue;
    for (const item of token.items as CST.CollectionItem[]) {
      stack.push({ token: item.value, depth: depth + 1 });
      if (item.key && isCollectionToken(item.key)) stack.push({ token: item.key, depth: depth + 1 }); // as inspect() counts
    }
  }
  return undefined;
}

function isCollectionToken(token: CST.Token): token is CST.BlockMap | CST.BlockSequence | CST.FlowCollection {
  return token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
}

function readDocument(ast: Document.Parsed, index: number, text: string): ParsedDocument {
  const problems: YamlProblem[] = ast.errors.map((e) => ({
    // The composer recurses per nesting level and can run out of a small stack below the bound: that is one
    // finding (the first place it ran out), however many levels unwound through the error.
    kind: /call stack/i.test(e.message) ? 'unsafe-depth' as const : 'syntax' as const,
    start: e.pos[0], end: e.pos[1], detail: e.message.split('\n')[0],
  })).filter((p, i, all) => p.kind !== 'unsafe-depth' || all.findIndex((q) => q.kind === 'unsafe-depth') === i);
  if (problems.length > 0) return { index, ast, value: undefined, problems };
  const walk = inspect(ast, text);
  problems.push(...walk.problems);
  const unusable = walk.problems.some((p) => p.kind !== 'duplicate-key');
  return { index, ast, value: unusable ? undefined : toValue(ast.contents, ast), problems };
}

interface Inspection { problems: YamlProblem[] }

/** One iterative pass over the tree: depth, tags, duplicate keys and the cost of alias expansion. */
function inspect(ast: Document.Parsed, text: string): Inspection {
  const problems: YamlProblem[] = [];
  const sizes = new Map<unknown, number>();
  let expanded = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: ast.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node == null) continue;
    const range = rangeOfNode(node);
    if (depth > LIMITS.depth) {
      problems.push({ kind: 'unsafe-depth', start: range[0], end: range[1], detail: `depth > ${LIMITS.depth}` });
      break;
    }
    if (isAlias(node)) {
      const target = node.resolve(ast);
      if (!target) {
        problems.push({ kind: 'syntax', start: range[0], end: range[1], detail: `unknown anchor *${node.source}` });
        continue;
      }
      expanded += sizeOf(target, ast, sizes);
      if (expanded > LIMITS.aliasNodes) {
        problems.push({ kind: 'unsafe-alias', start: range[0], end: range[1], detail: `alias expansion > ${LIMITS.aliasNodes} nodes` });
        break;
      }
      continue;
    }
    const tag = (node as { tag?: string }).tag;
    if (tag && !CORE_TAGS.has(tag)) problems.push({ kind: 'unsafe-tag', ...tagRange(text, range[0]), detail: tag });
    if (isScalar(node)) noCharacter(node, problems);
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = keyText(pair);
        if (isScalar(pair.key)) noCharacter(pair.key, problems);
        if (seen.has(key)) {
          const kr = rangeOfNode(pair.key);
          problems.push({ kind: 'duplicate-key', start: kr[0], end: kr[1], detail: key });
        } else seen.add(key);
        stack.push({ node: pair.value, depth: depth + 1 });
        if (pair.key && !isScalar(pair.key)) stack.push({ node: pair.key, depth: depth + 1 });
        else if (isScalar(pair.key) && pair.key.tag && !CORE_TAGS.has(pair.key.tag)) {
          problems.push({ kind: 'unsafe-tag', ...tagRange(text, rangeOfNode(pair.key)[0]), detail: pair.key.tag });
        }
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: isPair(item) ? item.value : item, depth: depth + 1 });
    }
  }
  return { problems };
}

/** A string scalar holding an unpaired surrogate (written so, or by a `\u` escape) names no character: a syntax problem. */
function noCharacter(node: Scalar, problems: YamlProblem[]): void {
  if (typeof node.value !== 'string' || !UNPAIRED_SURROGATE.test(node.value)) return;
  const [start, end] = rangeOfNode(node);
  problems.push({ kind: 'syntax', start, end, detail: 'a scalar holds an unpaired surrogate, which is no Unicode character' });
}

/** Number of nodes a subtree expands to, aliases included; memoised and capped so a bomb cannot overflow. */
function sizeOf(node: unknown, ast: Document.Parsed, memo: Map<unknown, number>, guard = 0): number {
  if (node == null) return 1;
  const known = memo.get(node);
  if (known !== undefined) return known;
  if (guard > LIMITS.depth) return LIMITS.aliasNodes + 1;
  let size = 1;
  if (isAlias(node)) size = sizeOf((node as Alias).resolve(ast), ast, memo, guard + 1);
  else if (isMap(node)) for (const p of node.items) size += sizeOf(p.value, ast, memo, guard + 1);
  else if (isSeq(node)) for (const i of node.items) size += sizeOf(i, ast, memo, guard + 1);
  size = Math.min(size, LIMITS.aliasNodes + 1);
  memo.set(node, size);
  return size;
}

export function keyText(pair: Pair): string {
  const key = pair.key as unknown;
  if (isScalar(key)) return String(key.value);
  if (key == null) return '';
  return String((key as YamlNode).toString());
}

export function rangeOfNode(node: unknown): [number, number] {
  const r = (node as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : [0, 0];
}

/**
 * The tag's own text sits before its node: the `!` that starts a token (`!x`, `!!x`, `!e!x`, `!<verbatim>`), up to
 * white space or a flow indicator, or through the `>` of a verbatim tag (whose URI may hold `,`).
 */
function tagRange(text: string, nodeStart: number): { start: number; end: number } {
  let bang = text.lastIndexOf('!', nodeStart);
  while (bang > 0 && !/[\s,[\]{}]/.test(text[bang - 1])) bang = text.lastIndexOf('!', bang - 1);
  if (bang === -1) return { start: nodeStart, end: nodeStart };
  if (text[bang + 1] === '<') {
    const close = text.indexOf('>', bang);
    if (close !== -1) return { start: bang, end: close + 1 };
  }
  let end = bang;
  while (end < text.length && !/[\s,[\]{}]/.test(text[end])) end++;
  return { start: bang, end };
}

/** Plain data from the tree: first key wins, aliases resolve to their anchor's data, nothing is evaluated. */
function toValue(node: unknown, ast: Document.Parsed): unknown {
  if (node == null) return null;
  if (isAlias(node)) return toValue(node.resolve(ast), ast);
  if (isScalar(node)) return node.value;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = keyText(pair);
      if (Object.prototype.hasOwnProperty.call(out, key)) continue;
      setOwn(out, key, toValue(pair.value, ast));
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => toValue(item, ast));
  return null;
}

/** A second lexing pass costs a tenth of the parse: it runs only when something reads the comments. */
function withComments(text: string, lines: LineMap, documents: ParsedDocument[]): ParsedFile {
  let comments: Comment[] | undefined;
  return { text, lines, documents, get comments() { return (comments ??= readComments(text)); } };
}

/** Real YAML comments only (never `#` inside a scalar), with their offsets. */
function readComments(text: string): Comment[] {
  const comments: Comment[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type === 'comment') comments.push({ offset, text: token });
    if (type === 'doc-mode' || type === 'flow-error-end' || (type === 'scalar' && token === CST.SCALAR)) continue;
    offset += token.length;
  }
  return comments;
}
