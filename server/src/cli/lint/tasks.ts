import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { severityOf } from '../../engine';
import type { ResolvedConfig } from '../../engine';
import { classifyDocuments, documentData, finishFindings, internalErrorFinding, lintPhase, looksLikeGovSpec, quietOnViews, sortFindings, wholeFileFinding } from '../../engine';
import { yamlMessage } from '../../engine';
import type { DocumentSummary, Finding, Kind } from '../../engine';
import { ParseCache } from '../../engine';
import { extractFacts, keyPatternsOf } from '../../engine';
import type { FileFacts, WorkspaceIndex } from '../../engine';
import { viewsOf } from '../../engine';
import type { DocumentView } from '../../engine';
import { YamlSource } from '../../engine';
import { readSource, readSourceAndBytes } from '../files/read-source';
import type { Source } from '../files/read-source';

/**
 * The work on one file in the two phases of a lint run. Both run in worker threads or in the main thread alike, on
 * plain inputs and outputs (they cross threads by structured clone), reading the file from disk each time so that
 * no thread holds the workspace's texts.
 */

/** One file of the run: `reported` files are linted, every file is indexed (docs/semantics.md). */
export interface FileJob { file: string; absolute: string; reported: boolean }

/** The file phase's outcome for a reported file: file-scope findings (not yet suppressed) and what phase 2 needs. */
export interface FileLintPart {
  findings: Finding[];
  documents: DocumentSummary[];
  flagged: string[][];
  deferred: string[][];
  /** The text can hold suppression comments, so phase 2 must see it again to apply them. */
  directives: boolean;
  /**
   * The documents' views (workspace-view.ts), serialised by `v8` (exact for every value YAML gives, and a copy
   * that holds nothing of the text) and in base64 (the cache is JSON): phase 2 tries them before reading the file.
   */
  view?: string;
}

export interface FileOutcome {
  file: string;
  /** Hash of the file's bytes; undefined when it is gone. */
  contentKey: string | undefined;
  facts: FileFacts | undefined;
  lint: FileLintPart | undefined;
}

export interface TaskContext {
  cwd: string;
  today: string;
  configFor(absolute: string): ResolvedConfig;
  /** The workspace folder of a file: a symbolic link is followed only to a file inside it (files/read-regular.ts). */
  workspaceOf(absolute: string): string;
}

export function contentKeyOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * The sources a thread keeps from phase 1 for phase 2, up to a budget of characters: within it a file is read once;
 * beyond it, it is read again in phase 2, which keeps the memory of a national run bounded.
 */
export class KeptSources {
  private readonly sources = new Map<string, YamlSource>();
  private chars = 0;

  constructor(private readonly budget: number) {}

  keep(file: string, source: YamlSource): void {
    if (this.chars + source.text.length > this.budget) return;
    this.chars += source.text.length;
    this.sources.set(file, source);
  }

  /** The kept source of a file, handed over once. */
  take(file: string): YamlSource | undefined {
    const source = this.sources.get(file);
    this.sources.delete(file);
    return source;
  }
}

/**
 * Characters of source text the threads of one run keep between the phases, all together. A kept source holds its
 * plain data too (several times the text) and, when it had findings, its syntax tree, so the budget stays small.
 */
export const KEPT_CHARS = 4 * 1024 * 1024;

/**
 * Phase 1: read, decode, read the data fast; facts for the index; for a reported file, its file-scope findings.
 * `posted`: the outcome goes to another thread, whose message copies it; otherwise it is copied here.
 */
export function filePhase(job: FileJob, ctx: TaskContext, kept: KeptSources, posted = false): FileOutcome {
  const { source, bytes } = readSourceAndBytes(job.absolute, ctx.workspaceOf(job.absolute));
  const outcome: FileOutcome = { file: job.file, contentKey: bytes && contentKeyOf(bytes), facts: undefined, lint: undefined };
  if (source.kind === 'gone') return outcome;
  const config = ctx.configFor(job.absolute);
  if (source.kind === 'problem') {
    const finding = job.reported ? wholeFileProblem(job.file, source, config) : undefined;
    if (finding) outcome.lint = { findings: [finding], documents: [], flagged: [], deferred: [], directives: false };
    return outcome;
  }
  const { text } = source;
  if (!looksLikeGovSpec(job.file, text)) return outcome;
  try {
    readAndLint(job, ctx, kept, posted, text, config, outcome);
  } catch (error) {
    // This file's failure is its own finding (and no facts); the other files of the run are reported as usual.
    outcome.facts = undefined;
    if (job.reported) outcome.lint = { findings: [internalErrorFinding(job.file, error)], documents: [], flagged: [], deferred: [], directives: false };
  }
  return outcome;
}

