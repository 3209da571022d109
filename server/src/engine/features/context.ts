import type { Anchor, Kind, Locale, Message, Range, RuleDocLink } from '../types';
import type { WorkspaceIndex, NodeRef } from '../workspace';
import type { RegionList } from '../ids/regions';
import type { ParsedFile } from '../yaml/parse';
import { locate } from '../yaml/locate';
import { classifyDocuments } from '../lint';
import { documentAt } from './ast';

/** What every feature reads: the workspace and a way to reach any file's parse. The host does all IO. */
export interface FeatureWorkspace {
  index: WorkspaceIndex;
  regions: RegionList;
  locale: Locale;
  /** The parse of any file of the workspace (open or on disk); undefined when it cannot be read. */
  parsed(file: string): ParsedFile | undefined;
  /** Where a rule's documentation opens (the editor's host: the installed copy); the published page by default. */
  ruleDoc?: RuleDocLink;
}

export interface Location { file: string; range: Range }

/** A file open at a position: the file's parse and the document under the offset, classified. */
export interface OpenFile { file: string; parsed: ParsedFile }

export function pick(message: Message, locale: Locale): string {
  return message[locale];
}

/** Both languages, the reader's own first. */
export function both(message: Message, locale: Locale): string {
  const other: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return message[locale] === message[other] ? message[locale] : `${message[locale]}\n\n${message[other]}`;
}

/** The GovSpec document under an offset and its kind; undefined for other YAML. */
export function govDocumentAt(open: OpenFile, offset: number): { index: number; kind: Kind | undefined } | undefined {
  const doc = documentAt(open.parsed, offset);
  if (!doc) return undefined;
  const classified = classifyDocuments(open.file, { ...open.parsed, documents: [doc] })[0];
  return classified.govspec ? { index: doc.index, kind: classified.kind } : undefined;
}

/** The range of a node of any file, the way findings are placed. */
export function locationOf(ws: FeatureWorkspace, at: NodeRef, anchor: Anchor = 'value'): Location | undefined {
  const parsed = ws.parsed(at.file);
  const doc = parsed?.documents[at.document];
  if (!parsed || !doc) return undefined;
  return { file: at.file, range: parsed.lines.rangeOf(...locate(doc.ast, at.path, anchor)) };
}

export function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((step, i) => step === b[i]);
}
