/**
 * The `stylish` format, after ESLint's: the findings grouped by file under its path, one aligned row each
 * (`line:col  severity  message  ruleId`), then a summary line. Empty when there is nothing to report.
 */
import type { Finding, Locale, LintReport, Severity } from '../../engine';
import { escapeUnsafe, findingMessage, hasSafeFix, localize, sortedFiles, toSpan, type FormatOptions } from './findings';
import { displayWidth, padEnd } from './width';
import { bilingual } from '../../engine';

type Style = 'underline' | 'dim' | 'bold' | 'red' | 'yellow' | 'blue';

/** ANSI open and close codes; each close resets only its own attribute, so styles nest. */
const ANSI: Record<Style, readonly [number, number]> = {
  underline: [4, 24], dim: [2, 22], bold: [1, 22], red: [31, 39], yellow: [33, 39], blue: [34, 39],
};

const SEVERITY_COLOUR: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'blue' };

const SEVERITY_LABEL: Record<Locale, Record<Severity, string>> = bilingual(
  { error: '错误', warning: '警告', info: '提示' },
  { error: 'error', warning: 'warning', info: 'info' },
);

type Paint = (text: string, ...styles: Style[]) => string;

/** One terminal line, and no control sequence from the linted data: breaks become spaces, the rest `escapeUnsafe`. */
function oneLine(text: string): string {
  return escapeUnsafe(text.replace(/\r\n|[\r\n\t]/g, ' '));
}

function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, ...styles) => styles.reduceRight((inner, style) => `\x1b[${ANSI[style][0]}m${inner}\x1b[${ANSI[style][1]}m`, text);
}

interface Counts { problems: number; errors: number; warnings: number; infos: number; fixable: number }

function count(findings: readonly Finding[]): Counts {
  const of = (severity: Severity): number => findings.filter((finding) => finding.severity === severity).length;
  return {
    problems: findings.length,
    errors: of('error'),
    warnings: of('warning'),
    infos: of('info'),
    fixable: findings.filter(hasSafeFix).length,
  };
}

function add(a: Counts, b: Counts): Counts {
  return { problems: a.problems + b.problems, errors: a.errors + b.errors, warnings: a.warnings + b.warnings, infos: a.infos + b.infos, fixable: a.fixable + b.fixable };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryLines(counts: Counts, locale: Locale): string[] {
  if (locale === 'zh-CN') {
    const lines = [`✖ ${counts.problems} 个问题（${counts.errors} 个错误，${counts.warnings} 个警告，${counts.infos} 个提示）`];
    if (counts.fixable > 0) lines.push(`  其中 ${counts.fixable} 个可用 --fix 自动修复。`);
    return lines;
  }
  const lines = [`✖ ${plural(counts.problems, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')})`];
  if (counts.fixable > 0) lines.push(`  ${plural(counts.fixable, 'problem')} can be fixed with --fix.`);
  return lines;
}

interface Row { position: string; severity: Severity; label: string; message: string; ruleId: string }

function rowOf(finding: Finding, locale: Locale): Row {
  const { line, column } = toSpan(finding.range);
  return {
    position: `${line}:${column}`,
    severity: finding.severity,
    label: SEVERITY_LABEL[locale][finding.severity],
    message: oneLine(findingMessage(finding, locale)),
    ruleId: oneLine(finding.ruleId),
  };
}

/**
 * A file's aligned rows, one line (and its related lines) at a time. The widths are measured in a first pass that
 * keeps no row, so that a file of millions of findings is never held as text.
 */
function* fileTable(findings: readonly Finding[], locale: Locale, paint: Paint): Generator<string> {
  let positionWidth = -Infinity;
  let labelWidth = -Infinity;
  let messageWidth = -Infinity;
  for (const finding of findings) {
    const row = rowOf(finding, locale);
    positionWidth = Math.max(positionWidth, displayWidth(row.position));
    labelWidth = Math.max(labelWidth, displayWidth(row.label));
    messageWidth = Math.max(messageWidth, displayWidth(row.message));
  }
  for (const finding of findings) {
    const row = rowOf(finding, locale);
    yield [
      '',
      paint(padEnd(row.position, positionWidth), 'dim'),
      paint(padEnd(row.label, labelWidth), SEVERITY_COLOUR[row.severity]),
      padEnd(row.message, messageWidth),
      paint(row.ruleId, 'dim'),
    ].join('  ');
    yield* relatedLines(finding, locale, ' '.repeat(2 + positionWidth + 2), paint);
  }
}

/** The other places a finding points at, one line each under it: `↳ path:line:col — why`. */
function relatedLines(finding: Finding, locale: Locale, indent: string, paint: Paint): readonly string[] {
  return finding.related.map((rel) => {
    const { line, column } = toSpan(rel.range);
    return `${indent}${paint(`↳ ${oneLine(rel.file)}:${line}:${column}`, 'dim')} — ${oneLine(localize(rel.message, locale))}`;
  });
}

function worstSeverity(counts: Counts): Severity {
  return counts.errors > 0 ? 'error' : counts.warnings > 0 ? 'warning' : 'info';
}

/** The report in pieces, a line at a time. */
export function* formatStylish(report: LintReport, opts: FormatOptions): Generator<string> {
  const paint = painter(opts.color);
  const files = sortedFiles(report).filter((file) => file.findings.length > 0);
  if (files.length === 0) return;
  for (const [i, file] of files.entries()) {
    yield `${i === 0 ? '\n' : '\n\n'}${paint(oneLine(file.file), 'underline')}`;
    for (const line of fileTable(file.findings, report.locale, paint)) yield `\n${line}`;
  }
  const counts = files.reduce((sum, file) => add(sum, count(file.findings)), count([]));
  const summary = summaryLines(counts, report.locale).map((line) => paint(line, 'bold', SEVERITY_COLOUR[worstSeverity(counts)]));
  yield `\n\n${summary.join('\n')}\n`;
}
