import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { EDITOR_TEXT_BOUND } from '../../server/src/lsp/editor-bound';
import { lintOffThread } from '../../server/src/lsp/lint-worker';
import { legacyCatalog } from '../../bench/generate/legacy-catalog';
import { FIXTURE_TODAY } from '../support/fixtures';
import { TestClient, exampleFiles } from './harness';

/**
 * Issue 16 point 1 and issue 19 point 4: a document over the editor's 2 MiB bound is linted on a worker thread, so
 * that requests are answered while it is linted. Tested by order, never by time.
 */

/** A service whose finding needs another file (an expired agreement), with its related location there. */
const SERVICE = 'services/food-business-licence.service.yaml';

/** `text` with a comment line appended, to just over the editor's bound: the same findings at the same places. */
const overBound = (text: string) => `${text}#${'x'.repeat(EDITOR_TEXT_BOUND - text.length)}\n`;

const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => ({
  code: d.code, range: d.range, message: d.message, related: d.relatedInformation?.map((r) => [r.location.uri, r.location.range, r.message]),
}));

describe('language server: documents over the editor\'s bound', function () {
  this.timeout(120_000);

  it('are linted (on the worker) to the findings the same text gets on the event loop, cross-file ones included', async () => {
    const client = await TestClient.start(exampleFiles(), 'en');
    try {
      const text = client.text(SERVICE);
      const small = await client.open(SERVICE);
      assert.ok(small.some((d) => d.relatedInformation?.some((r) => r.location.uri.includes('/agreements/'))), JSON.stringify(summary(small)));
      const big = overBound(text);
      assert.ok(big.length > EDITOR_TEXT_BOUND);
      const diagnostics = await client.change(SERVICE, big);
      assert.deepStrictEqual(summary(diagnostics), summary(small));
      assert.ok(!diagnostics.some((d) => d.code === 'yaml/unsafe'));
    } finally {
      await client.dispose();
    }
  });

  it('a hover on another document and on the big one answer before the big one\'s diagnostics', async () => {
    const client = await TestClient.start(exampleFiles(), 'en');
    try {
      const other = 'services/marriage-registration.service.yaml';
      await client.open(other);
      const bigUri = client.uri(SERVICE);
      const events: string[] = [];
      const hoverAt = (rel: string) => ({ textDocument: { uri: client.uri(rel) }, position: { line: 3, character: 2 } });
      let hovers: Promise<unknown> | undefined;
      // The big document's lint starts once the server has its settings; the hovers are sent on the next turn of the
      // event loop, which the server shares with this test: a lint on that loop would be over before they are sent.
      client.connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string }[] }) => {
        if (p.items.some((item) => item.scopeUri === bigUri) && !hovers) {
          setImmediate(() => {
            hovers = Promise.all([other, SERVICE].map((rel) => client.request('textDocument/hover', hoverAt(rel)).then((answer) => {
              events.push(`hover ${rel}`);
              return answer;
            })));
          });
        }
        return p.items.map(() => client.settings);
      });
      const published = client.waitForDiagnostics(bigUri, () => events.push('diagnostics') > 0, 60_000);
      await client.sendOpen(SERVICE, overBound(client.text(SERVICE)));
      const diagnostics = await published;
      const [otherHover] = await hovers! as [unknown, unknown];
      assert.ok(otherHover, 'the other document is hovered');
      assert.deepStrictEqual(events, [`hover ${other}`, `hover ${SERVICE}`, 'diagnostics']);
      assert.ok(diagnostics.length > 0);
    } finally {
      await client.dispose();
    }
  });

  it('the worker gives back the first findings and the counts of all of them', () => {
    const text = legacyCatalog(20);
    const reply = lintOffThread({ file: 'legacy.catalog.yaml', text, config: DEFAULT_CONFIG, today: FIXTURE_TODAY, facts: [], limit: 7 });
    assert.strictEqual(reply.findings.length, 7);
    assert.ok(reply.counts.errors + reply.counts.warnings + reply.counts.infos >= 20 * 8, JSON.stringify(reply.counts));
    assert.ok(reply.lookups.length > 0, 'the look-ups it made come back');
  });
});
