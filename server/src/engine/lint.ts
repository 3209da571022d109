import type { ResolvedConfig } from './config/types';
import { severityOf } from './config/severity';
import { keyPatternsOf } from './config/key-patterns';
import type { DocumentSummary, Finding, Kind, Message, RuleScope } from './types';
import { WorkspaceIndex, extractFacts } from './workspace';
import { LIMITS } from './yaml/parse';
import type { ParsedFile, YamlProblem } from './yaml/parse';
import { YamlSource } from './yaml/source';
import type { RelatedResolver } from './yaml/parse-cache';
import { FILE_START, LineMap, loneCarriageReturn } from './yaml/lines';
import { valueAt } from './values';
import { applySuppressions } from './suppressions';
import { yamlMessage, internalErrorMessage } from './l10n/engine-messages';
import { explainSyntax } from './l10n/syntax-errors';
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
  /** The findings a suppression comment silenced, each with `suppressed` set; for reports, never for diagnostics. */
  suppressed?: Finding[];
}

/**
 * The CLI lints a national workspace in two phases (each file on its own, then the cross-file rules once the index
 * is complete): `file` runs the YAML, schema and file-scope rules; `workspace` runs the workspace-scope rules, told
 * which nodes the file phase flagged (docs/semantics.md). Identifier rules come first in the registry, so the split
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
  try {
    const source = sourceOf(input);
    const { findings, documents } = lintPhase({ ...input, source });
    const finished = finishFindings(input.file, source, findings, input.config);
    return { findings: finished.filter((f) => !f.suppressed), documents, suppressed: finished.filter((f) => f.suppressed) };
  } catch (error) {
    return { findings: [internalErrorFinding(input.file, error)], documents: [] };
  }
}

/** A failure of the engine outside any rule: one `meta/internal-error` at 1:1 of that file (docs/semantics.md). */
export function internalErrorFinding(file: string, error: unknown): Finding {
  return wholeFileFinding(file, 'meta/internal-error', internalErrorMessage(undefined, error));
}

/** Suppressions (only a text that mentions them can hold any; what they silence stays, marked), then the report order. */
export function finishFindings(file: string, source: YamlSource, findings: Finding[], config: ResolvedConfig): Finding[] {
  return sortFindings(source.mayHaveDirectives ? applySuppressions(file, source.parsed, findings, config) : findings);
}

/** Runs one phase (or, without `phase`, every rule) over a file; findings are not yet suppressed nor sorted. */
export function lintPhase(input: LintInput, phase?: LintPhase): PhaseLint {
  try {
    return lintPhaseOf(input, phase);
  } catch (error) {
    // One file's failure is its own finding; the other files of the run are reported as usual.
    return { findings: [internalErrorFinding(input.file, error)], documents: [], flagged: [], deferred: [] };
  }
}

function lintPhaseOf(input: LintInput, phase?: LintPhase): PhaseLint {
  const { file, text } = input;
  const empty: PhaseLint = { findings: [], documents: [], flagged: [], deferred: [] };
  if (!looksLikeGovSpec(file, text)) return empty;
  const wholeFile = fileLevelProblem(file, text);
  if (wholeFile) return phase?.scope === 'workspace' ? empty : { ...empty, findings: [wholeFile] };

  const source = sourceOf(input);
  const docs = classifyDocuments(file, source);
  const index = phase?.scope === 'file' ? WorkspaceIndex.pending() : input.index ?? singleFileIndex(file, docs, input.config);
  const out: PhaseLint = { findings: [], documents: [], flagged: [], deferred: [] };
  const emit = (f: Finding) => {
    const severity = severityOf(f.ruleId, input.config);
    if (severity !== 'off') out.findings.push({ ...f, severity });
  };
  const filePhase = phase?.scope !== 'workspace';
  const scopes: readonly RuleScope[] = phase ? [phase.scope] : ['file', 'workspace'];

  for (const doc of docs) {
    if (!doc.govspec) continue;
    // Only a document with problems needs the precise parse here (`source.parsed` makes it): a fast-read file has none.
    if (filePhase && doc.parsed.problems.length > 0) for (const f of yamlFindings(file, source.parsed, doc.parsed.index, doc.parsed.problems)) emit(f);
    const data = doc.parsed.value;
    if (data === undefined || data === null) continue;
    const earlier = phase?.scope === 'workspace' ? phase : undefined;
    const lint = new DocumentLint(input, source, doc.parsed, index, emit, earlier?.flagged[doc.parsed.index] ?? []);
    if (!doc.kind) {
      if (filePhase) {
        lint.unknownKind();
        // Still a GovSpec document, so the report counts it, under the kind it names (docs/semantics.md).
        const named = (data as Record<string, unknown>).kind;
        out.documents.push({ index: doc.parsed.index, kind: typeof named === 'string' ? named : '', identity: '' });
      }
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
  const cr = loneCarriageReturn(text);
  // Placed at the first one: every line break before it is `\n` or `\r\n`, so any editor puts it at the same place.
  if (cr !== -1) return { ...wholeFileFinding(file, 'yaml/syntax', yamlMessage('lone-cr', '')), range: new LineMap(text).rangeOf(cr, cr + 1) };
  return undefined;
}

export function wholeFileFinding(file: string, ruleId: string, message: Message): Finding {
  return { ruleId, severity: 'error', message, file, range: FILE_START, document: null, related: [], fixes: [] };
}

/** A document's YAML problems as findings; syntax errors explained, once, where the mistake is (l10n/syntax-errors.ts). */
function yamlFindings(file: string, parsed: ParsedFile, document: number, problems: readonly YamlProblem[]): Finding[] {
  return explainSyntax(problems, parsed.text).map(({ problem: p, explained }) => {
    const ruleId = p.kind === 'syntax' ? 'yaml/syntax' : p.kind === 'duplicate-key' ? 'yaml/duplicate-key' : 'yaml/unsafe';
    const [start, end, message] = explained ? [explained.start, explained.end, explained.message] : [p.start, p.end, yamlMessage(p.kind, p.detail)];
    return { ruleId, severity: 'error', message, file, range: parsed.lines.rangeOf(start, end), document, related: [], fixes: [] };
  });
}

function singleFileIndex(file: string, docs: readonly GovDocument[], config: ResolvedConfig): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.update(extractFacts(file, documentData(docs), keyPatternsOf(config)));
  return index;
}

function identityOf(kind: Kind, data: unknown): string {
  const field = { Service: ['implementationCode'], Catalog: ['provider', 'uscc'], SharingAgreement: ['id'], Agency: ['uscc'] }[kind];
  const value = valueAt(data, field);
  return typeof value === 'string' ? value : '';
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** docs/semantics.md: file, line, column, endLine, endColumn, ruleId, message. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) =>
    cmp(a.file, b.file) || cmp(a.range.start.line, b.range.start.line) || cmp(a.range.start.character, b.range.start.character)
    || cmp(a.range.end.line, b.range.end.line) || cmp(a.range.end.character, b.range.end.character)
    || cmp(a.ruleId, b.ruleId) || cmp(a.message.en, b.message.en));
}
