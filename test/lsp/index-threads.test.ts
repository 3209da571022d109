import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CompletionList, Diagnostic, Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { generateCorpus } from '../../bench/generate';
import { closedFileFacts, indexThreads } from '../../server/src/lsp/index-worker';
import type { ClosedFilesReader } from '../../server/src/lsp/index-worker';
import { LintWorkspaceRequest } from '../../server/src/lsp/protocol';
import { TestClient, exampleFiles } from './harness';

/**
 * Issue 19 point 4: the closed files of a workspace are indexed on worker threads running the server's bundle (so
 * `npm run build` first). What the server answers must be what it answers when it reads them on its event loop.
 */
const BUNDLE = path.resolve(__dirname, '../../dist/server.js');

/** The files of a small generated corpus, by relative path. */
async function generatedFiles(): Promise<Record<string, string>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-corpus-'));
  try {
    await generateCorpus({ scale: 'tiny', seed: 19, outDir: dir });
    const files: Record<string, string> = {};
    const walk = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ya?ml$/.test(entry.name)) files[path.relative(dir, full).split(path.sep).join('/')] = fs.readFileSync(full, 'utf8');
      }
    };
    walk(dir);
    return files;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A value with the client's root taken out of every URI, so two workspaces' answers compare. */
function relative<T>(client: TestClient, value: T): T {
  const root = client.uri('');
  return JSON.parse(JSON.stringify(value).split(root.endsWith('/') ? root : `${root}/`).join('<root>/')) as T;
}

/** Positions inside the values of the lines that refer to other files (agreements, resource codes, providers). */
function referencePositions(text: string): { line: number; character: number }[] {
  return text.split('\n').flatMap((line, i) => {
    const match = /^\s*(?:- )?(?:agreement|code|resource|provider|uscc|consumer|relatedResource)s?: ("?)(.+)/.exec(line);
    return match ? [{ line: i, character: line.indexOf(match[2]) + 1 }] : [];
  });
}

/** Everything the comparison reads of one server: the index (symbols), the workspace's findings, and per service file its references and completion. */
async function answers(client: TestClient, files: Record<string, string>): Promise<unknown> {
  const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
  await client.request(LintWorkspaceRequest.method, undefined);
  await client.server.settled();
  const diagnostics: Record<string, Diagnostic[]> = {};
  for (const [uri, list] of client.diagnostics) diagnostics[uri] = list;
  const features: unknown[] = [];
  for (const rel of Object.keys(files).filter((f) => f.endsWith('.service.yaml') || f.endsWith('.agreement.yaml')).sort().slice(0, 12)) {
    await client.open(rel);
    const textDocument = { uri: client.uri(rel) };
    for (const position of referencePositions(files[rel]).slice(0, 6)) {
      const references = await client.request<Location[]>('textDocument/references', { textDocument, position, context: { includeDeclaration: true } });
      const completion = await client.request<CompletionList>('textDocument/completion', { textDocument, position });
      features.push({ rel, position, references, completion: completion.items.map((item) => [item.label, item.textEdit]) });
    }
  }
  const sorted = Object.fromEntries(Object.entries(diagnostics).sort(([a], [b]) => a.localeCompare(b)));
  return relative(client, { symbols, diagnostics: sorted, features });
}

describe('lsp: indexing closed files on worker threads', function () {
  this.timeout(300_000);

  before(function () {
    if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is not built: run npm run build`);
  });

  const workspaces: [string, () => Promise<Record<string, string>>][] = [
    ['the examples', async () => exampleFiles()],
    ['a generated corpus', generatedFiles],
  ];
  for (const [name, filesOf] of workspaces) {
    it(`answers on ${name} exactly as the event loop's indexing does`, async () => {
      const files = await filesOf();
      const inline = await TestClient.start(files);
      const threaded = await TestClient.start(files, 'zh-CN', undefined, { closedFiles: indexThreads(BUNDLE, 2, 0) });
      try {
        const expected = await answers(inline, files);
        const actual = await answers(threaded, files);
        assert.ok(JSON.stringify(expected).includes('<root>/'), 'the comparison holds no location');
        assert.deepStrictEqual(actual, expected);
      } finally {
        await inline.dispose();
        await threaded.dispose();
      }
    });
  }

  it('reads the files in its own thread when the threads cannot start', async () => {
    const files = exampleFiles();
    const inline = await TestClient.start(files);
    const broken = await TestClient.start(files, 'zh-CN', undefined, { closedFiles: indexThreads(path.join(os.tmpdir(), 'no-such-bundle.js'), 2, 0) });
    try {
      const symbols = async (client: TestClient) => relative(client, await client.request<SymbolInformation[]>('workspace/symbol', { query: '' }));
      const expected = await symbols(inline);
      assert.ok(expected.length > 10, `${expected.length} symbols`);
      assert.deepStrictEqual(await symbols(broken), expected);
    } finally {
      await inline.dispose();
      await broken.dispose();
    }
  });

  it('reads again a file changed on disk while its facts were being read', async () => {
    const files = exampleFiles();
    const agreement = Object.keys(files).find((f) => f.endsWith('.agreement.yaml'))!;
    const id = /^id: "?([^"\n]+?)"?$/m.exec(files[agreement])![1];
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    let reading!: () => void;
    const started = new Promise<void>((resolve) => { reading = resolve; });
    // Reads every file at once, as a thread does, then hands the facts over only when the test says so.
    const held: ClosedFilesReader = {
      minFiles: 0,
      async read(jobs, take) {
        const facts = jobs.map((job) => closedFileFacts(job));
        reading();
        await released;
        jobs.forEach((job, i) => take(facts[i], job));
      },
    };
    let client!: TestClient;
    const ready = TestClient.start(files, 'zh-CN', undefined, { closedFiles: held, created: (c) => { client = c; } });
    await started;
    await client.writeOnDisk(agreement, files[agreement].replace(`id: ${id}`, `id: ${id}-NEW`).replace(`id: "${id}"`, `id: "${id}-NEW"`));
    // Answered after the server has taken the watcher's notification: the file is read again by then.
    await client.request('workspace/symbol', { query: id });
    release();
    await ready;
    try {
      const found = (await client.request<SymbolInformation[]>('workspace/symbol', { query: id })).filter((s) => s.location.uri === client.uri(agreement));
      assert.deepStrictEqual(found.map((s) => s.name.split(' ')[0]), [`${id}-NEW`]);
    } finally {
      await client.dispose();
    }
  });
});
