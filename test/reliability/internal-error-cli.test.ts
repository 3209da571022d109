import { strict as assert } from 'node:assert';
import { lintCommand } from '../../server/src/cli/commands/lint';
import type { CliContext } from '../../server/src/cli/context';
import type { Rule } from '../../server/src/engine/rules/api';
import { RULES_BY_ID } from '../../server/src/engine/rules/registry';
import { TODAY, Workspace, initialised } from '../cli/harness';
import type { JsonReport, JsonResult } from '../cli/harness';

/**
 * docs/semantics.md through the CLI: a rule that throws is `meta/internal-error` (error) at 1:1 of each document it
 * was checking, the run goes on, every other finding is still reported, and the exit code is 1 (a finding), never 2.
 * The engine-level test is test/meta/internal-error.test.ts. `lintCommand` runs in-process (one thread), with a
 * registered rule's check replaced for the length of one run.
 */

async function lint(ws: Workspace, args: string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    cwd: ws.root, env: { LANG: 'C' }, stdout: (t) => { out.push(t); }, stderr: (t) => { err.push(t); },
    stdoutIsTTY: false, stderrIsTTY: false, readStdin: async () => Buffer.alloc(0),
  };
  const code = await lintCommand(['--today', TODAY, '-f', 'json', '--no-progress', ...args], ctx);
  return { code, report: JSON.parse(out.join('')) as JsonReport, stderr: err.join('') };
}

async function throwing<T>(ruleId: string, run: () => Promise<T>): Promise<T> {
  const rule = RULES_BY_ID.get(ruleId) as Rule;
  assert.ok(rule, ruleId);
  const original = rule.check;
  rule.check = () => { throw new Error('boom'); };
  try {
    return await run();
  } finally {
    rule.check = original;
  }
}

const key = (r: JsonResult) => `${r.file}:${r.line}:${r.column} ${r.ruleId} ${r.message}`;

describe('reliability: a rule that throws, through the CLI', function () {
  let ws: Workspace;
  beforeEach(() => { ws = initialised(); });
  afterEach(() => ws.cleanup());

  // service/fee-basis runs in the file phase, service/duplicate-code against the workspace index (second phase).
  for (const ruleId of ['service/fee-basis', 'service/duplicate-code']) {
    for (const mode of [[], ['--fix-dry-run']]) {
      it(`${ruleId}${mode.length ? ` (${mode.join(' ')})` : ''}: one meta/internal-error per Service document at its 1:1, exit 1, the rest unchanged`, async () => {
        const clean = await lint(ws, mode);
        assert.equal(clean.code, 0, JSON.stringify(clean.report.results));
        const failed = await throwing(ruleId, () => lint(ws, mode));
        assert.equal(failed.code, 1, 'an internal error is an error finding: exit 1, not 2');
        assert.equal(failed.stderr, '');
        assert.deepEqual(failed.report.results.map((r) => [r.file, r.ruleId, r.severity, r.line, r.column]), [
          // The template's first line is a comment: the document starts on line 2.
          ['example.service.yaml', 'meta/internal-error', 'error', 2, 1],
        ]);
        assert.match(failed.report.results[0].message, new RegExp(`${ruleId}.*boom`));
        assert.equal(failed.report.summary.errors, 1);
      });
    }
  }

  it('every other finding of every file is still reported', async () => {
    const service = ws.read('example.service.yaml');
    ws.write({
      // A second service with defects of its own, one found in each phase, and a catalog defect.
      'other.service.yaml': service.replace('type: "01"', 'type: 01'),
      'example.catalog.yaml': ws.read('example.catalog.yaml').replace(/^kind: Catalog$/m, 'kind: Catalog\nunknownKey: 1'),
    });
    const before = await lint(ws, []);
    assert.ok(before.report.results.some((r) => r.ruleId === 'schema/type'));
    assert.ok(before.report.results.some((r) => r.ruleId === 'service/duplicate-code'));
    assert.ok(before.report.results.some((r) => r.file === 'example.catalog.yaml'));
    assert.ok(!before.report.results.some((r) => r.ruleId === 'service/fee-basis'), 'the throwing rule reported nothing before');
    const after = await throwing('service/fee-basis', () => lint(ws, []));
    assert.equal(after.code, 1);
    const internal = after.report.results.filter((r) => r.ruleId === 'meta/internal-error');
    assert.deepEqual(internal.map((r) => `${r.file}:${r.line}:${r.column}`), ['example.service.yaml:2:1', 'other.service.yaml:2:1']);
    assert.deepEqual(after.report.results.filter((r) => r.ruleId !== 'meta/internal-error').map(key), before.report.results.map(key));
  });
});
