import type { ResolvedConfig } from './config/types';
import { severityOf } from './config/severity';
import { KINDS } from './types';
import type { Anchor, DocumentSummary, Finding, JsonPath, Kind, Message, Range, RuleScope } from './types';
import type { NodeRef } from './workspace';
import { IndexPending, WorkspaceIndex, extractFacts } from './workspace';
import type { DocumentData } from './workspace';
import { LIMITS } from './yaml/parse';
import type { ParsedFile, YamlProblem } from './yaml/parse';
import { YamlSource } from './yaml/source';
import type { PlainDocument } from './yaml/source';
import { locate } from './yaml/locate';
import { insertFieldEdit, removeFieldEdit } from './yaml/edits';
import { FILE_START, LineMap, loneCarriageReturn } from './yaml/lines';
import { acceptsAt, flaggedPathOf, skeletonAt, validateDocument } from './schema/validate';
import { schemaAt } from './schema/schemas';
import { ALL_RULES } from './rules/registry';
import type { EditSpec, ReportSpec, RuleContext } from './rules/api';
import { isBlank, valueAt } from './values';
import { FlagSet } from './flags';
import { applySuppressions } from './suppressions';
import { yamlMessage, unknownKindMessage, internalErrorMessage } from './l10n/engine-messages';
import { explainSyntax } from './l10n/syntax-errors';
import { didYouMean } from './text/did-you-mean';
import { VIEW_PATHS, viewCovers } from './workspace-view';
import type { DocumentView } from './workspace-view';

