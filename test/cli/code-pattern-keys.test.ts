import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace, ensureBuilt, jsonOf } from './harness';

/**
 * Issue 13: a code that fails `id/code-pattern` under the config governing its own file neither defines nor
 * collides, whoever refers to it — the definer's config decides, also in a sub-folder with a pattern of its own, on
 * worker threads and with `--cache` (a changed pattern must not leave the previous run's facts in force).
 */

const SERVICE = readFileSync(join(__dirname, '../../server/src/cli/templates/example.service.yaml'), 'utf8');
/** 22 digits: the template's 21-digit implementation code fails it. */
const STRICTER = "codePatterns:\n  implementationCode: '[0-9]{22}'\n";
const LINT = ['lint', '-f', 'json', '--today', '2026-01-01', '--locale', 'en', '--no-progress'];

function rulesByFile(ws: Workspace, extra: string[]): Record<string, string[]> {
  const r = ws.run([...LINT, ...extra, '.']);
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const out: Record<string, string[]> = {};
  for (const f of jsonOf(r).results) (out[f.file] ??= []).push(f.ruleId);
  for (const rules of Object.values(out)) rules.sort();
  return out;
}

const duplicates = (found: Record<string, string[]>) =>
  Object.entries(found).filter(([, rules]) => rules.includes('service/duplicate-code')).map(([file]) => file).sort();

describe('cli: a key failing its own config\'s code pattern defines nothing', function () {
  this.timeout(120_000);
  before(ensureBuilt);

  for (const [name, extra] of [['inline', []], ['worker threads', ['--concurrency', '2']], ['--cache', ['--cache']]] as const) {
    it(`${name}: the sub-folder's pattern decides, and a change of it takes effect`, () => {
      const ws = new Workspace().write({ 'one.service.yaml': SERVICE, 'x/govspec.config.yaml': 'extends: recommended\n', 'x/two.service.yaml': SERVICE });
      try {
        assert.deepEqual(duplicates(rulesByFile(ws, [...extra])), ['one.service.yaml', 'x/two.service.yaml'], 'one code twice: both report');
        ws.write({ 'x/govspec.config.yaml': STRICTER });
        const strict = rulesByFile(ws, [...extra]);
        assert.deepEqual(duplicates(strict), [], 'the copy under the stricter pattern collides with nothing');
        assert.ok(strict['x/two.service.yaml']?.includes('id/code-pattern'), JSON.stringify(strict));
        ws.write({ 'x/govspec.config.yaml': 'extends: recommended\n' });
        assert.deepEqual(duplicates(rulesByFile(ws, [...extra])), ['one.service.yaml', 'x/two.service.yaml'], 'the pattern relaxed again: both report');
      } finally {
        ws.cleanup();
      }
    });
  }
});
