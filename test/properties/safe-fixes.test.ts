import * as assert from 'assert';
import * as path from 'path';
import { applySafeFixes } from '../../server/src/cli/lint/fix';
import type { Finding } from '../../server/src/engine/types';
import { caseTexts, casesOf, lintCaseTexts, ruleFolders } from '../support/fixtures';

/**
 * Issue 13 point 4 / issue 17 point 12: a safe fix never produces a finding that was not there before. Over every
 * rule fixture and the example workspace, all safe fixes are applied as `--fix` does (until nothing more applies,
 * at most as many passes as the CLI makes); then no (file, rule) pair has more findings than before, and a second
 * `--fix` changes nothing.
 */
const MAX_FIX_PASSES = 10;

function countByRule(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(`${f.file} ${f.ruleId}`, (counts.get(`${f.file} ${f.ruleId}`) ?? 0) + 1);
  return counts;
}

/** One pass of `--fix`: every file's safe fixes applied to its text; the files that changed. */
function fixOnce(texts: Map<string, string>, findings: readonly Finding[]): string[] {
  const changed: string[] = [];
  for (const [file, text] of texts) {
    const fixed = applySafeFixes(file, text, findings.filter((f) => f.file === file));
    if (fixed === undefined) continue;
    texts.set(file, fixed);
    changed.push(file);
  }
  return changed;
}

function checkFixes(casePath: string): void {
  const texts = caseTexts(casePath);
  const before = lintCaseTexts(texts);
  let findings = before;
  let passes = 0;
  while (fixOnce(texts, findings).length > 0) {
    assert.ok(++passes < MAX_FIX_PASSES, 'safe fixes keep changing the files');
    findings = lintCaseTexts(texts);
  }
  const was = countByRule(before);
  const added = [...countByRule(findings)].filter(([key, n]) => n > (was.get(key) ?? 0)).map(([key]) => key);
  const describe = (key: string) => {
    const [file, ruleId] = key.split(' ');
    return findings.filter((f) => f.file === file && f.ruleId === ruleId).map((f) => `${key} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message.en}`).join('\n');
  };
  assert.deepStrictEqual(added.map(describe), [], 'findings the safe fixes produced');
  assert.deepStrictEqual(fixOnce(texts, findings), [], 'a second --fix changes nothing');
}

describe('safe fixes produce no new finding (property over every fixture)', () => {
  for (const ruleId of ruleFolders()) {
    for (const c of casesOf(ruleId)) {
      it(`${ruleId} ${c.path.split(/[\\/]/).slice(-2).join('/')}`, () => checkFixes(c.path));
    }
  }
  it('examples/', () => checkFixes(path.resolve(__dirname, '../../examples')));
});
