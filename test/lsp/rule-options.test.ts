import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestClient } from './harness';

/**
 * Issue 14 over the protocol: a wrong rule option is a meta/config diagnostic at its key in the open config, and the
 * documents it governs are still linted, the rule at its default for that option.
 */

const TEMPLATES = path.join(__dirname, '../../server/src/cli/templates');
const CONFIG = fs.readFileSync(path.join(TEMPLATES, 'govspec.config.yaml'), 'utf8').replace('  service/max-one-visit: info', [
  '  service/max-one-visit: { severity: warning, visits: "one" }',
  '  agreement/reply-deadline: { workday: 3 }',
  '  agreement/validity: { maxYears: 0 }',
].join('\n'));
const SERVICE = fs.readFileSync(path.join(TEMPLATES, 'example.service.yaml'), 'utf8').replace('onSiteVisits: 0', 'onSiteVisits: 2');

/** 0-based line and character of `key:` on the line naming `rule`. */
function keyAt(rule: string, key: string): [number, number] {
  const lines = CONFIG.split('\n');
  const line = lines.findIndex((l) => l.includes(rule));
  return [line, lines[line].indexOf(`${key}:`)];
}

describe('language server: wrong rule options in the open config', function () {
  this.timeout(60_000);

  it('are meta/config diagnostics at their keys; the governed documents are linted with the defaults', async () => {
    const client = await TestClient.start({ 'govspec.config.yaml': CONFIG, 'example.service.yaml': SERVICE }, 'en');
    try {
      const config = await client.open('govspec.config.yaml');
      assert.deepEqual(config.map((d) => [d.code, d.range.start.line, d.range.start.character]), [
        ['meta/config', ...keyAt('max-one-visit', 'visits')],
        ['meta/config', ...keyAt('reply-deadline', 'workday')],
        ['meta/config', ...keyAt('validity', 'maxYears')],
      ]);
      assert.match(String(config[0].message), /takes a whole number of 0 or more, not the string "one"/);
      assert.match(String(config[1].message), /did you mean workdays\?/);
      const service = await client.open('example.service.yaml');
      const visit = service.filter((d) => d.code === 'service/max-one-visit');
      assert.deepEqual(visit.map((d) => d.severity), [2], 'reported at the severity set beside the wrong option (warning)');
    } finally {
      await client.dispose();
    }
  });
});
