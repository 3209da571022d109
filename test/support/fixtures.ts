import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../server/src/engine/config/load';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import type { ResolvedConfig } from '../../server/src/engine/config/types';
import type { Finding } from '../../server/src/engine/types';
import { lintTexts } from '../../server/src/engine/workspace-lint';

/**
 * Fixture cases with inline expectations. A case is one YAML file, or a folder (a small workspace, with an optional
 * govspec.config.yaml). A line expects findings with a trailing comment:
 *     charged: true   # expect: service/fee-basis "true"
 * naming the rule and, optionally, the exact text the finding covers on that line; several are separated by `;`.
 * Every finding must be expected and every expectation found — so a fixture also proves nothing else fires.
 */
export const FIXTURE_TODAY = '2026-06-01';

export interface Expectation { file: string; line: number; ruleId: string; text?: string }

export const RULES_ROOT = path.resolve(__dirname, '../../server/src/engine/rules');

const EXPECT = /#\s*expect:\s*(.+)$/;

export function readExpectations(file: string, text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = EXPECT.exec(line);
    if (!m) return;
    for (const part of m[1].split(';')) {
      const e = /^\s*(\S+)(?:\s+"(.*)")?\s*$/.exec(part);
      if (e) out.push({ file, line: i, ruleId: e[1], text: e[2] });
    }
  });
  return out;
}

/** All files of a case, by path relative to the case. */
export function caseTexts(casePath: string): Map<string, string> {
  const texts = new Map<string, string>();
  if (fs.statSync(casePath).isFile()) {
    texts.set(path.basename(casePath), fs.readFileSync(casePath, 'utf8'));
    return texts;
  }
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) texts.set(path.relative(casePath, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(casePath);
  return texts;
}

/** Lints a case the way the CLI would, with the config found in the case folder. */
export function lintCase(casePath: string, today = FIXTURE_TODAY): Finding[] {
  return lintCaseTexts(caseTexts(casePath), today);
}

/** Lints the texts of a case (as read by `caseTexts`, or edited since) with the config found among them. */
export function lintCaseTexts(texts: ReadonlyMap<string, string>, today = FIXTURE_TODAY): Finding[] {
  const findings: Finding[] = [];
  // docs/semantics.md: each document takes the nearest govspec.config.yaml above it in the case (no cascade).
  const configs = new Map<string, ResolvedConfig>();
  for (const file of [...texts.keys()].filter((f) => path.posix.basename(f) === 'govspec.config.yaml')) {
    const loaded = loadConfig(file, {
      read: (f) => texts.get(f),
      resolve: (from, rel) => path.posix.normalize(path.posix.join(path.posix.dirname(from), rel)),
    });
    findings.push(...loaded.findings);
    if (!loaded.config) return findings;
    configs.set(path.posix.dirname(file), loaded.config);
  }
  const configFor = (file: string): ResolvedConfig => {
    for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
      const found = configs.get(dir);
      if (found) return found;
      if (dir === '.' || dir === '/' || dir === '') return DEFAULT_CONFIG;
    }
  };
  const lintable = new Map([...texts].filter(([f]) => !f.endsWith('govspec.config.yaml')));
  for (const result of lintTexts(lintable, { configFor, today }).values()) findings.push(...result.findings);
  return findings;
}

export interface CaseOutcome { missing: Expectation[]; unexpected: { finding: Finding; text: string }[] }

export function checkCase(casePath: string): CaseOutcome {
  const texts = caseTexts(casePath);
  const expected = [...texts].flatMap(([file, text]) => readExpectations(file, text));
  const unexpected: CaseOutcome['unexpected'] = [];
  for (const finding of lintCase(casePath)) {
    const lines = (texts.get(finding.file) ?? '').split(/\r?\n/);
    const { start, end } = finding.range;
    const covered = start.line === end.line ? (lines[start.line] ?? '').slice(start.character, end.character) : '';
    const i = expected.findIndex((e) => e.file === finding.file && e.line === start.line && e.ruleId === finding.ruleId && (e.text === undefined || e.text === covered));
    if (i === -1) unexpected.push({ finding, text: covered });
    else expected.splice(i, 1);
  }
  return { missing: expected, unexpected };
}

export function describeOutcome(o: CaseOutcome): string {
  return [
    ...o.missing.map((e) => `missing   ${e.file}:${e.line + 1} ${e.ruleId}${e.text !== undefined ? ` "${e.text}"` : ''}`),
    ...o.unexpected.map(({ finding: f, text }) => `unexpected ${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} "${text}" — ${f.message.en}`),
  ].join('\n');
}

/** Rule folders (`<area>/<name>`) under the rules root that hold a fixtures folder. */
export function ruleFolders(): string[] {
  const out: string[] = [];
  for (const area of fs.readdirSync(RULES_ROOT, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const rule of fs.readdirSync(path.join(RULES_ROOT, area.name), { withFileTypes: true })) {
      if (rule.isDirectory()) out.push(`${area.name}/${rule.name}`);
    }
  }
  return out.sort();
}

/** The cases of a rule: every entry of fixtures/valid and fixtures/invalid. */
export function casesOf(ruleId: string): { kind: 'valid' | 'invalid'; path: string }[] {
  const out: { kind: 'valid' | 'invalid'; path: string }[] = [];
  for (const kind of ['valid', 'invalid'] as const) {
    const dir = path.join(RULES_ROOT, ruleId, 'fixtures', kind);
    if (!fs.existsSync(dir)) continue;
    for (const entry of fs.readdirSync(dir).sort()) out.push({ kind, path: path.join(dir, entry) });
  }
  return out;
}
