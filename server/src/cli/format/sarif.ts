/**
 * The `sarif` format: one SARIF 2.1.0 run. A rule entry for each rule that appears (sorted by id), each result
 * with its physical location, related locations and safe fixes. Columns are UTF-16 code units, as the run declares.
 */
import { HOME_URL, ruleDocUrl, type Finding, type Fix, type Locale, type LintReport, type Range, type RuleMeta, type Severity } from '../../engine';
import { confidenceLegend, readableSource } from '../../engine';
import { bilingual } from '../../engine';
import { allFindings, allSuppressed, escapeUnsafe, findingMessage, localize, toSpan, type FormatOptions } from './findings';
import { jsonChunks, streamed } from './json-stream';

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

/** The project's home page: the repository that holds the rule docs. */
const INFORMATION_URI = HOME_URL;

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative `/`-separated path as a URI reference: each segment percent-encoded. */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function artifactLocation(file: string): { uri: string; uriBaseId: string } {
  return { uri: pathToUri(file), uriBaseId: SRCROOT };
}

function region(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  const span = toSpan(range);
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

function physicalLocation(file: string, range: Range): object {
  return { artifactLocation: artifactLocation(file), region: region(range) };
}

function helpText(meta: RuleMeta, locale: Locale): string {
  const url = ruleDocUrl(meta.id);
  const source = `${readableSource(meta.source, locale)}\n${confidenceLegend(locale)}`;
  return bilingual(
    `${meta.summary['zh-CN']}\n\n依据：${source}\n文档：${url}`,
    `${meta.summary.en}\n\nSource: ${source}\nDocumentation: ${url}`,
  )[locale];
}

function ruleDescriptor(id: string, meta: RuleMeta | undefined, locale: Locale): object {
  if (!meta) return { id, helpUri: ruleDocUrl(id) };
  return {
    id,
    shortDescription: { text: localize(meta.summary, locale) },
    fullDescription: { text: `${meta.summary['zh-CN']}\n\n${meta.summary.en}` },
    helpUri: ruleDocUrl(id),
    help: { text: helpText(meta, locale) },
    defaultConfiguration: { level: LEVELS[meta.defaultSeverity] },
    properties: { source: meta.source, defaultSeverity: meta.defaultSeverity, scope: meta.scope, fixable: meta.fixable },
  };
}

function sarifFix(fix: Fix, locale: Locale): object {
  const byFile = new Map<string, object[]>();
  for (const edit of fix.edits) {
    const replacements = byFile.get(edit.file) ?? [];
    replacements.push({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } });
    byFile.set(edit.file, replacements);
  }
  return {
    description: { text: localize(fix.title, locale) },
    artifactChanges: [...byFile].map(([file, replacements]) => ({ artifactLocation: artifactLocation(file), replacements })),
  };
}

/** Breaks and tabs, which JSON escapes and viewers show as such; every other control or bidi character is escaped. */
const JSON_KEPT = '\t\n\r';

function result(finding: Finding, ruleIndex: number, locale: Locale): object {
  const safeFixes = finding.fixes.filter((fix) => fix.safe && fix.edits.length > 0);
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: escapeUnsafe(findingMessage(finding, locale), JSON_KEPT) },
    locations: [{ physicalLocation: physicalLocation(finding.file, finding.range) }],
    ...(finding.related.length > 0 && {
      relatedLocations: finding.related.map((rel, id) => ({
        id,
        physicalLocation: physicalLocation(rel.file, rel.range),
        message: { text: escapeUnsafe(localize(rel.message, locale), JSON_KEPT) },
      })),
    }),
    ...(safeFixes.length > 0 && { fixes: safeFixes.map((fix) => sarifFix(fix, locale)) }),
    ...(finding.suppressed && {
      suppressions: [{ kind: 'inSource', ...(finding.suppressed.reason !== null && { justification: finding.suppressed.reason }) }],
    }),
  };
}

/** The log in pieces (`json-stream.ts`), one result at a time. */
export function* formatSarif(report: LintReport, opts: FormatOptions): Generator<string> {
  // Suppressed results are part of the log, marked as such (viewers hide them; reviewers can audit them).
  const findings = [...allFindings(report), ...allSuppressed(report)];
  const ruleIds = [...new Set(findings.map((finding) => finding.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'govspec',
          version: opts.toolVersion,
          informationUri: INFORMATION_URI,
          rules: ruleIds.map((id) => ruleDescriptor(id, report.rules.get(id), report.locale)),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: streamed(findings, (finding) => result(finding, ruleIndex.get(finding.ruleId) ?? -1, report.locale)),
    }],
  };
  yield* jsonChunks(log);
  yield '\n';
}
