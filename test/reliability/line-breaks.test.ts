import { strict as assert } from 'node:assert';
import { lintCommand } from '../../server/src/cli/commands/lint';
import type { CliContext } from '../../server/src/cli/context';
import { lintFile } from '../../server/src/engine/lint';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { readFast } from '../../server/src/engine/yaml/fast';
import { LineMap, loneCarriageReturn } from '../../server/src/engine/yaml/lines';
import { YamlSource } from '../../server/src/engine/yaml/source';
import { TODAY, Workspace, ensureBuilt, initialised, jsonOf } from '../cli/harness';
import type { JsonReport } from '../cli/harness';
import { TestClient } from '../lsp/harness';
import { findingProblems, lint } from './support';

/**
 * Issue 21, points 1–3: one definition of a line break (LSP's: `\r\n`, `\n`, `\r`) for every position, and a lone
 * `\r` — which js-yaml and `yaml` read differently — is one `yaml/syntax` at that `\r`, with no other finding and no
 * fix in its file. One file's failure never costs the others their report.
 */

const CR_ONLY = '#\rapiVersion: govspec/v1';
/** The Agency of the issue: a lone `\r` after `kind: Agency`, and an unquoted USCC that would have a safe fix. */
const AGENCY_CR = 'apiVersion: govspec/v1\nkind: Agency\ruscc: 115113010833722043\nname: 南充市市场监督管理局\nregion: "511300"\nlevel: "3"\n';

