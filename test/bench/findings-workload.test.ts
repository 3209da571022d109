import { strict as assert } from 'node:assert';
import { legacyCatalog, MISSING_PER_RESOURCE } from '../../bench/generate/legacy-catalog';
import { computeRatios } from '../../bench/lib/report';
import { Figures } from '../../bench/lib/figure';
import { lintFile } from '../../server/src/engine/lint';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';

describe('bench findings workload', () => {
  it('a legacy catalogue of N resources has N × 8 findings, all schema/required on distinct resources', () => {
    const text = legacyCatalog(300);
    const { findings } = lintFile({ file: 'legacy.catalog.yaml', text, config: DEFAULT_CONFIG, today: '2026-06-01' });
    assert.equal(findings.length, 300 * MISSING_PER_RESOURCE);
    assert.ok(findings.every((f) => f.ruleId === 'schema/required'));
    assert.equal(new Set(findings.map((f) => f.range.start.line)).size, 300);
  });

  it('reports the spread of seconds per 10,000 findings across sizes, largest over smallest', () => {
    const figures: Figures = {
      'lint.findings.1000': { median_s: 1, s_per_10k_findings: 0.2 },
      'lint.findings.10000': { median_s: 9, s_per_10k_findings: 0.25 },
    };
    assert.equal(computeRatios(figures)['lint.findings.s_per_10k.max÷min'], 1.25);
    assert.equal(computeRatios({ 'lint.findings.1000': { s_per_10k_findings: 0.2 } })['lint.findings.s_per_10k.max÷min'], null);
  });
});
