import { KINDS } from './types';
import type { Kind } from './types';
import type { DocumentData } from './workspace';
import type { PlainDocument } from './yaml/source';

/** docs/semantics.md: which files and documents are GovSpec, and of which kind. */

const GOVSPEC_NAME = /\.(service|catalog|agreement|agency)\.ya?ml$/i;
const GOVSPEC_MARK = /apiVersion\s*:\s*["']?govspec\//i;

/** docs/semantics.md: named like a GovSpec file, or holding a `govspec/` apiVersion. */
export function looksLikeGovSpec(file: string, text: string): boolean {
  return GOVSPEC_NAME.test(file) || GOVSPEC_MARK.test(text);
}

export function isGovSpecFileName(file: string): boolean {
  return GOVSPEC_NAME.test(file);
}

export interface GovDocument<D extends PlainDocument = PlainDocument> { parsed: D; kind: Kind | undefined; govspec: boolean }

/** Which documents of a file are GovSpec documents, and of which kind. */
export function classifyDocuments<D extends PlainDocument>(file: string, source: { text: string; documents: readonly D[] }): GovDocument<D>[] {
  const named = isGovSpecFileName(file);
  return source.documents.map((doc) => {
    const data = doc.value as Record<string, unknown> | undefined;
    const api = data && typeof data === 'object' ? data.apiVersion : undefined;
    // A document that does not parse has no data to read; its text decides (docs/semantics.md).
    const marked = doc.value === undefined
      ? GOVSPEC_MARK.test(doc.ast ? source.text.slice(doc.ast.range[0], doc.ast.range[2]) : source.text)
      : typeof api === 'string' && api.toLowerCase().startsWith('govspec/');
    const govspec = named || marked;
    const kind = api === 'govspec/v1' && KINDS.includes(data!.kind as Kind) ? (data!.kind as Kind) : undefined;
    return { parsed: doc, kind, govspec };
  });
}

/** The documents of a file as plain data, for the workspace index. */
export function documentData(docs: readonly GovDocument[]): DocumentData[] {
  return docs.filter((d) => d.kind && d.parsed.value !== undefined).map((d) => ({ index: d.parsed.index, kind: d.kind!, value: d.parsed.value }));
}
