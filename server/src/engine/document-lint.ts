import { severityOf } from './config/severity';
import { KINDS } from './types';
import type { Anchor, Finding, JsonPath, Kind, Message, Range, RuleScope } from './types';
import type { NodeRef } from './workspace';
import { IndexPending } from './workspace';
import type { WorkspaceIndex } from './workspace';
import type { PlainDocument, YamlSource } from './yaml/source';
import { locate } from './yaml/locate';
import { flaggedPathOf, validateDocument } from './schema/validate';
import { insertFieldFix, quoteFix, removeFieldFix, replacementFix } from './schema-fixes';
import type { FixTarget } from './schema-fixes';
import { ALL_RULES } from './rules/registry';
import type { ReportSpec, RuleContext } from './rules/api';
import { isBlank, valueAt } from './values';
import { FlagSet } from './flags';
import { optionDefaults } from './config/rule-options';
import { unknownKindMessage, internalErrorMessage } from './l10n/engine-messages';
import { didYouMean } from './text/did-you-mean';
import { wholeFileFinding } from './lint';
import type { LintInput } from './lint';
import { bilingual } from './l10n/message';

/**
 * The one empty list of related locations or fixes that findings without any share: an array per finding costs
 * more than the rest of a `schema/required` finding of a legacy catalogue, which has millions. Frozen: nothing may
 * add to a finding's lists.
 */
const NONE: never[] = Object.freeze([]) as never[];

/** Thrown when a rule run on a view needs what the view does not hold: data outside it, the text, or a range. */
export class OutsideView extends Error {}

/** What a document's lint reads of its file: the text and, for ranges, a precise tree that places a given path. */
export type DocumentSource = Pick<YamlSource, 'text' | 'lines' | 'treeFor'>;

/**
 * Lints one document; knows how to turn data paths into ranges and keeps the set of flagged nodes. Ranges come from
 * the precise parse, which `YamlSource` makes only when the first one is asked for. On a view, `covers` tells which
 * reads the data answers as the full document would.
 */
export class DocumentLint {
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

  /** What the schema quick-fixes read of this document, read only when a fix asks (as the methods they were did). */
  private get fixTarget(): FixTarget {
    const source = this.source;
    return (this.target ??= { value: this.doc.value, get text() { return source.text; }, get lines() { return source.lines; }, astFor: (path) => this.astFor(path) });
  }

  /** Made once per document: a legacy catalogue asks it for every missing field. */
  private target: FixTarget | undefined;

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
      fixes: guess && !isBlank(data.kind) ? [{ title: bilingual(`改为 ${guess}`, `Change to ${guess}`), safe: false, edits: [{ path: ['kind'], anchor: 'value', newText: guess }] }] : [],
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
      const quote = problem.ruleId === 'schema/type' ? quoteFix(this.fixTarget, kind, problem.path) : undefined;
      const fixes = quote ? [quote] : problem.replacement !== undefined ? [replacementFix(problem.ruleId, problem.path, problem.anchor, problem.replacement)] : [];
      const fieldFix = problem.ruleId === 'schema/required' && problem.field ? insertFieldFix(this.fixTarget, kind, problem.path, problem.field)
        : problem.ruleId === 'schema/unknown-field' ? removeFieldFix(this.fixTarget, problem.path) : undefined;
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
    // Only the number itself, not the same digits inside a longer code the message suggests (`7` in `"07"`).
    const number = new RegExp(`(?<![0-9.])${read.replace(/[.+]/g, '\\$&')}(?![0-9.])`, 'g');
    return bilingual(message['zh-CN'].replace(number, written), message.en.replace(number, written));
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
      options: { ...optionDefaults(meta), ...configured },
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
      related: !spec.related?.length ? NONE : spec.related.flatMap((r) => {
        const range = r.at.file === file ? this.rangeInThisFile(r.at, r.anchor ?? 'value') : this.input.related?.(r.at, r.anchor ?? 'value');
        return range ? [{ file: r.at.file, range, message: r.message }] : [];
      }),
      fixes: !spec.fixes?.length ? NONE : spec.fixes.map((fix) => ({
        title: fix.title,
        safe: fix.safe,
        edits: fix.edits.map((e) => ({ file, range: 'range' in e ? e.range : this.rangeOf(e.path, e.anchor ?? 'value'), newText: e.newText })),
      })),
    });
  }
}
