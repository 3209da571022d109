import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegularFile } from '../../server/src/host/read-regular';
import { TODAY, Workspace, ensureBuilt, initialised, jsonOf } from '../cli/harness';
import type { CliResult } from '../cli/harness';
import { TestClient } from '../lsp/harness';

/**
 * Issue 21 point 4: inputs that never end, as an untrusted pull request can commit them. Only regular files are read
 * (a symbolic link only to a regular file inside the workspace), and reads are bounded by the bytes actually read.
 * Each case gets a finding on the file (or `meta/config` for a config), never a hang or a memory blow-up, in the CLI
 * and in the language server. Mocha's timeout is the hang detector: before the fix these runs never ended.
 */

const SERVICE = 'example.service.yaml';

function mkfifo(path: string): void {
  const r = spawnSync('mkfifo', [path]);
  assert.equal(r.status, 0, `mkfifo: ${r.stderr}`);
}

/** The single finding on `file`, after checking the run reported the other files as usual (exit 1: this error). */
function onlyFindingOn(r: CliResult, file: string) {
  assert.equal(r.status, 1, r.stderr);
  const report = jsonOf(r);
  const findings = report.results.filter((f) => f.file === file);
  assert.equal(findings.length, 1, JSON.stringify(report.results));
  assert.deepEqual(report.results.filter((f) => f.file !== file), [], 'the other files are linted and clean');
  assert.equal(report.summary.files, 5, 'the four template files and this one are all in the report');
  return findings[0];
}

