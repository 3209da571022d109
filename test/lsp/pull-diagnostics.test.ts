import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type {
  Diagnostic, DocumentDiagnosticReport, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { TestClient } from './harness';

/**
 * LSP 3.17 pull diagnostics: a client that announces `textDocument.diagnostic` pulls them per document and for the
 * whole workspace, with result ids; one that does not gets them pushed.
 */

const SERVICE = fs.readFileSync(path.join(__dirname, '../../server/src/cli/templates/example.service.yaml'), 'utf8');
/** The same service under another code: the twin no longer shares the code. */
const RECODED = SERVICE.replace('implementationCode: "511302000117004000001"', 'implementationCode: "511302000117004000002"');
const OPEN = 'open.service.yaml';
const CLOSED = 'closed.service.yaml';
const DUPLICATE = 'service/duplicate-code';

type Full = Extract<WorkspaceDocumentDiagnosticReport, { kind: 'full' }>;

function pullDocument(client: TestClient, rel: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return client.request('textDocument/diagnostic', { textDocument: { uri: client.uri(rel) }, previousResultId });
}

function pullWorkspace(client: TestClient, previous: WorkspaceDocumentDiagnosticReport[] = []): Promise<WorkspaceDiagnosticReport> {
  return client.request('workspace/diagnostic', { previousResultIds: previous.flatMap((i) => (i.resultId ? [{ uri: i.uri, value: i.resultId }] : [])) });
}

/** A client that pulls diagnostics, on a workspace of `files` with initial `settings`, disposed after `run`. */
async function withPullClient(files: Record<string, string>, run: (client: TestClient) => Promise<void>, settings?: Record<string, unknown>): Promise<void> {
  const client = await TestClient.start(files, 'en', undefined, { pull: true, settings });
  try {
    await run(client);
  } finally {
    await client.dispose();
  }
}

const itemOf = (report: WorkspaceDiagnosticReport, uri: string) => report.items.find((i) => i.uri === uri);
const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));

