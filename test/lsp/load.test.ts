import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic, Hover, Range } from 'vscode-languageserver-protocol';
import { loadConfig } from '../../server/src/engine/config/load';
import { lintTexts } from '../../server/src/engine/workspace-lint';
import { canonicalUri, uriOfPath } from '../../server/src/lsp/files';
import { CLOSED_FILES_KEPT } from '../../server/src/lsp/parses';
import { FIXTURE_TODAY } from '../support/fixtures';
import { TestClient, exampleFiles } from './harness';
import { seeded } from '../../bench/generate/prng';

/**
 * Issue 7 item 4: the real server through thousands of seeded random edits (characters and lines inserted and
 * deleted, fragments of other documents pasted, version jumps), open/close churn, an open file deleted on disk and
 * the config edited on disk in the middle of it all. It must stay up, keep its caches bounded, and end showing for
 * every open document exactly what the engine computes for the same texts. GOVSPEC_LOAD_EDITS sets the number of
 * operations (the benchmark runs 20,000).
 */
const OPERATIONS = Number(process.env.GOVSPEC_LOAD_EDITS ?? 2_000);
const SEED = Number(process.env.GOVSPEC_LOAD_SEED ?? 20_260_601);
const HEAP_GROWTH_LIMIT_MB = 300;


/** Characters a person types into these files, YAML's own among them. */
const TYPED = [...'abcxyz0123456789:- "\'#\n\t{}[],|>&*!%@`', '政', '务', '海', '淀', '０'];

/** Offsets ⇄ positions over a plain text, for building range edits. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

class Session {
  readonly random: () => number;
  /** Open documents: relative path → text and version, as the client holds them. */
  readonly open = new Map<string, { text: string; version: number }>();

  /** `originals`: the texts the workspace started with, by relative path. */
  constructor(readonly client: TestClient, readonly originals: Record<string, string>, readonly files: string[], seed: number) {
    this.random = seeded(seed);
  }

  pick<T>(list: readonly T[]): T { return list[Math.floor(this.random() * list.length)]; }
  int(max: number): number { return Math.floor(this.random() * max); }

  async openFile(rel: string): Promise<void> {
    const text = this.client.text(rel);
    this.open.set(rel, { text, version: 1 });
    await this.client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.client.uri(rel), languageId: 'yaml', version: 1, text } });
  }

  async closeFile(rel: string): Promise<void> {
    this.open.delete(rel);
    await this.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.client.uri(rel) } });
  }

  /** One random edit of an open document, sent as a range change (sometimes the whole text) with its new version. */
  async edit(rel: string): Promise<void> {
    const doc = this.open.get(rel)!;
    const { text } = doc;
    const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
    const at = this.int(text.length + 1);
    let start = at;
    let end = at;
    let insert = '';
    switch (this.int(6)) {
      case 0: insert = Array.from({ length: 1 + this.int(3) }, () => this.pick(TYPED)).join(''); break;
      case 1: end = Math.min(text.length, at + 1 + this.int(8)); break;
      case 2: { // a whole line inserted (a copy of another line of this document)
        const line = this.int(lineStarts.length);
        start = end = lineStarts[line];
        const next = lineStarts[line + 1] ?? text.length;
        insert = text.slice(start, next) || '\n';
        break;
      }
      case 3: { // a whole line deleted
        const line = this.int(lineStarts.length);
        start = lineStarts[line];
        end = lineStarts[line + 1] ?? text.length;
        break;
      }
      case 4: { // a fragment of another document pasted
        const other = this.originals[this.pick(this.files)].split('\n');
        const from = this.int(other.length);
        insert = `${other.slice(from, from + 1 + this.int(12)).join('\n')}\n`;
        start = end = lineStarts[this.int(lineStarts.length)];
        break;
      }
      default: { // a typo fixed back: the text as it was on disk, now and then, so documents stay mostly valid
        doc.text = this.originals[rel];
        doc.version += 1 + this.int(5); // version jumps are allowed, only increase matters
        await this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.client.uri(rel), version: doc.version }, contentChanges: [{ text: doc.text }] });
        return;
      }
    }
    const range: Range = { start: positionAt(text, start), end: positionAt(text, end) };
    doc.text = text.slice(0, start) + insert + text.slice(end);
    doc.version += this.random() < 0.1 ? 2 + this.int(10) : 1;
    await this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.client.uri(rel), version: doc.version }, contentChanges: [{ range, text: insert }] });
  }

  /** A request at a random position; the answer may be empty but must come. */
  async ask(rel: string): Promise<void> {
    const { text } = this.open.get(rel)!;
    const position = positionAt(text, this.int(text.length + 1));
    const method = this.pick(['textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/documentSymbol']);
    await this.client.request(method, { textDocument: { uri: this.client.uri(rel) }, position, context: { includeDeclaration: true } });
  }
}

