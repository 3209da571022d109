import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffLines } from 'diff';
import { Rng } from '../../bench/generate/prng';
import { applySafeFixes } from '../../server/src/cli/lint/fix';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { lintFile } from '../../server/src/engine/lint';
import type { Finding, Range } from '../../server/src/engine/types';
import { YamlSource } from '../../server/src/engine/yaml/source';
import { REPO, findingProblems, seedDocuments } from '../reliability/support';

/**
 * The mutation campaign of issue 21: random line, character and token mutations of the examples (lone CRs, U+2028
 * and BOMs mid-file among them), each checked in process through the engine — no throw and no meta/internal-error,
 * every finding fits the text, the fast path and the precise parser alone give the same findings, and the safe
 * fixes edit nothing outside the ranges of the findings they fix and bring no new finding — and, for a sample,
 * through the built CLI: exit code 0 or 1 only, the same report with `--concurrency 1` and `2`, and `--fix` changing
 * nothing outside the reported ranges of fixable findings. Seeded: the same seed gives the same cases.
 */

const BIN = path.join(REPO, 'bin', 'govspec.js');
const TODAY = '2026-06-01';

/** Characters the mutations insert: line breaks of every kind YAML or Unicode knows, a BOM, indicators, odd text. */
const CHARACTERS = ['\r', '\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085', '\uFEFF', '\t', ' ', ':', '#', '-', '"', "'", '[', ']', '{', '}', ',', '&', '*', '!', '|', '>', '?', '%', '@', '`', '\\', '\u0000', '中', '😀', '\u202E', 'ǅ'];
const TOKENS = ['null', '~', 'true', 'yes', '01', '1e400', '0x1F', '-0', '.nan', '""', "''", '[]', '{}', '&a', '*a', '!!str', '!!binary', '<<:', '- ', ': ', '? ', '|', '>-', '---', '...', '# govspec-disable-line', 'x-note:', '__proto__:', '"\\U00110000"', '"\\uD800"', '\u2028', '\r', '\uFEFF'];

export interface Case { id: number; file: string; text: string; mutations: string[] }

/** The example files the mutations start from (a GovSpec name keeps each one linted whatever it becomes). */
export function seeds(): { file: string; text: string }[] {
  return seedDocuments().filter((d) => d.file.startsWith('examples/') && /\.(service|catalog|agreement|agency)\.yaml$/.test(d.file));
}