describe('pull diagnostics (LSP 3.17)', function () {
  this.timeout(60_000);

  it('registers a diagnostic provider only for a client that pulls, and pushes to the others', async () => {
    const pushed = await TestClient.start({ [OPEN]: SERVICE }, 'en');
    try {
      assert.strictEqual(pushed.initialized?.capabilities.diagnosticProvider, undefined);
      assert.ok((await pushed.open(OPEN)).length > 0, 'diagnostics are pushed');
    } finally {
      await pushed.dispose();
    }
    await withPullClient({ [OPEN]: SERVICE }, async (pulling) => {
      assert.deepStrictEqual(pulling.initialized?.capabilities.diagnosticProvider, { identifier: 'govspec', interFileDependencies: true, workspaceDiagnostics: true });
      await pulling.sendOpen(OPEN);
      const report = await pullDocument(pulling, OPEN);
      assert.strictEqual(report.kind, 'full');
      assert.ok(report.items.length > 0);
      await pulling.server.settled();
      assert.strictEqual(pulling.diagnostics.size, 0, 'nothing is pushed to a client that pulls');
    });
  });

  it('answers unchanged for a result id that still holds, and a new id when the findings change', async () => {
    await withPullClient({ [OPEN]: SERVICE }, async (client) => {
      await client.sendOpen(OPEN);
      const first = await pullDocument(client, OPEN);
      assert.ok(first.kind === 'full' && first.resultId);
      const again = await pullDocument(client, OPEN, first.resultId);
      assert.deepStrictEqual(again, { kind: 'unchanged', resultId: first.resultId });
      // An edit that leaves the findings as they were keeps the id.
      await client.sendChange(OPEN, `${SERVICE}# a comment\n`);
      assert.strictEqual((await pullDocument(client, OPEN, first.resultId)).kind, 'unchanged');
      await client.sendChange(OPEN, SERVICE.replace('caseType: "2"', 'caseType: "7"'));
      const changed = await pullDocument(client, OPEN, first.resultId);
      assert.ok(changed.kind === 'full' && changed.resultId !== first.resultId);
      assert.notDeepStrictEqual(codes(changed.items), codes(first.items));
    });
  });

  it('reports closed files after the first index, and a change in one file that changes a closed file\'s findings', async () => {
    await withPullClient({ [OPEN]: SERVICE, [CLOSED]: SERVICE }, async (client) => {
      const first = await pullWorkspace(client);
      const closed = itemOf(first, client.uri(CLOSED)) as Full | undefined;
      assert.ok(closed && closed.kind === 'full', 'the file never opened is reported');
      assert.strictEqual(closed.version, null);
      assert.ok(codes(closed.items).includes(DUPLICATE), 'with its cross-file finding');

      // Nothing changed: the request is held until something does.
      let edited = false;
      const held = pullWorkspace(client, first.items).then((report) => ({ report, edited }));
      await client.server.settled();
      const refreshed = client.waitForRefresh();
      edited = true;
      await client.sendOpen(OPEN, RECODED);
      await pullDocument(client, OPEN);
      const { report, edited: answeredAfterEdit } = await held;
      assert.ok(answeredAfterEdit, 'the held pull answered only after the edit');
      await refreshed;
      // The open file's new findings may come first; the closed one's follow once its dependents are linted again.
      const known = new Map([...first.items, ...report.items].map((i) => [i.uri, i]));
      let now = itemOf(report, client.uri(CLOSED));
      for (let round = 0; now?.kind !== 'full' && round < 5; round++) {
        const next = await pullWorkspace(client, [...known.values()]);
        for (const i of next.items) known.set(i.uri, i);
        now = itemOf(next, client.uri(CLOSED));
      }
      assert.ok(now && now.kind === 'full');
      assert.ok(!codes(now.items).includes(DUPLICATE), 'the closed file no longer has a twin');
    });
  });

  it('govspec.diagnostics.scope: openFiles reports only open files, and clears the closed ones reported before', async () => {
    await withPullClient({ [OPEN]: SERVICE, [CLOSED]: SERVICE }, async (client) => {
      const all = await pullWorkspace(client);
      assert.ok(itemOf(all, client.uri(CLOSED)));
      client.settings = { ...client.settings, diagnostics: { scope: 'openFiles' } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await client.sendOpen(OPEN);
      const open = await pullWorkspace(client, all.items);
      assert.deepStrictEqual(itemOf(open, client.uri(CLOSED)), { uri: client.uri(CLOSED), version: null, kind: 'full', resultId: (itemOf(open, client.uri(CLOSED)) as Full).resultId, items: [] });
      assert.strictEqual((itemOf(open, client.uri(OPEN)) as Full).version, 1);

      await withPullClient({ [OPEN]: SERVICE, [CLOSED]: SERVICE }, async (fresh) => {
        await fresh.sendOpen(OPEN);
        const report = await pullWorkspace(fresh);
        assert.deepStrictEqual(report.items.map((i) => i.uri), [fresh.uri(OPEN)]);
      }, { diagnostics: { scope: 'openFiles' } });
    });
  });

  it('reads govspec.diagnostics.scope from the settings cache: a second workspace pull asks the client nothing', async () => {
    await withPullClient({ [OPEN]: SERVICE, [CLOSED]: SERVICE }, async (client) => {
      const folder = client.uri('.').replace(/\/$/, '');
      const askedForFolder = () => client.configurationScopes.filter((scope) => scope?.replace(/\/$/, '') === folder).length;
      // Pulls without result ids: each is answered at once (one with ids that still hold would be held open).
      const first = await pullWorkspace(client);
      assert.ok(itemOf(first, client.uri(CLOSED)));
      const before = askedForFolder();
      assert.ok(before >= 1, `the folder's settings were asked for: ${client.configurationScopes.join(', ')}`);
      await pullWorkspace(client);
      assert.ok(itemOf(await pullWorkspace(client), client.uri(CLOSED)));
      assert.strictEqual(askedForFolder(), before, `later pulls asked again: ${client.configurationScopes.join(', ')}`);
      // A changed setting is read again: the cache lasts until didChangeConfiguration.
      await client.updateSettings({ diagnostics: { scope: 'openFiles' } });
      const open = await pullWorkspace(client);
      assert.strictEqual(askedForFolder(), before + 1);
      assert.strictEqual(itemOf(open, client.uri(CLOSED)), undefined, 'openFiles now: the closed file is not reported');
    });
  });
});
