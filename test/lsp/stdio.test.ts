import * as assert from 'assert';
import { spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureBuilt } from '../cli/harness';

/**
 * Issue 21 point 15, over a real stdio child process of the built `dist/server.js`: a request before `initialize`
 * gets error -32002; after a bad `Content-Length` (not a number, missing, or not matching its body) the server exits
 * with one line on stderr instead of staying alive answering nothing. Waits are on the process's own events.
 */

const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');

interface Reply { id: number; result?: unknown; error?: { code: number; message: string } }

class StdioServer {
  readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(readonly root: string) {
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => { this.stderr += d; });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as Reply & { method?: string };
      this.buffer = this.buffer.subarray(end + 4 + length);
      if (message.id !== undefined && message.method === undefined) this.waiting.get(message.id)?.(message);
      // Requests from the server (configuration, registration) are answered with nothing useful but valid.
      else if (message.id !== undefined) this.write({ jsonrpc: '2.0', id: message.id, result: message.method === 'workspace/configuration' ? [{}] : null });
    }
  }

  write(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.raw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  raw(bytes: Buffer | string): void {
    this.child.stdin!.write(bytes);
  }

  request(id: number, method: string, params: unknown): Promise<Reply> {
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  initialize(id = 1): Promise<Reply> {
    return this.request(id, 'initialize', { processId: null, rootUri: null, capabilities: {} });
  }
}

describe('language server over stdio (dist/server.js)', function () {
  this.timeout(30_000);
  let root: string;
  let server: StdioServer | undefined;

  before(ensureBuilt);
  beforeEach(() => { root = fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-stdio-')); });
  afterEach(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill();
      await server.exited;
    }
    server = undefined;
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a request before initialize gets error -32002, whatever the method; after initialize it is served', async () => {
    server = new StdioServer(root);
    const hover = await server.request(1, 'textDocument/hover', { textDocument: { uri: 'file:///x.service.yaml' }, position: { line: 0, character: 0 } });
    assert.strictEqual(hover.error?.code, -32002, JSON.stringify(hover));
    const unknown = await server.request(2, 'govspec/noSuchMethod', {});
    assert.strictEqual(unknown.error?.code, -32002, JSON.stringify(unknown));
    const init = await server.initialize(3);
    assert.ok((init.result as { capabilities: object }).capabilities, JSON.stringify(init));
    const after = await server.request(4, 'workspace/symbol', { query: 'x' });
    assert.deepStrictEqual(after.result, []);
    const stillUnknown = await server.request(5, 'govspec/noSuchMethod', {});
    assert.strictEqual(stillUnknown.error?.code, -32601, 'method not found once initialized');
    await server.request(6, 'shutdown', null);
    server.write({ jsonrpc: '2.0', method: 'exit' });
    assert.strictEqual(await server.exited, 0, 'exit after shutdown is code 0');
  });

  const BAD_FRAMES: Record<string, string> = {
    'Content-Length not a number': 'Content-Length: abc\r\n\r\n{}',
    'no Content-Length': 'Content-Type: application/vscode-jsonrpc\r\n\r\n{}',
    'a Content-Length shorter than the body': 'Content-Length: 5\r\n\r\n{"jsonrpc":"2.0","id":9,"method":"shutdown"}',
  };

  for (const [name, frame] of Object.entries(BAD_FRAMES)) {
    it(`${name}: the server exits with one line on stderr, not alive and silent`, async () => {
      server = new StdioServer(root);
      await server.initialize();
      server.raw(frame);
      const code = await server.exited;
      assert.strictEqual(code, 1);
      const lines = server.stderr.split('\n').filter((l) => l !== '');
      assert.strictEqual(lines.length, 1, server.stderr);
      assert.match(lines[0], /^govspec language server: the client's messages cannot be read \(.+\); exiting$/);
    });
  }

  it('the client closing standard input ends the server', async () => {
    server = new StdioServer(root);
    await server.initialize();
    server.child.stdin!.end();
    assert.strictEqual(await server.exited, 1, 'an end without shutdown is code 1 (LSP)');
  });
});
