import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import type { ResolvedConfig } from '../../server/src/engine/config/types';
import { lintFile } from '../../server/src/engine/lint';
import { RULE_METAS } from '../../server/src/engine/rules/registry';
import type { Finding, Position, Range } from '../../server/src/engine/types';

/** Shared helpers of the reliability suite: one-file linting, the invariants every finding keeps, fix application. */

export const TODAY = '2026-06-01';
export const REPO = path.resolve(__dirname, '../..');

/**
 * A fixed seed for every property, so a failure is reproducible; fast-check prints it (and the path) on failure.
 * GOVSPEC_FC_SEED=n explores another seed by hand; the suite always runs the fixed one.
 */
export const SEED = Number(process.env.GOVSPEC_FC_SEED ?? 20260601);

export function lint(text: string, file = 'hostile.service.yaml', config: ResolvedConfig = DEFAULT_CONFIG): Finding[] {
  return lintFile({ file, text, config, today: TODAY }).findings;
}

/** Content lengths of the lines as the engine and LSP count them: a line ends at `\r\n`, `\n` or a lone `\r`. */
export function lineLengths(text: string): number[] {
  return text.split(/\r\n?|\n/).map((line) => line.length);
}

export function offsetOf(text: string, p: Position): number {
  const breaks = [...text.matchAll(/\r\n?|\n/g)];
  const start = p.line === 0 ? 0 : breaks[p.line - 1].index + breaks[p.line - 1][0].length;
  return start + p.character;
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** Why a range does not fit the text, or undefined when it does. */
export function rangeProblem(text: string, range: Range, lengths = lineLengths(text)): string | undefined {
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) return `${name} is not integral: ${JSON.stringify(p)}`;
    if (p.line < 0 || p.line >= lengths.length) return `${name}.line ${p.line} outside 0..${lengths.length - 1}`;
    if (p.character < 0 || p.character > lengths[p.line]) return `${name}.character ${p.character} outside 0..${lengths[p.line]} on line ${p.line}`;
  }
  if (!before(range.start, range.end)) return `start ${JSON.stringify(range.start)} after end ${JSON.stringify(range.end)}`;
  return undefined;
}

/** Every invariant a finding must keep whatever the input (issue 7, property tests); returns the violations. */
export function findingProblems(text: string, file: string, findings: readonly Finding[]): string[] {
  const lengths = lineLengths(text);
  const out: string[] = [];
  for (const f of findings) {
    const where = `${f.ruleId} ${JSON.stringify(f.range)}`;
    if (!RULE_METAS.has(f.ruleId)) out.push(`${where}: unknown rule id`);
    if (f.file !== file) out.push(`${where}: file ${f.file} is not ${file}`);
    if (!['error', 'warning', 'info'].includes(f.severity)) out.push(`${where}: severity ${f.severity}`);
    if (typeof f.message?.en !== 'string' || f.message.en.trim() === '') out.push(`${where}: empty English message`);
    if (typeof f.message?.['zh-CN'] !== 'string' || f.message['zh-CN'].trim() === '') out.push(`${where}: empty Chinese message`);
    const r = rangeProblem(text, f.range, lengths);
    if (r) out.push(`${where}: range ${r}`);
    for (const fix of f.fixes) {
      if (!fix.title.en || !fix.title['zh-CN']) out.push(`${where}: fix without a title`);
      for (const e of fix.edits) {
        if (e.file !== file) continue; // edits of other files are checked against those files by the workspace tests
        const er = rangeProblem(text, e.range, lengths);
        if (er) out.push(`${where}: fix edit ${er}`);
        if (typeof e.newText !== 'string') out.push(`${where}: fix edit without text`);
      }
    }
  }
  return out;
}

/** Applies a finding's safe fixes (edits of its own file) from last to first; undefined when its edits overlap. */
export function applySafeFixes(text: string, finding: Finding): string | undefined {
  const edits = finding.fixes.filter((f) => f.safe).flatMap((f) => f.edits).filter((e) => e.file === finding.file)
    .map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < edits.length; i++) if (edits[i].end > edits[i - 1].start) return undefined;
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** How many findings share a finding's rule and message: a fix must make that number drop. */
export function countLike(findings: readonly Finding[], f: Finding): number {
  return findings.filter((g) => g.ruleId === f.ruleId && g.message.en === f.message.en).length;
}

/** The valid documents a mutation starts from: test/schema/valid and every example. */
export function seedDocuments(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const add = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) add(full);
      else if (/\.ya?ml$/.test(entry.name) && entry.name !== 'govspec.config.yaml') {
        out.push({ file: path.relative(REPO, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') });
      }
    }
  };
  add(path.join(REPO, 'test/schema/valid'));
  add(path.join(REPO, 'examples'));
  return out;
}

/** Every rule fixture text, for whole-engine sweeps (no-network, pollution). */
export function fixtureTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name) && full.includes(`${path.sep}fixtures${path.sep}`)) {
        texts.set(path.relative(REPO, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
      }
    }
  };
  walk(path.join(REPO, 'server/src/engine/rules'));
  return texts;
}