/** Resolves a node of any file of the workspace to a range; undefined when the file or node is gone. */
export type RelatedResolver = (at: NodeRef, anchor: Anchor) => Range | undefined;

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
    if (filePhase) for (const f of yamlFindings(file, source.parsed, doc.parsed.index, doc.parsed.problems)) emit(f);
    const data = doc.parsed.value;
    if (data === undefined || data === null) continue;
    const earlier = phase?.scope === 'workspace' ? phase : undefined;
    const lint = new DocumentLint(input, source, doc.parsed, index, emit, earlier?.flagged[doc.parsed.index] ?? []);
    if (!doc.kind) {
      if (filePhase) {
        lint.unknownKind();
        // Still a GovSpec document (semantics.md §1), so the report counts it (§12), under the kind it names.
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

/** Thrown when a rule run on a view needs what the view does not hold: data outside it, the text, or a range. */
class OutsideView extends Error {}

/** The source of a view: none, so that any use of the text or of its syntax tree leaves the view. */
const NO_SOURCE: DocumentSource = {
  get text(): string { throw new OutsideView(); },
  get lines(): LineMap { throw new OutsideView(); },
  treeFor(): never { throw new OutsideView(); },
};

/**
 * The workspace phase on a file's views (workspace-view.ts) instead of its text: true when every workspace-scope rule,
 * and every file-scope rule the file phase deferred to it, runs to its end reporting nothing and reading only inside
 * the views. The full phase would then report nothing
 * either (same values, same index, same flagged nodes), so the file need not be read again; false means "run it".
 */
export function quietOnViews(
  input: Pick<LintInput, 'file' | 'config' | 'today'> & { index: WorkspaceIndex },
  views: readonly DocumentView[],
  flagged: readonly (readonly string[] | undefined)[],
  deferred: readonly (readonly string[] | undefined)[],
  paths = VIEW_PATHS,
): boolean {
  const leave = () => { throw new OutsideView(); };
  try {
    for (const view of views) {
      const doc: PlainDocument = { index: view.index, value: view.value, problems: [] };
      const covers = (path: JsonPath) => viewCovers(view.kind, path, paths);
      new DocumentLint(input, NO_SOURCE, doc, input.index, leave, flagged[view.index] ?? [], covers).run(view.kind, ['workspace'], deferred[view.index] ?? []);
    }
    return true;
  } catch {
    // Leaving the view, and any other failure, mean "run the full phase" (which reports a failure as the file's own
    // meta/internal-error).
    return false;
  }
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

/** What a document's lint reads of its file: the text and, for ranges, a precise tree that places a given path. */
type DocumentSource = Pick<YamlSource, 'text' | 'lines' | 'treeFor'>;

/**
 * Lints one document; knows how to turn data paths into ranges and keeps the set of flagged nodes. Ranges come from
 * the precise parse, which `YamlSource` makes only when the first one is asked for. On a view, `covers` tells which
 * reads the data answers as the full document would.
 */
class DocumentLint {
  private readonly flagged: FlagSet;

  constructor(
    private readonly input: Pick<LintInput, 'file' | 'config' | 'today' | 'related'>,
    private readonly source: DocumentSource,
    private readonly doc: PlainDocument,
    private readonly index: WorkspaceIndex,
    private readonly emit: (f: Finding) => void,
    flagged: readonly string[],
    private readonly covers?: (path: JsonPath) => boolean,
  ) {
    this.flagged = new FlagSet(flagged);
  }

  flaggedKeys(): string[] { return this.flagged.toKeys(); }

  /** A precise tree of this document that places `path` (the whole document's, or a region's: see YamlSource). */
  private astFor(path: JsonPath) {
    return this.source.treeFor(this.doc.index, path)!;
  }

  unknownKind(): void {
    const data = this.doc.value as Record<string, unknown>;
    const api = data.apiVersion;
    if (api !== 'govspec/v1') {
      this.add('schema/unknown-kind', { path: isBlank(api) ? [] : ['apiVersion'], anchor: 'value', message: unknownKindMessage('apiVersion', String(api ?? '')) });
      return;
    }
    const kind = typeof data.kind === 'string' ? data.kind : '';
    const guess = didYouMean(kind, KINDS);
    this.add('schema/unknown-kind', {
      path: isBlank(data.kind) ? [] : ['kind'], anchor: 'value', message: unknownKindMessage('kind', kind),
      fixes: guess && !isBlank(data.kind) ? [{ title: { 'zh-CN': `改为 ${guess}`, en: `Change to ${guess}` }, safe: false, edits: [{ path: ['kind'], anchor: 'value', newText: guess }] }] : [],
    });
  }

  /** Runs the rules of the given scopes (and the `also` rules); returns the ids of rules deferred to a later phase. */
  run(kind: Kind, scopes: readonly RuleScope[], also: readonly string[]): string[] {
    if (scopes.includes('file')) this.validate(kind);
    const deferred: string[] = [];
    for (const rule of ALL_RULES) {
      if (!rule.meta.kinds.includes(kind) || !(scopes.includes(rule.meta.scope) || also.includes(rule.meta.id))) continue;
      if (severityOf(rule.meta.id, this.input.config) === 'off') continue;
      const findings: Finding[] = [];
      try {
        rule.check(this.context(rule.meta.id, kind, (f) => findings.push(f)));
      } catch (error) {
        if (error instanceof OutsideView) throw error;
        if (error instanceof IndexPending) {
          // What the rule reported before it asked the index is reported again when it runs in full.
          deferred.push(rule.meta.id);
          continue;
        }
        findings.push({ ...wholeFileFinding(this.input.file, 'meta/internal-error', internalErrorMessage(rule.meta.id, error)), document: this.doc.index, range: this.documentStart() });
      }
      findings.forEach(this.emit);
    }
    return deferred;
  }

  private validate(kind: Kind): void {
    for (const problem of validateDocument(kind, this.doc.value)) {
      const quote = problem.ruleId === 'schema/type' ? this.quoteFix(kind, problem.path) : undefined;
      const fixes = quote ? [quote] : problem.replacement !== undefined ? [this.replacementFix(problem.ruleId, problem.path, problem.anchor, problem.replacement)] : [];
      const fieldFix = problem.ruleId === 'schema/required' && problem.field ? this.insertFieldFix(kind, problem.path, problem.field)
        : problem.ruleId === 'schema/unknown-field' ? this.removeFieldFix(problem.path) : undefined;
      if (fieldFix) fixes.push(fieldFix);
      const message = problem.ruleId === 'schema/type' ? this.asWritten(problem.path, problem.message) : problem.message;
      this.add(problem.ruleId, { path: problem.path, anchor: problem.anchor, message, fixes }, flaggedPathOf(problem));
    }
  }

  /**
   * A message about a number quotes it as written: an unquoted 18-digit code reads as a number that rounds
   * (`123701004955000148` → 123701004955000140), and the author must recognise their own text.
   */
  private asWritten(path: JsonPath, message: Message): Message {
    const value = valueAt(this.doc.value, path);
    if (typeof value !== 'number') return message;
    const [s, e] = locate(this.astFor(path), path, 'value');
    const written = this.source.text.slice(s, e);
    const read = JSON.stringify(value);
    if (written === read || !/^[-+0-9.eE_]+$/.test(written)) return message;
    return { 'zh-CN': message['zh-CN'].split(read).join(written), en: message.en.split(read).join(written) };
  }

  private replacementFix(ruleId: string, path: JsonPath, anchor: Anchor, replacement: string) {
    const newText = ruleId === 'schema/unknown-field' ? replacement : JSON.stringify(replacement);
    return { title: { 'zh-CN': `改为 ${newText}`, en: `Change to ${newText}` }, safe: false, edits: [{ path, anchor, newText } as EditSpec] };
  }

  /**
   * "Insert skeleton": the missing field with an empty value of its type and, for an object, its required fields
   * (`application: { date: "" }`), for the author to fill in. Empty values are still findings, so it is a suggestion.
   */
  private insertFieldFix(kind: Kind, path: JsonPath, field: string) {
    const skeleton = skeletonAt(kind, [...path, field]);
    const edit = insertFieldEdit(this.astFor(path), this.source.text, path, field, skeleton);
    if (!edit) return undefined;
    return {
      title: { 'zh-CN': `插入 ${field}: ${skeleton}`, en: `Insert ${field}: ${skeleton}` }, safe: false,
      edits: [{ range: this.source.lines.rangeOf(edit.start, edit.end), newText: edit.newText } as EditSpec],
    };
  }

  /** "Remove": drops the unknown field with its value (a suggestion: it deletes what the author wrote). */
  private removeFieldFix(path: JsonPath) {
    const edit = removeFieldEdit(this.astFor(path), this.source.text, path);
    if (!edit) return undefined;
    return {
      title: { 'zh-CN': `删除字段 ${String(path[path.length - 1])}`, en: `Remove field ${String(path[path.length - 1])}` }, safe: false,
      edits: [{ range: this.source.lines.rangeOf(edit.start, edit.end), newText: edit.newText } as EditSpec],
    };
  }

  /** An unquoted code that YAML read as a number or boolean: quoting the text as written is always safe (`01` → `"01"`). */
  private quoteFix(kind: Kind, path: JsonPath) {
    const value = valueAt(this.doc.value, path);
    if (typeof value !== 'number' && typeof value !== 'boolean') return undefined;
    if (schemaAt(kind, path)?.type !== 'string') return undefined;
    const [s, e] = locate(this.astFor(path), path, 'value');
    const written = this.source.text.slice(s, e);
    if (!/^[^\s'"#]+$/.test(written)) return undefined;
    // Quoting must make the value right, not trade schema/type for schema/enum (`base: true` → "true").
    if (!acceptsAt(kind, this.doc.value, path, written)) return undefined;
    const newText = `"${written}"`;
    return { title: { 'zh-CN': `加引号：${newText}`, en: `Quote it: ${newText}` }, safe: true, edits: [{ path, anchor: 'value', newText } as EditSpec] };
  }

  private documentStart(): Range {
    const start = this.astFor([]).contents?.range?.[0] ?? 0;
    return this.source.lines.rangeOf(start, start);
  }

  private context(ruleId: string, kind: Kind, sink: (f: Finding) => void): RuleContext {
    const data = this.doc.value;
    const meta = ALL_RULES.find((r) => r.meta.id === ruleId)!.meta;
    const configured = this.input.config.rules.get(ruleId)?.options ?? {};
    const covers = this.covers;
    const source = this.source;
    return {
      file: this.input.file,
      documentIndex: this.doc.index,
      kind,
      get data() {
        if (covers) throw new OutsideView();
        return data;
      },
      get: (path) => {
        if (covers && !covers(path)) throw new OutsideView();
        return valueAt(data, path);
      },
      isFlagged: (path) => this.isFlagged(path),
      options: { ...meta.options, ...configured },
      config: this.input.config,
      today: this.input.today,
      index: this.index,
      get text() { return source.text; },
      sourceOf: (path) => {
        const [s, e] = locate(this.astFor(path), path, 'value');
        return this.source.text.slice(s, e);
      },
      rangeOf: (path, anchor = 'value') => this.rangeOf(path, anchor),
      report: (spec) => this.add(spec.ruleId ?? ruleId, spec, spec.path, sink),
    };
  }

  /** A node is flagged when it, something inside it, or a collection holding it has a yaml/schema/id finding. */
  private isFlagged(path: JsonPath): boolean {
    return this.flagged.has(path);
  }

  private rangeOf(path: JsonPath, anchor: Anchor): Range {
    const [s, e] = locate(this.astFor(path), path, anchor);
    return this.source.lines.rangeOf(s, e);
  }

  private rangeInThisFile(at: NodeRef, anchor: Anchor): Range | undefined {
    const ast = this.source.treeFor(at.document, at.path);
    if (!ast) return undefined;
    const [s, e] = locate(ast, at.path, anchor);
    return this.source.lines.rangeOf(s, e);
  }

  private add(ruleId: string, spec: ReportSpec, flagAt: JsonPath = spec.path, sink = this.emit): void {
    if (/^(yaml|schema|id)\//.test(ruleId)) this.flagged.add(flagAt);
    const file = this.input.file;
    sink({
      ruleId,
      severity: 'error',
      message: spec.message,
      file,
      range: this.rangeOf(spec.path, spec.anchor ?? 'value'),
      document: this.doc.index,
      related: (spec.related ?? []).flatMap((r) => {
        const range = r.at.file === file ? this.rangeInThisFile(r.at, r.anchor ?? 'value') : this.input.related?.(r.at, r.anchor ?? 'value');
        return range ? [{ file: r.at.file, range, message: r.message }] : [];
      }),
      fixes: (spec.fixes ?? []).map((fix) => ({
        title: fix.title,
        safe: fix.safe,
        edits: fix.edits.map((e) => ({ file, range: 'range' in e ? e.range : this.rangeOf(e.path, e.anchor ?? 'value'), newText: e.newText })),
      })),
    });
  }
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** docs/semantics.md: file, line, column, endLine, endColumn, ruleId, message. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) =>
    cmp(a.file, b.file) || cmp(a.range.start.line, b.range.start.line) || cmp(a.range.start.character, b.range.start.character)
    || cmp(a.range.end.line, b.range.end.line) || cmp(a.range.end.character, b.range.end.character)
    || cmp(a.ruleId, b.ruleId) || cmp(a.message.en, b.message.en));
}
