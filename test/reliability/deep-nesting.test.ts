import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { Composer, Parser, isCollection, isPair, visit } from 'yaml';
import type { CST, Document } from 'yaml';
import { SLICE_LEVELS, composeDocuments } from '../../server/src/engine/yaml/deep';
import { TODAY, Workspace, ensureBuilt, initialised, jsonOf } from '../cli/harness';
import { lint } from './support';

/**
 * Issue 21, point 9: the nesting bound is the explicit one (1,000 levels) in every thread, whatever its stack: deep
 * documents are composed in slices, so a 900-level `x-` field is no finding on any thread, and the file keeps its
 * other findings with `--concurrency 1` and `2` alike.
 */

const OPTIONS = { schema: 'core', uniqueKeys: false, merge: false, prettyErrors: false, strict: true } as const;
const SERVICE_HEAD = 'apiVersion: govspec/v1\nkind: Service\n';

/** Every node's type, range and scalar value, in document order: what placement and data read of a tree. */
function shape(doc: Document.Parsed): string[] {
  const out: string[] = [JSON.stringify(doc.errors.map((e) => [e.code, e.pos]))];
  visit(doc, (key, node) => {
    if (isPair(node)) return;
    const n = node as { range?: number[]; value?: unknown };
    out.push(`${String(key)} ${isCollection(node) ? 'collection' : typeof n.value} ${JSON.stringify(n.range)} ${isCollection(node) ? '' : JSON.stringify(n.value)}`);
  });
  return out;
}

const flowSeq = (n: number) => `x: ${'['.repeat(n)}1, 'a'${']'.repeat(n)}\ny: 2\n`;
const flowMap = (n: number) => `x: ${'{a: '.repeat(n)}"q"${', b: [1]}'.repeat(n)}\n`;
const blockMap = (n: number) => `x:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i + 1)}k${i % 3}:`).join('\n')} |\n${' '.repeat(n + 2)}text\n`;
const blockSeq = (n: number) => `x:\n${'- '.repeat(n)}1\n- [a, {b: c}]\n`;
const broken = (n: number) => `x: ${'['.repeat(n)}1, : ]${']'.repeat(n - 1)}\n`;

/** lintFile in a worker thread whose stack is `stackSizeMb`, on the source (tsx registers the TypeScript). */
function lintInThread(text: string, stackSizeMb: number): Promise<unknown> {
  const code = `
    require('tsx/cjs');
    const { parentPort, workerData } = require('node:worker_threads');
    const { lintFile } = require(${JSON.stringify(path.resolve(__dirname, '../../server/src/engine/lint.ts'))});
    const { DEFAULT_CONFIG } = require(${JSON.stringify(path.resolve(__dirname, '../../server/src/engine/config/types.ts'))});
    parentPort.postMessage(lintFile({ file: 'deep.service.yaml', text: workerData, config: DEFAULT_CONFIG, today: '2026-06-01' }).findings);`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: text, resourceLimits: { stackSizeMb } });
    worker.once('message', (m) => { resolve(m); void worker.terminate(); });
    worker.once('error', reject);
  });
}

describe('reliability: deep nesting, the same bound in every thread (issue 21)', function () {
  this.timeout(120_000);

  it('composing in slices gives the very tree the composer gives in one piece', () => {
    for (const make of [flowSeq, flowMap, blockMap, blockSeq, broken]) {
      for (const n of [SLICE_LEVELS - 2, SLICE_LEVELS + 1, 2 * SLICE_LEVELS + 3, 300]) {
        const text = make(n);
        const tokens = () => Array.from(new Parser().parse(text)) as CST.Token[];
        const whole = Array.from(new Composer(OPTIONS).compose(tokens())) as Document.Parsed[];
        const sliced = composeDocuments(tokens(), OPTIONS);
        assert.equal(sliced.length, whole.length);
        sliced.forEach((doc, i) => assert.deepEqual(shape(doc), shape(whole[i]), `${make.name}(${n})`));
        assert.deepEqual(sliced.map((d) => d.toJS()), whole.map((d) => d.toJS()), `${make.name}(${n})`);
      }
    }
  });

  it('900 levels in an x- field are no finding, and 1,001 one yaml/unsafe at the same node, on a 1 MB and an 8 MB stack', async () => {
    const within = `${SERVICE_HEAD}x-deep: ${'['.repeat(900)}${']'.repeat(900)}\nnmae: x\n`;
    const past = `${SERVICE_HEAD}x-deep: ${'['.repeat(1000)}${']'.repeat(1000)}\n`;
    const here = { within: lint(within, 'deep.service.yaml'), past: lint(past, 'deep.service.yaml') };
    assert.ok(!here.within.some((f) => f.ruleId.startsWith('yaml/')), JSON.stringify(here.within.map((f) => f.ruleId)));
    assert.ok(here.within.some((f) => f.ruleId === 'schema/unknown-field'), 'the document is checked');
    assert.deepEqual(here.past.map((f) => [f.ruleId, f.range.start]), [['yaml/unsafe', { line: 2, character: 8 + 999 }]]);
    for (const stack of [1, 8]) {
      assert.deepEqual(await lintInThread(within, stack), here.within, `within, ${stack} MB`);
      assert.deepEqual(await lintInThread(past, stack), here.past, `past, ${stack} MB`);
    }
  });

  describe('through the built CLI', () => {
    let ws: Workspace;
    before(() => ensureBuilt());
    beforeEach(() => {
      ws = initialised();
      const service = ws.read('example.service.yaml').replace('type: "01"', `type: 01\nx-deep: ${'['.repeat(900)}${']'.repeat(900)}`);
      ws.write({ 'example.service.yaml': service });
    });
    afterEach(() => ws.cleanup());

    it('--concurrency 1 and 2 report the same, the file\'s real finding included', () => {
      const runs = ['1', '2'].map((n) => ws.run(['lint', '--today', TODAY, '-f', 'json', '--no-progress', '--concurrency', n]));
      for (const r of runs) assert.equal(r.status, 1, r.stderr);
      assert.equal(runs[1].stdout, runs[0].stdout);
      assert.deepEqual(jsonOf(runs[0]).results.map((f) => [f.file, f.ruleId]), [['example.service.yaml', 'schema/type']]);
    });
  });
});