describe('reliability: line breaks and lone carriage returns (issue 21)', function () {
  this.timeout(120_000);

  it('LineMap counts \\n, \\r\\n and a lone \\r as one line break each, both ways', () => {
    const text = 'a\rbc\r\nd\ne\r';
    const lines = new LineMap(text);
    assert.equal(lines.lineCount, 5);
    assert.deepEqual([0, 1, 2, 4, 5, 6, 7, 8, 9, 10].map((o) => lines.positionAt(o)), [
      { line: 0, character: 0 }, { line: 0, character: 1 }, { line: 1, character: 0 }, { line: 1, character: 2 },
      { line: 1, character: 2 }, { line: 2, character: 0 }, { line: 2, character: 1 }, { line: 3, character: 0 },
      { line: 3, character: 1 }, { line: 4, character: 0 },
    ]);
    for (const offset of [0, 1, 2, 3, 6, 8, 10]) assert.equal(lines.offsetAt(lines.positionAt(offset)), offset, `offset ${offset}`);
    assert.equal(lines.offsetAt({ line: 1, character: 99 }), 4, 'clamped to the end of the line content');
    assert.equal(lines.lineEnd(0), 1);
    assert.equal(lines.lineStart(3), 8);
    assert.equal(loneCarriageReturn(text), 1);
    assert.equal(loneCarriageReturn('a\r\nb\n'), -1);
  });

  it('the 24-byte file is one yaml/syntax at its \\r, never a throw', () => {
    const findings = lint(CR_ONLY, 'x.service.yaml');
    assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start, f.range.end]), [
      ['yaml/syntax', { line: 0, character: 1 }, { line: 1, character: 0 }],
    ]);
    assert.match(findings[0].message.en, /lone carriage return/);
    assert.deepEqual(findingProblems(CR_ONLY, 'x.service.yaml', findings), []);
  });

  it('a lone \\r makes a file one finding with no fix, whichever parser would have read it', () => {
    for (const source of [undefined, YamlSource.precise(AGENCY_CR)]) {
      const findings = lintFile({ file: 'a.agency.yaml', text: AGENCY_CR, config: DEFAULT_CONFIG, today: TODAY, source }).findings;
      assert.deepEqual(findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character, f.fixes.length]), [['yaml/syntax', 1, 12, 0]]);
    }
    // Without the `\r`, the same Agency has its fixable id finding: the text does reach the rules.
    assert.ok(lint(AGENCY_CR.replace('\r', '\n'), 'a.agency.yaml').some((f) => f.fixes.some((x) => x.safe)));
  });

  it('the fast reader leaves any text with a lone \\r to the precise parser', () => {
    assert.equal(readFast(CR_ONLY), undefined);
    assert.equal(readFast('a: 1\rb: 2\n'), undefined);
    assert.ok(readFast('a: 1\r\nb: 2\r\n'), 'CRLF stays on the fast path');
  });

  it('an engine failure outside any rule is that file\'s meta/internal-error at 1:1', () => {
    const broken = { text: 'apiVersion: govspec/v1\nkind: Agency\n', get documents(): never { throw new Error('boom'); } } as unknown as YamlSource;
    const findings = lintFile({ file: 'b.agency.yaml', text: broken.text, config: DEFAULT_CONFIG, today: TODAY, source: broken }).findings;
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity, f.range.start, f.document]), [['meta/internal-error', 'error', { line: 0, character: 0 }, null]]);
    assert.match(findings[0].message.en, /boom/);
  });

  it('through the CLI in process: a throw while placing one file\'s finding costs only that file', async () => {
    const ws = initialised();
    try {
      ws.write({ 'odd.agency.yaml': 'apiVersion: govspec/v1\nkind: Agent\n', 'example.service.yaml': ws.read('example.service.yaml').replace('type: "01"', 'type: 01') });
      const original = Object.getOwnPropertyDescriptor(YamlSource.prototype, 'treeFor')!;
      YamlSource.prototype.treeFor = function (this: YamlSource, ...args: Parameters<YamlSource['treeFor']>) {
        if (this.text.includes('kind: Agent\n')) throw new Error('boom');
        return (original.value as YamlSource['treeFor']).apply(this, args);
      };
      let out = '';
      let err = '';
      const ctx: CliContext = {
        cwd: ws.root, env: { LANG: 'C' }, stdout: (t) => { out += t; }, stderr: (t) => { err += t; },
        stdoutIsTTY: false, stderrIsTTY: false, readStdin: async () => Buffer.alloc(0),
      };
      let code: number;
      try {
        code = await lintCommand(['--today', TODAY, '-f', 'json', '--no-progress'], ctx);
      } finally {
        Object.defineProperty(YamlSource.prototype, 'treeFor', original);
      }
      assert.equal(err, '');
      assert.equal(code, 1);
      const report = JSON.parse(out) as JsonReport;
      assert.deepEqual(report.results.map((r) => [r.file, r.ruleId, r.line, r.column]), [
        ['example.service.yaml', 'schema/type', 7, 7],
        ['odd.agency.yaml', 'meta/internal-error', 1, 1],
      ]);
    } finally {
      ws.cleanup();
    }
  });

  it('in the language server: the lone \\r version gets its own diagnostic, and the next version its own again', async () => {
    const agency = 'agencies/a.agency.yaml';
    const good = AGENCY_CR.replace('\r', '\n').replace('115113010833722043', '"115113010833722043"');
    const client = await TestClient.start({ [agency]: good });
    try {
      assert.deepEqual(await client.open(agency), []);
      const withCr = await client.change(agency, AGENCY_CR);
      assert.deepEqual(withCr.map((d) => [d.code, d.range]), [['yaml/syntax', { start: { line: 1, character: 12 }, end: { line: 2, character: 0 } }]]);
      const later = await client.change(agency, good.replace('level: "3"\n', 'level: "3"\rnmae: x\n'));
      assert.deepEqual(later.map((d) => [d.code, d.range.start]), [['yaml/syntax', { line: 5, character: 10 }]]);
      assert.deepEqual(await client.change(agency, good), [], 'no stale diagnostic of an earlier version');
    } finally {
      await client.dispose();
    }
  });

  describe('through the built CLI', () => {
    let ws: Workspace;
    before(() => ensureBuilt());
    beforeEach(() => {
      ws = initialised();
      ws.write({ 'x.service.yaml': CR_ONLY, 'cr.agency.yaml': AGENCY_CR });
    });
    afterEach(() => ws.cleanup());

    for (const concurrency of ['1', '2']) {
      it(`--concurrency ${concurrency}: the lone-\\r files are one finding each, the others are reported, exit 1`, () => {
        const r = ws.run(['lint', '--today', TODAY, '-f', 'json', '--no-progress', '--concurrency', concurrency]);
        assert.equal(r.stderr, '');
        assert.equal(r.status, 1);
        assert.deepEqual(jsonOf(r).results.map((f) => [f.file, f.ruleId, f.line, f.column, f.fixable]), [
          ['cr.agency.yaml', 'yaml/syntax', 2, 13, false],
          ['x.service.yaml', 'yaml/syntax', 1, 2, false],
        ]);
        assert.equal(jsonOf(r).summary.files, 6);
      });
    }

    it('--fix leaves a file with a lone \\r byte for byte, and fixes the others', () => {
      ws.write({ 'example.service.yaml': ws.read('example.service.yaml').replace('type: "01"', 'type: 01') });
      for (const concurrency of ['1', '2']) {
        const r = ws.run(['lint', '--today', TODAY, '--fix', '--no-progress', '--concurrency', concurrency]);
        assert.equal(r.status, 1, r.stderr);
        assert.equal(ws.read('cr.agency.yaml'), AGENCY_CR);
        assert.equal(ws.read('x.service.yaml'), CR_ONLY);
        assert.match(ws.read('example.service.yaml'), /type: "01"/);
      }
    });
  });
});
