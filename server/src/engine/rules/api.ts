import type { ResolvedConfig } from '../config/types';
import type { Anchor, Fix, JsonPath, Kind, Message, Range, RuleMeta, RuleOptionValue } from '../types';
import type { NodeRef, WorkspaceIndex } from '../workspace';

/** A location in another file (or this one), resolved to a range by the engine. */
export interface RelatedSpec { at: NodeRef; anchor?: Anchor; message: Message }

/** An edit in this document, at a node or at an explicit range. */
export type EditSpec =
  | { path: JsonPath; anchor?: Anchor; newText: string }
  | { range: Range; newText: string };

export interface FixSpec { title: Message; safe: boolean; edits: EditSpec[] }

export interface ReportSpec {
  /**
   * Reports under another rule id than the checking rule's own; for engine-level notes a rule raises while skipping
   * its own check (meta/calendar-range from agreement/reply-deadline).
   */
  ruleId?: string;
  path: JsonPath;
  anchor?: Anchor;
  message: Message;
  related?: RelatedSpec[];
  fixes?: FixSpec[];
}

export interface RuleContext {
  readonly file: string;
  readonly documentIndex: number;
  readonly kind: Kind;
  /** The document's data; read it with `get`, which treats null and blank strings as missing. */
  readonly data: unknown;
  /** The value at a path, or undefined when missing or blank (docs/semantics.md). */
  get(path: JsonPath): unknown;
  /** True when the node at `path` (or one inside it) already has a yaml/schema/id finding: rules skip it (one defect, one finding). */
  isFlagged(path: JsonPath): boolean;
  /** Options of this rule, defaults merged with the config's (each of its declared type: config/rule-options.ts). */
  readonly options: Readonly<Record<string, RuleOptionValue>>;
  readonly config: ResolvedConfig;
  /** The day date rules take as today, YYYY-MM-DD. */
  readonly today: string;
  /** The cross-file index (always present; it holds at least this file). */
  readonly index: WorkspaceIndex;
  /** Source text of the node at `path` (for fixes that keep what was written). */
  sourceOf(path: JsonPath): string | undefined;
  /** Range of the node at `path`, for fixes that insert beside it. */
  rangeOf(path: JsonPath, anchor?: Anchor): Range;
  /** The full text of the file. */
  readonly text: string;
  report(spec: ReportSpec): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** A number option's value: its declaration gives the default, and the config check lets only numbers through. */
export function numberOption(ctx: RuleContext, name: string): number {
  return ctx.options[name] as number;
}

/** Rules keep their metadata and their check side by side; this only gives the object its type. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

export type { Fix };