function mutateOnce(rng: Rng, text: string, others: readonly string[]): { text: string; what: string } {
  const lines = text.split('\n');
  const at = rng.int(0, Math.max(0, text.length - 1));
  const line = rng.int(0, lines.length - 1);
  switch (rng.int(0, 8)) {
    case 0: lines.splice(line, 1); return { text: lines.join('\n'), what: `delete line ${line}` };
    case 1: lines.splice(line, 0, lines[rng.int(0, lines.length - 1)]); return { text: lines.join('\n'), what: `duplicate a line at ${line}` };
    case 2: {
      const other = rng.pick(others).split('\n');
      lines.splice(line, 0, rng.pick(other));
      return { text: lines.join('\n'), what: `insert a line of another example at ${line}` };
    }
    case 3: lines[line] = rng.chance(0.5) ? ` ${lines[line]}` : lines[line].replace(/^ /, ''); return { text: lines.join('\n'), what: `indent line ${line}` };
    case 4: {
      const c = rng.pick(CHARACTERS);
      return { text: text.slice(0, at) + c + text.slice(at), what: `insert ${JSON.stringify(c)} at ${at}` };
    }
    case 5: {
      const c = rng.pick(CHARACTERS);
      return { text: text.slice(0, at) + c + text.slice(at + 1), what: `replace offset ${at} by ${JSON.stringify(c)}` };
    }
    case 6: return { text: text.slice(0, at) + text.slice(at + rng.int(1, 3)), what: `delete at ${at}` };
    case 7: {
      // A line break changed in place: \n → \r (a lone CR), \r\n, U+2028.
      const breaks = [...text.matchAll(/\n/g)];
      if (breaks.length === 0) return { text, what: 'no line break to change' };
      const b = rng.pick(breaks).index;
      const by = rng.pick(['\r', '\r\n', '\u2028', '\n\uFEFF']);
      return { text: text.slice(0, b) + by + text.slice(b + 1), what: `line break at ${b} → ${JSON.stringify(by)}` };
    }
    default: {
      const words = [...text.matchAll(/[A-Za-z0-9_"'\u4e00-\u9fff]+/g)];
      if (words.length === 0) return { text, what: 'no token' };
      const w = rng.pick(words);
      const t = rng.pick(TOKENS);
      return { text: text.slice(0, w.index) + t + text.slice(w.index + w[0].length), what: `token ${JSON.stringify(w[0])} → ${JSON.stringify(t)}` };
    }
  }
}

/** Case `id` of the campaign with this seed: one to three mutations of one example. */
export function makeCase(seed: number, id: number, examples = seeds()): Case {
  const rng = new Rng((seed * 1_000_003 + id) >>> 0);
  const start = rng.pick(examples);
  let text = start.text;
  const mutations: string[] = [];
  for (let n = rng.int(1, 3); n > 0; n--) {
    const m = mutateOnce(rng, text, examples.map((e) => e.text));
    text = m.text;
    mutations.push(m.what);
  }
  return { id, file: start.file, text, mutations };
}

const key = (f: Finding) => `${f.ruleId} ${JSON.stringify(f.range)} ${f.message.en}`;

/**
 * The lines a finding covers, whole, with the break after them: what its fix may edit. (A fix can edit more than the
 * reported node on its line — meta/unused-suppression removes the whole comment whose rule name it reports, and the
 * line when the comment stood alone on it — never another line.)
 */
const linesOf = (r: Range): Range => ({ start: { line: r.start.line, character: 0 }, end: { line: r.end.line + 1, character: 0 } });
const contains = (outer: Range, inner: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);

/** What is wrong with one case in process; empty when nothing is. */
export function checkInProcess(c: Case): string[] {
  const problems: string[] = [];
  let findings: Finding[];
  let precise: Finding[];
  try {
    findings = lintFile({ file: c.file, text: c.text, config: DEFAULT_CONFIG, today: TODAY }).findings;
    precise = lintFile({ file: c.file, text: c.text, config: DEFAULT_CONFIG, today: TODAY, source: YamlSource.precise(c.text) }).findings;
  } catch (error) {
    return [`lintFile threw: ${error instanceof Error ? error.stack : String(error)}`];
  }
  for (const f of findings) if (f.ruleId === 'meta/internal-error') problems.push(`internal error: ${f.message.en}`);
  problems.push(...findingProblems(c.text, c.file, findings));
  const fast = findings.map(key).join('\n');
  if (fast !== precise.map(key).join('\n')) problems.push(`fast path ≠ precise parser:\n  fast: ${fast}\n  precise: ${precise.map(key).join('\n')}`);
  for (const f of findings) {
    for (const fix of f.fixes.filter((x) => x.safe)) {
      for (const e of fix.edits) if (e.file === c.file && !contains(linesOf(f.range), e.range)) problems.push(`${f.ruleId}: a safe fix edits ${JSON.stringify(e.range)} outside the lines of its finding ${JSON.stringify(f.range)}`);
    }
  }
  const fixed = applySafeFixes(c.file, c.text, findings);
  if (fixed !== undefined) {
    const fixedRanges = findings.filter((f) => f.fixes.some((x) => x.safe)).map((f) => f.range);
    // A new finding elsewhere means a fix changed what it did not report (`kind` replaced by a USCC, say); at a
    // fixed node, the next problem of that node may show (`.nan` quoted is a string, then not in its list).
    const was = new Set(findings.map((f) => `${f.ruleId} ${f.message.en}`));
    const fixedAt = new Set(fixedRanges.map((r) => r.start.line));
    for (const f of lintFile({ file: c.file, text: fixed, config: DEFAULT_CONFIG, today: TODAY }).findings) {
      if (!was.has(`${f.ruleId} ${f.message.en}`) && !fixedAt.has(f.range.start.line)) problems.push(`--fix brought a new finding: ${f.ruleId} ${JSON.stringify(f.range)} ${f.message.en}`);
    }
  }
  return problems;
}

/**
 * The changes from `before` to `after` on lines that no one of `ranges` (positions in `before`) covers. Compared line
 * by line, as a character diff may align a removed line with a neighbour's text.
 */
export function editsOutside(before: string, after: string, ranges: readonly Range[]): string[] {
  const covered = (from: number, to: number) => ranges.some((r) => r.start.line <= from && to <= r.end.line + 1);
  const out: string[] = [];
  let line = 0;
  for (const part of diffLines(before.replace(/\r\n?/g, '\n'), after.replace(/\r\n?/g, '\n'))) {
    const count = part.count ?? part.value.split('\n').length - 1;
    if (!part.added && !part.removed) {
      line += count;
      continue;
    }
    const from = line;
    if (part.removed) line += count;
    if (!covered(from, part.removed ? line : from)) out.push(`lines ${from}-${line} changed (${JSON.stringify(part.value.slice(0, 80))}), outside the lines of every fixable finding`);
  }
  return out;
}

interface JsonResult { file: string; line: number; column: number; endLine: number; endColumn: number; fixable: boolean }

function run(cwd: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return spawnSync(process.execPath, [BIN, 'lint', '--today', TODAY, '--no-progress', ...args], { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** Cases written as one workspace (beside the examples' config), linted by the built CLI; what is wrong, if anything. */
export function checkThroughCli(cases: readonly Case[]): string[] {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-fuzz-'));
  try {
    fs.copyFileSync(path.join(REPO, 'examples', 'govspec.config.yaml'), path.join(root, 'govspec.config.yaml'));
    const names = cases.map((c) => `case-${c.id}.${/\.(\w+)\.yaml$/.exec(c.file)![1]}.yaml`);
    cases.forEach((c, i) => fs.writeFileSync(path.join(root, names[i]), c.text));
    const problems: string[] = [];
    const one = run(root, ['-f', 'json', '--concurrency', '1']);
    const two = run(root, ['-f', 'json', '--concurrency', '2']);
    for (const [name, r] of [['--concurrency 1', one], ['--concurrency 2', two]] as const) {
      if (r.status !== 0 && r.status !== 1) problems.push(`${name}: exit ${r.status}: ${r.stderr.trim()}`);
    }
    if (one.stdout !== two.stdout) problems.push('--concurrency 1 and 2 wrote different reports');
    if (problems.length > 0) return problems;
    const results = (JSON.parse(one.stdout) as { results: JsonResult[] }).results;
    const fix = run(root, ['--fix', '-f', 'json']);
    if (fix.status !== 0 && fix.status !== 1) problems.push(`--fix: exit ${fix.status}: ${fix.stderr.trim()}`);
    cases.forEach((c, i) => {
      const after = fs.readFileSync(path.join(root, names[i]), 'utf8');
      if (after === c.text) return;
      const ranges = results.filter((r) => r.file === names[i] && r.fixable)
        .map((r) => ({ start: { line: r.line - 1, character: r.column - 1 }, end: { line: r.endLine - 1, character: r.endColumn - 1 } }));
      // A file written by the CLI is read back as UTF-8: what the case held that UTF-8 cannot is compared as written.
      const written = Buffer.from(c.text, 'utf8').toString('utf8');
      for (const p of editsOutside(written, after, ranges)) problems.push(`case ${c.id} (${names[i]}): --fix ${p}`);
    });
    return problems;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
