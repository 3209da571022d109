import { strict as assert } from 'node:assert';
import { compareFindings, documentAtLine, documentStarts } from '../../bench/lib/compare';
import { Figures, measure, nullsWithoutWhy, setUnmeasured, Unmeasurable } from '../../bench/lib/figure';
import { hasFlag } from '../../bench/lib/cli';
import { singleDocumentName } from '../../bench/lib/derived';
import { completeFigures, computeRatios, renderMarkdown, Report, REQUIRED_FIGURES } from '../../bench/lib/report';
import { bundleSchema } from '../../bench/lib/schemas';
import { median, percentile, spread } from '../../bench/lib/stats';
import { plannedEdits } from '../../bench/lsp/positions';

describe('bench report', () => {
  describe('statistics', () => {
    it('takes the median of odd and even counts without reordering its input', () => {
      const values = [3, 1, 2];
      assert.equal(median(values), 2);
      assert.deepEqual(values, [3, 1, 2]);
      assert.equal(median([4, 1, 3, 2]), 2.5);
      assert.deepEqual(spread([5, 1, 3]), { median: 3, min: 1, max: 5 });
      assert.throws(() => median([]));
    });

    it('uses nearest-rank percentiles', () => {
      const values = Array.from({ length: 100 }, (_, i) => 100 - i);
      assert.equal(percentile(values, 50), 50);
      assert.equal(percentile(values, 95), 95);
      assert.equal(percentile(values, 100), 100);
      assert.equal(percentile([7], 95), 7);
      assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95), 10);
    });
  });

  describe('expected against found', () => {
    const expected = [
      { file: 'a.yaml', document: 0, ruleId: 'x/one', count: 2 },
      { file: 'b.yaml', document: 1, ruleId: 'x/two', count: 1 },
    ];

    it('counts found, missing and unexpected by (file, document, ruleId)', () => {
      const results = [
        { file: 'a.yaml', ruleId: 'x/one', line: 3, document: 0 },
        { file: 'b.yaml', ruleId: 'x/two', line: 9, document: 0 },
        { file: 'c.yaml', ruleId: 'x/three', line: 1, document: 0 },
      ];
      const comparison = compareFindings(expected, results, () => 0);
      assert.equal(comparison.injected, 3);
      assert.equal(comparison.found, 1);
      assert.equal(comparison.unexpected, 2);
      assert.deepEqual(comparison.missing.map((t) => `${t.file}#${t.document}`), ['a.yaml#0', 'b.yaml#1']);
      assert.deepEqual(comparison.extra.map((t) => `${t.file}#${t.document} ${t.ruleId}`), ['b.yaml#0 x/two', 'c.yaml#0 x/three']);
    });

    it('derives the document from the line when the CLI does not give it', () => {
      const text = 'a: 1\nb: 2\n---\nc: 3\n---\nd: 4\n';
      const starts = documentStarts(text);
      assert.deepEqual(starts, [1, 3, 5]);
      assert.equal(documentAtLine(starts, 2), 0);
      assert.equal(documentAtLine(starts, 4), 1);
      assert.equal(documentAtLine(starts, 6), 2);
      assert.deepEqual(documentStarts('# comment\n---\na: 1\n---\nb: 2\n'), [1, 4]);
      const comparison = compareFindings(expected, [
        { file: 'b.yaml', ruleId: 'x/two', line: 4 }, { file: 'a.yaml', ruleId: 'x/one', line: 1 }, { file: 'a.yaml', ruleId: 'x/one', line: 2 },
      ], (result) => documentAtLine(starts, result.line));
      assert.deepEqual([comparison.found, comparison.unexpected, comparison.missing.length], [3, 0, 0]);
    });
  });

  describe('figures and the JSON report', () => {
    it('turns a failing measurement into null + why without throwing', async () => {
      const figures: Figures = {};
      await measure(figures, ['a', 'b'], () => Promise.reject(new Unmeasurable('no flag yet')));
      await measure(figures, ['c'], () => Promise.resolve({ c: { median_s: 1, min_s: 1, max_s: 1 } }));
      assert.equal(figures.a, null);
      assert.equal(figures['a.why'], 'no flag yet');
      assert.equal(figures['b.why'], 'no flag yet');
      assert.deepEqual(figures.c, { median_s: 1, min_s: 1, max_s: 1 });
      assert.equal('c.why' in figures, false);
    });

    it('holds every required key, each null beside a why, and renders it', () => {
      const figures: Figures = {
        'lint.cold.c1': { median_s: 2, min_s: 1.5, max_s: 3, peak_rss_mb: 100 },
        'floor.js-yaml': { median_s: 0.5 },
        'lsp.completion_ms': { p50: 4, p95: 8 },
        'peer.yaml-language-server.completion_ms': { p50: 2, p95: 16 },
      };
      setUnmeasured(figures, 'lint.warm.one-change', 'no --cache yet');
      completeFigures(figures);
      for (const key of REQUIRED_FIGURES) assert.ok(key in figures, key);
      const ratios = computeRatios(figures);
      assert.equal(ratios['lint.cold.c1÷floor.js-yaml'], 4);
      assert.equal(ratios['lsp.completion_ms.p50÷yaml-language-server'], 2);
      assert.equal(ratios['lsp.completion_ms.p95÷yaml-language-server'], 0.5);
      assert.equal(ratios['lint.cold.c1÷floor.yaml'], null);
      const report: Report = {
        scale: 'tiny', commit: 'abc', date: '2026-06-01T00:00:00Z', figures, ratios,
        machine: { cpus: 2, cpuModel: 'cpu', node: 'v20', memoryGB: 24, platform: 'linux', rssMethod: 'GNU time' },
        corpus: { files: 1, documents: 2, bytes: 3, injected: 4, found: null, 'found.why': 'no CLI', unexpected: null, 'unexpected.why': 'no CLI' },
      };
      const roundTrip = JSON.parse(JSON.stringify(report)) as Report;
      assert.deepEqual(nullsWithoutWhy(roundTrip), []);
      assert.deepEqual(Object.keys(roundTrip.machine).slice(0, 4), ['cpus', 'cpuModel', 'node', 'memoryGB']);
      for (const key of ['files', 'documents', 'bytes', 'injected', 'found', 'unexpected']) assert.ok(key in roundTrip.corpus, key);
      assert.doesNotMatch(JSON.stringify(roundTrip), /":0[,}]/);
      const markdown = renderMarkdown(report);
      assert.match(markdown, /\| `lint.warm.one-change` \| — \| no --cache yet \|/);
      assert.match(markdown, /2 × cpu/);
    });

    it('finds a null without its why', () => {
      assert.deepEqual(nullsWithoutWhy({ figures: { a: null, b: { c: null, 'c.why': 'x' } } }), ['figures/a']);
    });
  });

  describe('helpers', () => {
    it('detects flags in help text', () => {
      const help = '  -f, --format NAME\n  --cache            reuse\n  --cache-location PATH\n';
      assert.equal(hasFlag(help, '--cache'), true);
      assert.equal(hasFlag(help, '--cache-location'), true);
      assert.equal(hasFlag(help, '--concurrency'), false);
      assert.equal(hasFlag('  --cache-location PATH', '--cache'), false);
    });

    it('names single-document copies after their kind', () => {
      assert.equal(singleDocumentName('agencies/001.agency.yaml', 4, 50), 'agencies/001-005.agency.yaml');
      assert.equal(singleDocumentName('catalogs/001.catalog.yaml', 0, 1), 'catalogs/001.catalog.yaml');
    });

    it('inlines common refs and drops annotations for peers', () => {
      const common = { definitions: { code: { type: 'string', 'x-i18n': {} }, wrap: { $ref: '#/definitions/code' }, phone: { type: 'string', format: 'phone' } } };
      const schema = { $id: 'https://x/a.json', properties: { 'x-keep': { $ref: 'common.schema.json#/definitions/wrap' }, p: { $ref: 'common.schema.json#/definitions/phone' } }, 'x-enum': {} };
      const bundled = JSON.parse(JSON.stringify(bundleSchema(schema, common))) as Record<string, Record<string, Record<string, unknown>>>;
      assert.equal('$id' in bundled, false);
      assert.equal('x-enum' in bundled, false);
      assert.deepEqual(bundled.properties['x-keep'], { $ref: '#/definitions/common--wrap' });
      assert.deepEqual(bundled.definitions['common--wrap'], { $ref: '#/definitions/common--code' });
      assert.deepEqual(bundled.definitions['common--code'], { type: 'string' });
      assert.deepEqual(bundled.definitions['common--phone'], { type: 'string' });
    });

    it('plans seeded edits that keep lines well-formed', () => {
      const text = 'materials:\n  - id: m1\n    name: 户口簿\n    copies: 0\n';
      const edits = plannedEdits(text, 6);
      assert.deepEqual(edits, plannedEdits(text, 6));
      for (const edit of edits) assert.match(edit.newLine, /^ {4}(name: 户口簿（\d+）|copies: [01])$/);
    });
  });
});
