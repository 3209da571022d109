/* eslint-disable @typescript-eslint/no-require-imports -- the traps replace functions on the module objects themselves; namespace imports are frozen copies */
import { strict as assert } from 'assert';
import childProcess = require('child_process'); // the module object itself, so its functions can be replaced
import dgram = require('dgram'); // the module object itself, so its functions can be replaced
import dns = require('dns'); // the module object itself, so its functions can be replaced
import * as fs from 'fs';
import http = require('http'); // the module object itself, so its functions can be replaced
import https = require('https'); // the module object itself, so its functions can be replaced
import net = require('net'); // the module object itself, so its functions can be replaced
import * as path from 'path';
import tls = require('tls'); // the module object itself, so its functions can be replaced
import { loadConfig } from '../../server/src/engine/config/load';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { lintTexts } from '../../server/src/engine/workspace-lint';
import { lintCommand } from '../../server/src/cli/commands/lint';
import type { CliContext } from '../../server/src/cli/context';
import { TestClient } from '../lsp/harness';
import { REPO, TODAY, fixtureTexts, seedDocuments } from './support';

/**
 * Issue 7, security: no code path opens a socket, resolves a name or starts a process. Every way out of the process
 * is replaced with a trap that records the attempt and throws; then the engine lints every example and fixture, the
 * CLI lints the examples in every format in-process, and the language server serves them over an in-memory pipe.
 */

type Target = Record<string, unknown>;
const attempts: string[] = [];
const restore: (() => void)[] = [];

function trap(owner: Target, name: string, label: string): void {
  const original = owner[name];
  if (typeof original !== 'function') return;
  owner[name] = function trapped() {
    attempts.push(label);
    throw new Error(`no-network test: ${label} was called`);
  };
  restore.push(() => { owner[name] = original; });
}

function installTraps(): void {
  trap(net.Socket.prototype as unknown as Target, 'connect', 'net.Socket#connect');
  for (const name of ['connect', 'createConnection']) trap(net as unknown as Target, name, `net.${name}`);
  trap(tls as unknown as Target, 'connect', 'tls.connect');
  for (const name of ['request', 'get']) {
    trap(http as unknown as Target, name, `http.${name}`);
    trap(https as unknown as Target, name, `https.${name}`);
  }
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) trap(dns as unknown as Target, name, `dns.${name}`);
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) trap(dns.promises as unknown as Target, name, `dns.promises.${name}`);
  trap(dgram as unknown as Target, 'createSocket', 'dgram.createSocket');
  trap(globalThis as unknown as Target, 'fetch', 'fetch');
  // Nothing is executed either (tags, config, file names): no process is started.
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) trap(childProcess as unknown as Target, name, `child_process.${name}`);
}

function cliContext(out: string[]): CliContext {
  return {
    cwd: REPO, env: { LANG: 'en_US.UTF-8' }, stdout: (t) => { out.push(t); }, stderr: (t) => { out.push(t); },
    stdoutIsTTY: false, stderrIsTTY: false, readStdin: async () => Buffer.alloc(0),
  };
}

describe('reliability: no network, no processes', function () {
  this.timeout(120_000);
  before(() => { attempts.length = 0; installTraps(); });
  after(() => { while (restore.length > 0) restore.pop()!(); });
  afterEach(() => assert.deepEqual(attempts, [], `a code path tried to leave the process: ${attempts.join(', ')}`));

  it('the traps work (a test that cannot fail proves nothing)', () => {
    assert.throws(() => http.get('http://127.0.0.1:9/'), /no-network test/);
    assert.throws(() => new net.Socket().connect(9, '127.0.0.1'), /no-network test/);
    assert.throws(() => dns.lookup('example.com', () => undefined), /no-network test/);
    assert.throws(() => childProcess.execSync('true'), /no-network test/);
    assert.deepEqual(attempts, ['http.get', 'net.Socket#connect', 'dns.lookup', 'child_process.execSync']);
    attempts.length = 0;
  });

  it('the engine lints every example and every rule fixture, and loads every config', () => {
    const examples = new Map(seedDocuments().map((d) => [d.file, d.text]));
    const fixtures = fixtureTexts();
    const configs = [...fixtures.keys()].filter((f) => f.endsWith('govspec.config.yaml'));
    for (const file of [...configs, 'examples/govspec.config.yaml']) {
      loadConfig(file, { read: (f) => (fs.existsSync(path.join(REPO, f)) ? fs.readFileSync(path.join(REPO, f), 'utf8') : undefined), resolve: (from, rel) => path.posix.join(path.posix.dirname(from), rel) });
    }
    const texts = new Map([...examples, ...[...fixtures].filter(([f]) => !f.endsWith('govspec.config.yaml'))]);
    const results = lintTexts(texts, { configFor: () => DEFAULT_CONFIG, today: TODAY });
    assert.equal(results.size, texts.size);
    assert.ok([...results.values()].some((r) => r.findings.length > 0), 'the fixtures produce findings');
  });

  for (const format of ['stylish', 'json', 'sarif', 'junit', 'github']) {
    it(`the CLI lints the examples in-process: --format ${format}`, async () => {
      const out: string[] = [];
      const code = await lintCommand(['examples', '--format', format, '--today', TODAY, '--no-progress'], cliContext(out));
      assert.ok(code === 0 || code === 1, `exit ${code}: ${out.join('')}`);
      assert.ok(out.join('').length > 0);
    });
  }

  it('the language server publishes diagnostics on open and on change, over an in-memory pipe', async () => {
    const files: Record<string, string> = {};
    for (const d of seedDocuments().filter((s) => s.file.startsWith('examples/'))) files[d.file.slice('examples/'.length)] = d.text;
    files['govspec.config.yaml'] = fs.readFileSync(path.join(REPO, 'examples/govspec.config.yaml'), 'utf8');
    const client = await TestClient.start(files);
    try {
      const rel = Object.keys(files).find((f) => f.endsWith('.service.yaml'))!;
      await client.open(rel);
      await client.change(rel, files[rel].replace('kind: Service', 'kind: Servce'));
    } finally {
      await client.dispose();
    }
  });
});
