import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './support';

/**
 * Issue 19, point 5: the extension host starts nothing but the language server. The client's own code names no
 * process, worker, terminal or task API; its one process is the server, `dist/server.js`, which the language client
 * forks over node IPC; and in the built bundle (read through its source map, module by module) the only modules that
 * reach `child_process` are the language client's own server start and stop.
 */

/** The modules and the VS Code APIs that start a process, a thread or a shell from an extension host. */
const PROCESS_APIS = /child_process|worker_threads|\bcluster\b|new\s+Worker\b|createTerminal|ShellExecution|ProcessExecution|CustomExecution|tasks\.executeTask|debug\.startDebugging/;
/** The calls themselves, in the client's own code (a regular expression's `.exec` is no process). */
const PROCESS_CALLS = /\bspawn(Sync)?\s*\(|(?<![.\w])exec(File)?(Sync)?\s*\(|\bexecFile(Sync)?\s*\(|\bfork\s*\(/;

/** The language client's modules that start and stop the server process (`LanguageClient.start`, `terminate`). */
const SERVER_START = ['node_modules/vscode-languageclient/lib/node/main.js', 'node_modules/vscode-languageclient/lib/node/processes.js'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []);
}

describe('reliability: the extension host spawns nothing but the language server', () => {
  it("the client's sources name no process, worker, terminal or task API", () => {
    const files = sources(join(REPO, 'client/src'));
    assert.ok(files.length >= 5, `client sources found: ${files.length}`);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, PROCESS_APIS, file);
      assert.doesNotMatch(text, PROCESS_CALLS, file);
    }
  });

  it('the one server it starts is dist/server.js, as a Node module over IPC (no command, no runtime)', () => {
    const text = readFileSync(join(REPO, 'client/src/extension.ts'), 'utf8');
    assert.equal(text.match(/new LanguageClient\(/g)?.length, 1);
    assert.match(text, /const module = context\.asAbsolutePath\('dist\/server\.js'\);/);
    const options = /const serverOptions: ServerOptions = \{([\s\S]*?)\n {2}\};/.exec(text)?.[1];
    assert.ok(options, 'serverOptions not found');
    for (const mode of ['run', 'debug']) assert.match(options, new RegExp(`${mode}: \\{ module, transport: TransportKind\\.ipc\\b`));
    assert.doesNotMatch(options, /\bcommand\s*:|\bruntime\s*:|\bshell\b/);
  });

  it('in the built bundle, only the language client reaches child_process, and nothing reaches threads, terminals or tasks', () => {
    const map = JSON.parse(readFileSync(join(REPO, 'dist/client.js.map'), 'utf8')) as { sources: string[]; sourcesContent: (string | null)[] };
    assert.equal(map.sourcesContent.length, map.sources.length, 'the source map carries every module');
    const reaching = map.sources.filter((_s, i) => PROCESS_APIS.test(map.sourcesContent[i] ?? '')).map((s) => s.replace(/^(\.\.\/)+/, ''));
    assert.deepEqual(reaching.sort(), [...SERVER_START].sort());
    // The bundle holds no other require of a process or thread module than those two modules' own.
    const bundle = readFileSync(join(REPO, 'dist/client.js'), 'utf8');
    assert.equal(bundle.match(/require\("child_process"\)/g)?.length, SERVER_START.length);
    assert.doesNotMatch(bundle, /require\("(worker_threads|cluster)"\)|createTerminal|ShellExecution|ProcessExecution/);
    assert.ok(map.sources.some((s) => s.endsWith('client/src/extension.ts')), 'the bundle is the extension');
  });
});
