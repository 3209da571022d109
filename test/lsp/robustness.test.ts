import * as assert from 'assert';
import type { CompletionList, Diagnostic } from 'vscode-languageserver-protocol';
import { cursorAt } from '../../server/src/engine/features/cursor';
import { parseYaml } from '../../server/src/engine/yaml/parse';
import { EDITOR_TEXT_BOUND } from '../../server/src/lsp/editor-bound';
import { TestClient } from './harness';

/**
 * Issue 21 points 12–14: the language server under a misbehaving client or an odd document. (Point 15, the wire
 * itself, runs against a real stdio child process: `stdio.test.ts`.)
 */

const SERVICE = `apiVersion: govspec/v1
kind: Service
name: 婚姻登记
type: "07"
`;

/** Characters JavaScript's regular expressions treat as line terminators or `\s`, which GovSpec's lines do not. */
const ODD_CHARACTERS = ['\u2028', '\u2029', '\u0085', '\u000B', '\u000C', '\u00A0', '\uFEFF'];

describe('language server robustness', function () {
  this.timeout(30_000);

  describe('point 13: completion on a line holding U+2028 and its kin', () => {
    for (const odd of ODD_CHARACTERS) {
      const code = odd.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      it(`cursorAt reads the line \`name: 婚${code}姻|\` as the key name`, () => {
        const text = SERVICE.replace('name: 婚姻登记', `name: 婚${odd}姻`);
        const parsed = parseYaml(text);
        const line = 2;
        const cursor = cursorAt('s.service.yaml', parsed, { line, character: `name: 婚${odd}姻`.length });
        assert.ok(cursor, 'a cursor');
        assert.strictEqual(cursor.key, 'name');
        assert.strictEqual(cursor.typed, `婚${odd}姻`);
      });
    }

    it('the server answers a completion after U+2028 on the line (it answered null, a TypeError logged)', async () => {
      const client = await TestClient.start({ 's.service.yaml': SERVICE });
      try {
        const text = SERVICE.replace('type: "07"', 'type: "0\u20287" # a\u2028b');
        await client.open('s.service.yaml', text);
        const list = await client.request<CompletionList | null>('textDocument/completion', {
          textDocument: { uri: client.uri('s.service.yaml') }, position: { line: 3, character: 'type: '.length },
        });
        assert.ok(list && list.items.some((i) => i.label === '01'), JSON.stringify(list));
        const after = await client.request<CompletionList | null>('textDocument/completion', {
          textDocument: { uri: client.uri('s.service.yaml') }, position: { line: 3, character: 'type: "0\u20287" # a\u2028'.length },
        });
        assert.ok(after !== null, 'an answer, not the fallback of a thrown error');
      } finally {
        await client.dispose();
      }
    });
  });

  describe('point 12: a document over the editor\'s size bound', () => {
    /** SERVICE padded with a comment line to exactly `length` characters. */
    const padded = (length: number) => `${SERVICE}#${'x'.repeat(length - SERVICE.length - 2)}\n`;

    it('is linted off the event loop (issue 16: it got one size finding instead); hover and completion on it answer nothing; other documents are served', async () => {
      const client = await TestClient.start({ 's.service.yaml': SERVICE, 'other.service.yaml': SERVICE });
      try {
        const big = padded(EDITOR_TEXT_BOUND + 1);
        assert.strictEqual(big.length, EDITOR_TEXT_BOUND + 1);
        const diagnostics = await client.open('s.service.yaml', big);
        const atBound = await client.open('other.service.yaml', padded(EDITOR_TEXT_BOUND));
        assert.ok(diagnostics.length > 0 && !diagnostics.some((d) => d.code === 'yaml/unsafe'), JSON.stringify(diagnostics.map((d) => d.code)));
        const placed = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.range]);
        assert.deepStrictEqual(placed(diagnostics), placed(atBound), 'the findings of the same text on the event loop');
        const at = { textDocument: { uri: client.uri('s.service.yaml') }, position: { line: 3, character: 7 } };
        assert.strictEqual(await client.request('textDocument/hover', at), null);
        assert.strictEqual(await client.request('textDocument/completion', at), null);
        const hover = await client.request<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: client.uri('other.service.yaml') }, position: { line: 3, character: 7 } });
        assert.ok(hover, 'the other document is served');
      } finally {
        await client.dispose();
      }
    });

    it('a document at the bound is linted as usual', async () => {
      const client = await TestClient.start({ 's.service.yaml': SERVICE });
      try {
        const diagnostics = await client.open('s.service.yaml', padded(EDITOR_TEXT_BOUND));
        assert.ok(diagnostics.length > 0 && !diagnostics.some((d) => d.code === 'yaml/unsafe'), JSON.stringify(diagnostics.map((d) => d.code)));
      } finally {
        await client.dispose();
      }
    });
  });

  describe('point 14: didChange ranges past the last line', () => {
    it('a range past the end is rejected: the server never holds the text twice, and a full text resynchronises', async () => {
      const client = await TestClient.start({ 's.service.yaml': SERVICE });
      try {
        const uri = client.uri('s.service.yaml');
        await client.open('s.service.yaml', SERVICE);
        // A client that lost track sends its whole text as an edit at a line the server's copy does not have.
        const rejected = client.waitForDiagnostics(uri, (p) => p.version === 2);
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 2 },
          contentChanges: [{ range: { start: { line: 40, character: 0 }, end: { line: 41, character: 0 } }, text: SERVICE }],
        });
        const diagnostics: Diagnostic[] = await rejected;
        assert.deepStrictEqual(diagnostics, [], "a lost document shows nothing, never findings on a text the client does not have");
        assert.strictEqual(client.server.documentText(uri)?.includes(SERVICE + SERVICE), false, 'never the document twice');
        // Later incremental edits are relative to a text the server does not know: ignored until a full text comes.
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 3 },
          contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# x\n' }],
        });
        const resynced = client.waitForDiagnostics(uri, (p) => p.version === 4);
        const edited = SERVICE.replace('type: "07"', 'type: 07');
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: edited }] });
        const after = await resynced;
        assert.strictEqual(client.server.documentText(uri), edited);
        assert.ok(after.some((d) => d.code === 'schema/type'), JSON.stringify(after));
      } finally {
        await client.dispose();
      }
    });

    it('a range within the text, or ending just past it, is applied as LSP says (characters past a line end clamp)', async () => {
      const client = await TestClient.start({ 's.service.yaml': SERVICE });
      try {
        const uri = client.uri('s.service.yaml');
        await client.open('s.service.yaml', SERVICE);
        const applied = client.waitForDiagnostics(uri, (p) => p.version === 2);
        await client.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version: 2 },
          contentChanges: [{ range: { start: { line: 3, character: 6 }, end: { line: 3, character: 99 } }, text: '07' }],
        });
        await applied;
        assert.strictEqual(client.server.documentText(uri), SERVICE.replace('type: "07"', 'type: 07'));
      } finally {
        await client.dispose();
      }
    });
  });
});
