import * as assert from 'assert';
import { WorkspaceIndex } from '../../server/src/engine/workspace';
import { contentSecurityPolicy, esc, htmlDocument, scriptJson } from '../../server/src/render/html';
import { renderServiceGuide } from '../../server/src/render/service-guide';
import { buildSharingGraph } from '../../server/src/render/sharing-graph';
import { renderSharingMap } from '../../server/src/render/sharing-map';
import { HOSTILE, hostileService } from './hostile';
import { finding } from './synthetic';

const NONCE = 'TestNonce0123456789';
const security = { nonce: NONCE, cspSource: 'vscode-resource:' };

/** Scripts and event handlers present in the markup, outside the page's own nonce-carrying scripts. */
function foreignMarkup(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) if (!m[0].includes(`nonce="${NONCE}"`) && !m[0].includes('type="application/json"')) out.push(m[0]);
  // An event handler is an attribute name; text inside a quoted attribute value (escaped) does not count.
  for (const m of html.matchAll(/<[a-z][^>]*>/gi)) if (/\son[a-z]+\s*=/i.test(m[0].replace(/"[^"]*"/g, '""'))) out.push(m[0]);
  for (const m of html.matchAll(/href="javascript:/gi)) out.push(m[0]);
  return out;
}

describe('render: escaping and page security', () => {
  it('escapes text and both quote kinds', () => {
    assert.strictEqual(esc(`<a href="x" title='y'>&`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
    assert.strictEqual(esc(undefined), '');
  });

  it('keeps </script> and line separators out of inline JSON', () => {
    const json = scriptJson({ s: '</script><!-- \u2028' });
    assert.ok(!json.includes('</script>') && !json.includes('<!--') && !json.includes('\u2028'));
    assert.deepStrictEqual(JSON.parse(json), { s: '</script><!-- \u2028' });
  });

  it('states the strict policy', () => {
    assert.strictEqual(contentSecurityPolicy(security),
      "default-src 'none'; style-src vscode-resource: 'nonce-TestNonce0123456789'; script-src 'nonce-TestNonce0123456789'; img-src vscode-resource: data:");
  });

  it('refuses a nonce that could break out of the policy', () => {
    assert.throws(() => htmlDocument({ nonce: "x' 'unsafe-inline", cspSource: '', locale: 'en', title: '', styles: [], body: '', scripts: [] }), /nonce/);
  });

  it('injects nothing from a hostile service guide, in both languages', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const html = renderServiceGuide(hostileService(), {
        ...security, locale, index: new WorkspaceIndex(),
        findings: [{ finding: finding('service/x', 'f.yaml', 3, HOSTILE), path: ['materials', 0, 'name'] }, { finding: finding('service/y', 'f.yaml', 1, HOSTILE), path: ['place'] }],
      });
      assert.deepStrictEqual(foreignMarkup(html), []);
      assert.ok(html.includes('&lt;script&gt;window.__injected=1&lt;/script&gt;&quot; onerror=&quot;'));
      assert.ok(html.includes('javascript:window.__injected=3'), 'a non-http URL is shown as text');
    }
  });

  it('injects nothing from hostile agency names on the map', () => {
    const index = new WorkspaceIndex();
    index.update({ file: 'a.yaml', agencies: [{ file: 'a.yaml', document: 0, path: [], uscc: 'U1', name: HOSTILE, aliases: [], region: HOSTILE, level: HOSTILE, parent: undefined }], resources: [], agreements: [
      { file: 'a.yaml', document: 1, path: [], id: HOSTILE, title: HOSTILE, provider: { uscc: 'U1', name: HOSTILE }, consumer: { uscc: 'U2', name: HOSTILE }, resources: [{ code: HOSTILE, items: [], path: [] }], validFrom: undefined, validTo: undefined },
    ], services: [], references: [] });
    const html = renderSharingMap(buildSharingGraph(index, [], '2026-01-01'), { ...security, locale: 'zh-CN', library: '/* library */' });
    assert.deepStrictEqual(foreignMarkup(html), []);
    const json = /<script type="application\/json" id="govspec-graph">([\s\S]*?)<\/script>/.exec(html)![1];
    assert.strictEqual(JSON.parse(json).graph.nodes[0].name, HOSTILE);
  });
});
