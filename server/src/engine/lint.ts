import type { ResolvedConfig } from './config/types';
import { severityOf } from './config/severity';
import type { DocumentSummary, Finding, Kind, Message, RuleScope } from './types';
import { WorkspaceIndex, extractFacts } from './workspace';
import { LIMITS } from './yaml/parse';
import type { ParsedFile, YamlProblem } from './yaml/parse';
import { YamlSource } from './yaml/source';
import type { RelatedResolver } from './yaml/parse-cache';
import { FILE_START } from './yaml/lines';
import { valueAt } from './values';
import { applySuppressions } from './suppressions';
import { yamlMessage } from './l10n/engine-messages';
import { classifyDocuments, documentData, looksLikeGovSpec } from './classify';
import type { GovDocument } from './classify';
import { DocumentLint } from './document-lint';

export type { RelatedResolver } from './yaml/parse-cache';

export interface LintInput {
  file: string;
  text: string;
  config: ResolvedConfig;
  today: string;
  /** The workspace; when absent, a one-file index is made from this text. */
  index?: WorkspaceIndex;
  related?: RelatedResolver;
  /** A precise parse of exactly this text made earlier (the editor's cache). */
  parsed?: ParsedFile;
  /** This text read earlier (fast where it can be, see `YamlSource`); used before `parsed`. */
  source?: YamlSource;
}

export interface FileLint {
  findings: Finding[];
  documents: DocumentSummary[];
}

/**
 * The CLI lints a national workspace in two phases (each file on its own, then the cross-file rules once the index
 * is complete): `file` runs the YAML, schema and file-scope rules; `workspace` runs the workspace-scope rules, told
 * which nodes the file phase flagged (semantics.md §5). Identifier rules come first in the registry, so the split
 * sees the same flagged nodes as one run does.
 */
export type LintPhase =
  | { scope: 'file' }
  | { scope: 'workspace'; flagged: readonly (readonly string[])[]; deferred: readonly (readonly string[])[] };

/**
 * One phase's findings, before suppressions. Per document index: `flagged` node keys, and the `deferred` rules —
 * file-scope rules that queried the workspace index during the file phase, to be run again in the workspace phase.
 */
export interface PhaseLint extends FileLint { flagged: string[][]; deferred: string[][] }

export { looksLikeGovSpec, isGovSpecFileName, classifyDocuments, documentData } from './classify';
export type { GovDocument } from './classify';
export { quietOnViews } from './views';

/** The source of a lint input: given, or read now (fast where it can be). */
export function sourceOf(input: Pick<LintInput, 'text' | 'parsed' | 'source'>): YamlSource {
  return input.source ?? new YamlSource(input.text, input.parsed);
}

/** Lints one file: YAML, schema, identifiers, semantic and cross-file rules, then config severities and suppressions. */
export function lintFile(input: LintInput): FileLint {
  if (!looksLikeGovSpec(input.file, input.text)) return { findings: [], documents: [] };
  const source = sourceOf(input);
  const { findings, documents } = lintPhase({ ...input, source });
  return { findings: finishFindings(input.file, source, findings, input.config), documents };
}

/** Suppressions (only a text that mentions them can hold any), then the report order. */
export function finishFindings(file: string, source: YamlSource, findings: Finding[], config: ResolvedConfig): Finding[] {
  return sortFindings(source.mayHaveDirectives ? applySuppressions(file, source.parsed, findings, config) : findings);
}

/** Runs one phase (or, without `phase`, every rule) over a file; findings are not yet suppressed nor sorted. */
export function lintPhase(input: LintInput, phase?: LintPhase): PhaseLint {
  const { file, text } = input;
  const empty: PhaseLint = { findings: [], documents: [], flagged: [], deferred: [] };
  if (!looksLikeGovSpec(file, text)) return empty;
  const wholeFile = fileLevelProblem(file, text);
  if (wholeFile) return phase?.scope === 'workspace' ? empty : { ...empty, findings: [wholeFile] };

  const source = sourceOf(input);
  const docs = classifyDocuments(file, source);
  const index = phase?.scope === 'file' ? WorkspaceIndex.pending() : input.index ?? singleFileIndex(file, docs);
  const out: PhaseLint = { findings: [], documents: [], flagged: [], deferred: [] };
  const emit = (f: Finding) => {
    const severity = severityOf(f.ruleId, input.config);
    if (severity !== 'off') out.findings.push({ ...f, severity });
  };
  const filePhase = phase?.scope !== 'workspace';
  const scopes: readonly RuleScope[] = phase ? [phase.scope] : ['file', 'workspace'];

  for (const doc of docs) {
    if (!doc.govspec) continue;
    if (filePhase) for (const p of doc.parsed.problems) emit(yamlFinding(file, source.parsed, doc.parsed.index, p));
    const data = doc.parsed.value;
    if (data === undefined || data === null) continue;
    const earlier = phase?.scope === 'workspace' ? phase : undefined;
    const lint = new DocumentLint(input, source, doc.parsed, index, emit, earlier?.flagged[doc.parsed.index] ?? []);
    if (!doc.kind) {
      if (filePhase) lint.unknownKind();
      continue;
    }
    if (filePhase) out.documents.push({ index: doc.parsed.index, kind: doc.kind, identity: identityOf(doc.kind, data) });
    out.deferred[doc.parsed.index] = lint.run(doc.kind, scopes, earlier?.deferred[doc.parsed.index] ?? []);
    out.flagged[doc.parsed.index] = lint.flaggedKeys();
  }
  return out;
}

function fileLevelProblem(file: string, text: string): Finding | undefined {
  if (text.length > LIMITS.fileBytes) return wholeFileFinding(file, 'yaml/unsafe', yamlMessage('size', ''));
  if (text.includes('\u0000')) return wholeFileFinding(file, 'yaml/syntax', yamlMessage('binary', ''));
  return undefined;
}

export function wholeFileFinding(file: string, ruleId: string, message: Message): Finding {
  return { ruleId, severity: 'error', message, file, range: FILE_START, document: null, related: [], fixes: [] };
}

function yamlFinding(file: string, parsed: ParsedFile, document: number, p: YamlProblem): Finding {
  const ruleId = p.kind === 'syntax' ? 'yaml/syntax' : p.kind === 'duplicate-key' ? 'yaml/duplicate-key' : 'yaml/unsafe';
  return {
    ruleId, severity: 'error', message: yamlMessage(p.kind, p.detail), file,
    range: parsed.lines.rangeOf(p.start, p.end), document, related: [], fixes: [],
  };
}

function singleFileIndex(file: string, docs: readonly GovDocument[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.update(extractFacts(file, documentData(docs)));
  return index;
}

function identityOf(kind: Kind, data: unknown): string {
  const field = { Service: ['implementationCode'], Catalog: ['provider', 'uscc'], SharingAgreement: ['id'], Agency: ['uscc'] }[kind];
  const value = valueAt(data, field);
  return typeof value === 'string' ? value : '';
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** semantics.md §12: file, line, column, endLine, endColumn, ruleId, message. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) =>
    cmp(a.file, b.file) || cmp(a.range.start.line, b.range.start.line) || cmp(a.range.start.character, b.range.start.character)
    || cmp(a.range.end.line, b.range.end.line) || cmp(a.range.end.character, b.range.end.character)
    || cmp(a.ruleId, b.ruleId) || cmp(a.message.en, b.message.en));
}
