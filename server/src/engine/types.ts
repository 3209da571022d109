/**
 * The engine's vocabulary. Everything here is plain data: no editor, no connection, no file system.
 * Positions are 0-based lines and UTF-16 code-unit columns, as LSP and the `yaml` parser count them.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Locale = 'zh-CN' | 'en';
export type Kind = 'Service' | 'Catalog' | 'SharingAgreement' | 'Agency';
export const KINDS: readonly Kind[] = ['Service', 'Catalog', 'SharingAgreement', 'Agency'];

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** A path into a document's data, as keys and list indexes: ['materials', 2, 'sharing', 'agreement']. */
export type JsonPath = readonly (string | number)[];

/** Text in both languages; the output layer picks one. */
export interface Message { 'zh-CN': string; en: string }

/** Where on a node a finding sits: the key that holds it, or its value (docs/semantics.md). */
export type Anchor = 'key' | 'value';

export interface TextEdit { range: Range; newText: string }

/** A fix: `safe` ones are applied by `--fix`; the others are suggestions (did-you-mean and the like). */
export interface Fix {
  title: Message;
  safe: boolean;
  /** Edits keyed by file path (the finding's own file is `file`). */
  edits: { file: string; range: Range; newText: string }[];
}

export interface RelatedLocation { file: string; range: Range; message: Message }

/** A spreadsheet cell a finding came from (`govspec import`): row and column 1-based, as the sheet shows them. */
export interface SheetCell { file: string; sheet: string; row: number; column: number }

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: Message;
  file: string;
  range: Range;
  /** 0-based index of the document in its file; null for a finding about the whole file. */
  document: number | null;
  related: RelatedLocation[];
  fixes: Fix[];
  /**
   * Set on a finding a `# govspec-disable-*` comment suppressed: kept so that reports can list what was suppressed
   * and why (docs/semantics.md); it counts nowhere and is never shown as a diagnostic. `reason` is the text after `--`.
   */
  suppressed?: { reason: string | null };
  /** The spreadsheet cell the finding's data was imported from, when it was. */
  cell?: SheetCell;
}

export type RuleScope = 'file' | 'workspace';
export type Fixability = 'safe' | 'suggestion' | 'none';

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  scope: RuleScope;
  fixable: Fixability;
  /** One-line summary, both languages. */
  summary: Message;
  /** The clause the rule enforces, as rules.md cites it. */
  source: string;
  /** Which kinds the rule looks at; empty for rules driven by the engine itself (yaml/*, schema/*, meta/*). */
  kinds: readonly Kind[];
  /** The options the rule takes, each with its JSON type, default and bounds (config/rule-options.ts reads them). */
  options?: Readonly<Record<string, RuleOption>>;
}

/** The value of a rule option, as a rule reads it. */
export type RuleOptionValue = number | boolean | string | readonly string[];

/**
 * A rule option as its rule declares it, once: the config check (meta/config at a wrong key or value), the option
 * tables of docs/config.md and docs/rules.md and the rule's defaults all come from it.
 */
export type RuleOption =
  | { type: 'integer' | 'number'; default: number; minimum?: number; maximum?: number }
  | { type: 'boolean'; default: boolean }
  | { type: 'string'; default: string; enum?: readonly string[] }
  | { type: 'string-list'; default: readonly string[] };

/** One GovSpec document of a file, as the reports name it (junit test cases, summaries). */
export interface DocumentSummary { index: number; kind: string; identity: string }

/** Everything the linter found in one file; paths are relative with `/` separators. */
export interface FileReport {
  file: string;
  documents: DocumentSummary[];
  findings: Finding[];
  /** What suppression comments silenced in this file, each with its reason: every report lists them. */
  suppressed?: Finding[];
}

export interface LintSummary { files: number; documents: number; errors: number; warnings: number; infos: number }

/** What every output format receives. Findings are already filtered (config, suppressions, --quiet) and sorted. */
export interface LintReport {
  files: FileReport[];
  summary: LintSummary;
  locale: Locale;
  /** Metadata of every rule that may appear, by id. */
  rules: ReadonlyMap<string, RuleMeta>;
}

/** The project's home; the one place that knows the published address. */
export const HOME_URL = 'https://github.com/govspec/govspec';
/** Each rule's documentation is the README.md beside its code. */
export const DOCS_BASE = `${HOME_URL}/blob/main/server/src/engine/rules/`;
export function ruleDocUrl(ruleId: string): string { return `${DOCS_BASE}${ruleId}/README.md`; }
/** Where a host opens a rule's documentation: ruleDocUrl, or a nearer copy (the editor's: the installed package's). */
export type RuleDocLink = (ruleId: string) => string;