function readAndLint(job: FileJob, ctx: TaskContext, kept: KeptSources, posted: boolean, text: string, config: ResolvedConfig, outcome: FileOutcome): void {
  const yaml = new YamlSource(text);
  // js-yaml's strings are slices of the file's text and would keep all of it alive in the index: copy them out.
  // A structured clone (or the message) copies them and keeps the resources' items packed; the pipeline makes
  // records of them again.
  const facts = extractFacts(job.file, documentData(classifyDocuments(job.file, yaml)), keyPatternsOf(config));
  outcome.facts = posted ? facts : structuredClone(facts);
  if (job.reported) {
    const part = lintPhase({ file: job.file, text, config, today: ctx.today, source: yaml }, { scope: 'file' });
    // Findings and summaries hold strings sliced from the text (identities, values in messages): a copy lets the
    // text go when this file is done, instead of at the end of the run (`ownCopy`).
    const lint = { ...part, directives: yaml.mayHaveDirectives };
    outcome.lint = posted ? lint : ownCopy(lint, lint.findings.length, text);
    outcome.lint.view = encodedViews(outcome.lint, yaml);
    if (outcome.lint.view === undefined && (part.documents.length > 0 || outcome.lint.directives)) kept.keep(job.file, yaml);
  }
}

/**
 * Views for phase 2 when it can do with them: the file holds no suppression comment (applying one needs the text)
 * and each document's kind has a view.
 */
function encodedViews(part: FileLintPart, yaml: YamlSource): string | undefined {
  if (part.directives || part.documents.length === 0) return undefined;
  const views = viewsOf(part.documents.map((d) => ({ index: d.index, kind: d.kind as Kind, value: yaml.documents.find((doc) => doc.index === d.index)?.value })));
  return views && serialize(views).toString('base64');
}

/**
 * Phase 2: the workspace-scope (and deferred) rules of a reported file against the whole index; then suppressions.
 * `quiet`: decided on the views alone, which found nothing.
 */
export function workspacePhase(job: FileJob, part: FileLintPart, index: WorkspaceIndex, ctx: TaskContext, kept: KeptSources): { findings: Finding[]; quiet: boolean } {
  try {
    return workspacePhaseOf(job, part, index, ctx, kept);
  } catch (error) {
    return { findings: sortFindings([...part.findings, internalErrorFinding(job.file, error)]), quiet: false };
  }
}

function workspacePhaseOf(job: FileJob, part: FileLintPart, index: WorkspaceIndex, ctx: TaskContext, kept: KeptSources): { findings: Finding[]; quiet: boolean } {
  const config = ctx.configFor(job.absolute);
  if (part.view !== undefined) {
    const views = deserialize(Buffer.from(part.view, 'base64')) as DocumentView[];
    if (quietOnViews({ file: job.file, config, today: ctx.today, index }, views, part.flagged, part.deferred)) return { findings: sortFindings(part.findings), quiet: true };
  }
  const yaml = kept.take(job.file) ?? readAgain(job.absolute, ctx.workspaceOf(job.absolute));
  if (!yaml) return { findings: sortFindings(part.findings), quiet: false };
  // Related locations in other files are placed from their own text, read when a finding needs one.
  const others = new ParseCache((file) => {
    const absolute = resolve(ctx.cwd, file);
    const other = readSource(absolute, ctx.workspaceOf(absolute));
    return other.kind === 'text' ? other.text : undefined;
  });
  const cross = lintPhase(
    { file: job.file, text: yaml.text, config, today: ctx.today, source: yaml, index, related: others.resolve },
    { scope: 'workspace', flagged: part.flagged, deferred: part.deferred },
  );
  // Copied for the same reason as the file phase's findings: they would keep this text alive until the report.
  const findings = finishFindings(job.file, yaml, [...part.findings, ...cross.findings], config);
  return { findings: ownCopy(findings, findings.length, yaml.text), quiet: false };
}

/**
 * Below this many characters of text per finding, a file's findings outweigh its text: a finding takes hundreds of
 * bytes, so a legacy catalogue (a few dozen characters per finding) holds far more in findings than in text.
 */
const CHARS_PER_FINDING_KEPT = 64;

/**
 * Results kept past a file's lint are copied (structured clone), so that no string in them is a slice that keeps the
 * file's whole text alive. Not when the file's findings are many for its size: there the copy would double the
 * findings' memory while it is made, and cost more than the text it frees.
 */
function ownCopy<T>(results: T, findings: number, text: string): T {
  return findings * CHARS_PER_FINDING_KEPT >= text.length ? results : structuredClone(results);
}

function readAgain(absolute: string, workspace: string): YamlSource | undefined {
  const source = readSource(absolute, workspace);
  return source.kind === 'text' ? new YamlSource(source.text) : undefined;
}

/**
 * An unreadable, binary, over-sized or mis-encoded file is one finding at 1:1 (cli.md, docs/semantics.md), when the
 * file is meant as GovSpec: named like it, or carrying its apiVersion. A file that cannot be read at all is reported
 * either way, as nothing tells what it holds.
 */
export function wholeFileProblem(file: string, source: Extract<Source, { kind: 'problem' }>, config: ResolvedConfig): Finding | undefined {
  if (source.problem !== 'unreadable' && !looksLikeGovSpec(file, source.sample)) return undefined;
  const ruleId = source.problem === 'size' ? 'yaml/unsafe' : 'yaml/syntax';
  const severity = severityOf(ruleId, config);
  if (severity === 'off') return undefined;
  return { ...wholeFileFinding(file, ruleId, yamlMessage(source.problem, source.detail)), severity };
}
