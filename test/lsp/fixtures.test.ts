import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { caseTexts, casesOf, lintCase, ruleFolders } from '../support/fixtures';
import { TestClient } from './harness';

/** One line per finding: the same ids at the same ranges, whoever computed them. */
function row(file: string, ruleId: string, r: Diagnostic['range']): string {
  return `${file}:${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${ruleId}`;
}

/**
 * Every rule fixture, linted by the language server (the whole case folder as its workspace, "lint workspace"),
 * gives the diagnostics the engine gives the CLI.
 */
describe('language server diagnostics equal the engine findings on every rule fixture', function () {
  this.timeout(60_000);
  const cases = ruleFolders().flatMap((rule) => casesOf(rule).map((c) => ({ rule, ...c })));

  for (const c of cases) {
    it(`${c.rule} ${c.kind}/${path.basename(c.path)}`, async () => {
      const texts = caseTexts(c.path);
      const files = Object.fromEntries(texts);
      const client = await TestClient.start(files, 'en');
      try {
        await client.request('govspec/lintWorkspace', undefined);
        const actual: string[] = [];
        for (const file of texts.keys()) {
          for (const d of client.diagnostics.get(client.uri(file)) ?? []) actual.push(row(file, String(d.code), d.range));
        }
        const expected = lintCase(c.path).map((f) => row(f.file, f.ruleId, f.range));
        assert.deepStrictEqual(actual.sort(), expected.sort());
      } finally {
        await client.dispose();
      }
    });
  }

  it('covers at least one case', () => {
    assert.ok(cases.length > 0 || !fs.existsSync(path.resolve(__dirname, '../../server/src/engine/rules')));
  });
});