describe('reliability: inputs that never end', function () {
  this.timeout(60_000);

  describe('readRegularFile, the hosts\' one reader', () => {
    it('bounds by the bytes it reads, not by stat: a /proc file says 0 bytes', () => {
      const whole = readRegularFile('/proc/self/status', { maxBytes: 1 << 20 });
      assert.equal(whole.kind, 'bytes');
      assert.ok(whole.kind === 'bytes' && whole.bytes.length > 10);
      const bounded = readRegularFile('/proc/self/status', { maxBytes: 10 });
      assert.equal(bounded.kind, 'too-big');
    });

    it('a file exactly at the bound is read; one byte more is too big', () => {
      const dir = mkdtempSync(join(tmpdir(), 'govspec-read-'));
      try {
        writeFileSync(join(dir, 'f'), 'x'.repeat(100));
        assert.equal(readRegularFile(join(dir, 'f'), { maxBytes: 100 }).kind, 'bytes');
        assert.equal(readRegularFile(join(dir, 'f'), { maxBytes: 99 }).kind, 'too-big');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('refuses devices, FIFOs and folders without reading them, and says what they are', () => {
      const dir = mkdtempSync(join(tmpdir(), 'govspec-read-'));
      try {
        mkfifo(join(dir, 'pipe'));
        assert.deepEqual(readRegularFile('/dev/zero', { maxBytes: 1 << 20 }), { kind: 'refused', why: 'not a regular file (a character device)' });
        assert.deepEqual(readRegularFile(join(dir, 'pipe'), { maxBytes: 1 << 20 }), { kind: 'refused', why: 'not a regular file (a FIFO)' });
        assert.deepEqual(readRegularFile(dir, { maxBytes: 1 << 20 }), { kind: 'refused', why: 'not a regular file (a folder)' });
        assert.deepEqual(readRegularFile(join(dir, 'none'), { maxBytes: 1 << 20 }), { kind: 'gone' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('the CLI', () => {
    let ws: Workspace;
    before(ensureBuilt);
    beforeEach(() => { ws = initialised(); });
    afterEach(() => ws.cleanup());

    const lint = (...extra: string[]) => ws.run(['lint', '--today', TODAY, '-f', 'json', '--no-progress', ...extra]);

    for (const device of ['/dev/zero', '/dev/urandom']) {
      it(`a document that is a symbolic link to ${device}: a finding on it, the others linted (1 thread, 2 threads, --cache, --fix)`, () => {
        symlinkSync(device, ws.path('zero.service.yaml'));
        for (const extra of [[], ['--concurrency', '2'], ['--cache'], ['--cache'], ['--fix']]) {
          const finding = onlyFindingOn(lint(...extra), 'zero.service.yaml');
          assert.equal(finding.ruleId, 'yaml/syntax', extra.join(' '));
          assert.match(finding.message, /not a regular file \(a character device\)/);
        }
      });
    }

    it('a FIFO named x.service.yaml: a finding on it, no hang', () => {
      mkfifo(ws.path('x.service.yaml'));
      for (const extra of [[], ['--concurrency', '2'], ['--cache'], ['--fix']]) {
        const finding = onlyFindingOn(lint(...extra), 'x.service.yaml');
        assert.match(finding.message, /not a regular file \(a FIFO\)/, extra.join(' '));
      }
      // Named on the command line too.
      const named = ws.run(['lint', '--today', TODAY, '-f', 'json', 'x.service.yaml']);
      assert.equal(named.status, 1, named.stderr);
      assert.match(jsonOf(named).results[0].message, /a FIFO/);
    });

    it('a symbolic link to a document outside the workspace is not read; one inside is linted', () => {
      const outside = mkdtempSync(join(tmpdir(), 'govspec-outside-'));
      try {
        writeFileSync(join(outside, 'far.service.yaml'), ws.read(SERVICE));
        symlinkSync(join(outside, 'far.service.yaml'), ws.path('far.service.yaml'));
        const finding = onlyFindingOn(lint(), 'far.service.yaml');
        assert.match(finding.message, /a symbolic link to a file outside the workspace/);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    });

    for (const target of ['/dev/zero', 'fifo']) {
      it(`extends: ${target}: one line meta/config, exit 2, no hang`, () => {
        const extended = target === 'fifo' ? ws.path('shared.yaml') : target;
        if (target === 'fifo') mkfifo(extended);
        ws.write({ 'govspec.config.yaml': ws.read('govspec.config.yaml').replace(/^extends: .*$/m, `extends: ${extended}`) });
        const r = lint();
        assert.equal(r.status, 2, r.stderr);
        const lines = r.stderr.split('\n').filter((l) => l !== '');
        assert.equal(lines.length, 1, r.stderr);
        assert.match(lines[0], /meta\/config/);
        // What is wrong with the file, not "does not exist": it is there, and it is no regular file.
        assert.match(lines[0], /not a regular file \(a (FIFO|character device)\)/);
      });
    }

    it('govspec.config.yaml itself a FIFO: one line meta/config, exit 2', () => {
      rmSync(ws.path('govspec.config.yaml'));
      mkfifo(ws.path('govspec.config.yaml'));
      const r = lint();
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /^govspec\.config\.yaml:1:1 meta\/config .*\n$/);
      assert.match(r.stderr, /not a regular file \(a FIFO\)/);
    });

    it('merge of a FIFO or a device: one line, exit 2', () => {
      mkfifo(ws.path('shard.json'));
      for (const path of ['shard.json', '/dev/zero']) {
        // The workspace's config says zh-CN (init writes it); the expectation is the English line.
        const r = ws.run(['merge', '--locale', 'en', path]);
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr, /^govspec merge: cannot read the report .*not a regular file.*\n$/);
      }
    });
  });

  describe('the language server', () => {
    for (const target of ['/dev/zero', 'fifo']) {
      it(`extends: ${target}: meta/config on the config, and the server goes on answering`, async () => {
        const elsewhere = mkdtempSync(join(tmpdir(), 'govspec-lsp-fifo-'));
        const extended = target === 'fifo' ? join(elsewhere, 'shared.yaml') : target;
        if (target === 'fifo') mkfifo(extended);
        const client = await TestClient.start({ 'doc.service.yaml': 'apiVersion: govspec/v1\nkind: Service\n', 'govspec.config.yaml': `extends: ${extended}\n` });
        try {
          const configDiagnostics = client.waitForDiagnostics(client.uri('govspec.config.yaml'));
          await client.open('doc.service.yaml');
          const diagnostics = await configDiagnostics;
          assert.ok(diagnostics.some((d) => d.code === 'meta/config'), JSON.stringify(diagnostics));
          const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('doc.service.yaml') } });
          assert.ok(Array.isArray(symbols));
        } finally {
          await client.dispose();
          rmSync(elsewhere, { recursive: true, force: true });
        }
      });
    }
  });
});
