import { strict as assert } from 'node:assert';
import { formatReport } from '../../../server/src/cli/format';
import { sampleReport } from './sample-report';
import { childElements, parseXml } from './xml-check';

describe('checkstyle format', () => {
  it('is well-formed Checkstyle XML: a <file> per file with findings, an <error> per finding', () => {
    const root = parseXml(formatReport('checkstyle', sampleReport('en'), { color: false, toolVersion: '1.0.0' }));
    assert.equal(root.name, 'checkstyle');
    const files = childElements(root, 'file');
    assert.deepEqual(files.map((f) => f.attributes.name), ['catalogs/人口.catalog.yaml', 'services/passport.service.yaml']);
    const errors = files.flatMap((f) => childElements(f, 'error'));
    assert.equal(errors.length, 7);
    const fee = errors.find((e) => e.attributes.source === 'service/fee-basis')!;
    assert.deepEqual(fee.attributes, { line: '41', column: '3', severity: 'error', message: 'A charged service needs fee.basis', source: 'service/fee-basis' });
    assert.deepEqual([...new Set(errors.map((e) => e.attributes.severity))].sort(), ['error', 'info', 'warning']);
  });
});
