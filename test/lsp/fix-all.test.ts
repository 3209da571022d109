import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, InitializeResult } from 'vscode-languageserver-protocol';
import { TestClient, exampleFiles } from './harness';
import { ensureBuilt, govspec } from '../cli/harness';
import { FIXTURE_TODAY } from '../support/fixtures';

const SERVICE = 'services/food-business-licence.service.yaml';

describe('language server: fix all (source.fixAll.govspec, for editor.codeActionsOnSave)', function () {
  let client: TestClient;
  let service: string;

  before(async () => {
    ensureBuilt();
    client = await TestClient.start(exampleFiles());
    service = client.text(SERVICE);
    await client.open(SERVICE);
  });
  after(() => client.dispose());

  const actions = (only?: string[]) => client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: client.uri(SERVICE) },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], ...(only ? { only } : {}) },
  });

  it('declares the kind beside quick fixes', async () => {
    const other = new TestClient(fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-lsp-')));
    const result = await other.request<InitializeResult>('initialize', { processId: null, rootUri: null, capabilities: {} });
    await other.dispose();
    const provider = result.capabilities.codeActionProvider as { codeActionKinds: string[] };
    assert.deepStrictEqual(provider.codeActionKinds, ['quickfix', 'source.fixAll.govspec']);
  });

  it('answers one action applying every safe fix, the text --fix writes', async () => {
    // Two safe fixes (a code that must be quoted, an original that sharing replaces), edited where neither overlaps.
    const broken = service.replace('type: "01"', 'type: 01').replace('caseType: "2"', 'caseType: 2');
    assert.notStrictEqual(broken, service);
    await client.change(SERVICE, broken);
    for (const only of [['source.fixAll.govspec'], ['source.fixAll'], ['source']]) {
      const answer = await actions(only);
      assert.strictEqual(answer.length, 1, `only ${only.join()}: ${answer.map((a) => a.title).join(', ')}`);
      assert.strictEqual(answer[0].kind, 'source.fixAll.govspec');
    }
    const [fixAll] = await actions(['source.fixAll.govspec']);
    const edits = fixAll.edit?.changes?.[client.uri(SERVICE)] ?? [];
    assert.ok(edits.length >= 2, `two fixes at least: ${JSON.stringify(edits)}`);
    assert.deepStrictEqual(Object.keys(fixAll.edit?.changes ?? {}), [client.uri(SERVICE)], 'only the document itself');
    const applied = TextDocument.applyEdits(TextDocument.create(client.uri(SERVICE), 'yaml', 1, broken), edits);

    fs.writeFileSync(path.join(client.root, SERVICE), broken);
    const cli = govspec(client.root, ['lint', '--today', FIXTURE_TODAY, '--fix', SERVICE]);
    assert.ok(cli.status === 0 || cli.status === 1, cli.stdout + cli.stderr);
    const written = fs.readFileSync(path.join(client.root, SERVICE), 'utf8');
    assert.notStrictEqual(written, broken, 'the CLI fixed something');
    assert.strictEqual(applied, written);
    fs.writeFileSync(path.join(client.root, SERVICE), service);
  });

  it('offers it beside the quick fixes when the request names no kind, and not for only quickfix', async () => {
    await client.change(SERVICE, service.replace('type: "01"', 'type: 01'));
    assert.ok((await actions()).some((a) => a.kind === 'source.fixAll.govspec'));
    assert.ok(!(await actions(['quickfix'])).some((a) => a.kind?.startsWith('source')));
  });

  it('answers nothing for a document without a safe fix', async () => {
    await client.change(SERVICE, service);
    const withoutFixes = (await client.request<{ diagnostics?: unknown }[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri(SERVICE) }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] },
    }));
    assert.deepStrictEqual(await actions(['source.fixAll.govspec']), []);
    assert.deepStrictEqual(withoutFixes, []);
  });
});