/** The engine's findings for the open documents, over the workspace as the server sees it (open texts win). */
function engineRows(client: TestClient, open: Map<string, { text: string }>, locale: 'zh-CN' | 'en'): Map<string, string[]> {
  const configText = client.text('govspec.config.yaml');
  const { config } = loadConfig('govspec.config.yaml', { read: () => configText, resolve: (_from, rel) => rel });
  assert.ok(config, 'the config stays usable');
  const texts = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      const rel = path.relative(client.root, full).split(path.sep).join('/');
      if (e.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(e.name) && e.name !== 'govspec.config.yaml' && !rel.startsWith('drafts/')) texts.set(canonicalUri(uriOfPath(full)), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(client.root);
  for (const [rel, doc] of open) texts.set(canonicalUri(client.uri(rel)), doc.text);
  const only = new Set([...open.keys()].map((rel) => canonicalUri(client.uri(rel))));
  const results = lintTexts(texts, { configFor: () => config, today: FIXTURE_TODAY, only });
  return new Map([...open.keys()].map((rel) => [rel, (results.get(canonicalUri(client.uri(rel)))?.findings ?? [])
    .map((f) => row(f.ruleId, f.range, f.message[locale])).sort()]));
}

function row(ruleId: string, r: Range, message: string): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${ruleId} ${message}`;
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe('language server under load: random edits, churn, deletions and a config change', function () {
  this.timeout(Math.max(60_000, OPERATIONS * 60));

  it(`stays up, bounded and in agreement with the engine after ${OPERATIONS} operations`, async () => {
    const files = exampleFiles();
    const client = await TestClient.start(files);
    try {
      const candidates = Object.keys(files).filter((rel) => /\.ya?ml$/.test(rel) && rel !== 'govspec.config.yaml' && !rel.startsWith('drafts/'));
      const session = new Session(client, files, candidates, SEED);
      for (const rel of candidates.slice(0, 6)) await session.openFile(rel);
      await client.server.settled();
      const heapBefore = heapMb();
      const deleteAt = Math.floor(OPERATIONS / 3);
      const configAt = Math.floor(OPERATIONS / 2);
      let deleted: string | undefined;

      for (let i = 0; i < OPERATIONS; i++) {
        const openNow = [...session.open.keys()];
        const roll = session.random();
        if (i === deleteAt) {
          // An open file deleted on disk: its buffer stays what the server shows.
          deleted = openNow.find((rel) => rel.startsWith('catalogs/')) ?? openNow[0];
          fs.unlinkSync(path.join(client.root, deleted));
          await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(deleted), type: 3 }] });
        } else if (i === configAt) {
          // The config edited on disk while lints are pending, and the settings pushed again.
          const config = client.text('govspec.config.yaml').replace('extends: recommended', 'extends: strict');
          await client.writeOnDisk('govspec.config.yaml', config);
          await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { govspec: client.settings } });
        } else if (roll < 0.04 && openNow.length > 1) {
          await session.closeFile(session.pick(openNow));
        } else if (roll < 0.08) {
          const closed = candidates.filter((rel) => !session.open.has(rel) && rel !== deleted);
          if (closed.length > 0) await session.openFile(session.pick(closed));
        } else if (roll < 0.12 && openNow.length > 0) {
          await session.ask(session.pick(openNow));
        } else if (openNow.length > 0) {
          await session.edit(session.pick(openNow));
        }
        // Let debounced lints run now and then, as between a person's keystrokes.
        if (session.random() < 0.05) await new Promise((resolve) => setTimeout(resolve, session.int(30)));
        else await new Promise((resolve) => setImmediate(resolve));
      }

      await client.server.settled();
      const last = [...session.open.keys()][0];
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri(last) }, position: { line: 0, character: 1 } });
      assert.ok(hover === null || typeof hover === 'object', 'the server still answers');

      const sizes = client.server.cacheSizes();
      assert.strictEqual(sizes.pendingLints, 0);
      assert.ok(sizes.lintCosts <= sizes.open && sizes.published <= candidates.length + 1, JSON.stringify(sizes));
      assert.ok(sizes.closedParses <= CLOSED_FILES_KEPT, JSON.stringify(sizes));
      assert.ok(sizes.settings <= sizes.open + 1, JSON.stringify(sizes));
      const growth = heapMb() - heapBefore;
      assert.ok(growth < HEAP_GROWTH_LIMIT_MB, `heap grew by ${growth.toFixed(0)} MB`);

      const expected = engineRows(client, session.open, 'zh-CN');
      for (const [rel, doc] of session.open) {
        const shown = (client.diagnostics.get(client.uri(rel)) ?? []).map((d: Diagnostic) => row(String(d.code), d.range, typeof d.message === 'string' ? d.message : d.message.value)).sort();
        assert.deepStrictEqual(shown, expected.get(rel), `${rel} (version ${doc.version})`);
      }
    } finally {
      await client.dispose();
    }
  });
});
