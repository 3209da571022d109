import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureBuilt, govspec } from './harness';

const EXAMPLES = path.resolve(__dirname, '../../examples');

describe('govspec report --html', function () {
  before(ensureBuilt);

  it('writes one offline HTML file for the example workspace and exits as lint would', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'govspec-report-')), 'sub', 'report.html');
    const r = govspec(EXAMPLES, ['report', '--html', out, '--today', '2026-11-26', '--locale', 'en', '.']);
    assert.strictEqual(r.status, 1, r.stderr);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /^govspec report: wrote the report to .*sub\/report\.html \(\d+ errors, \d+ warnings\)\n$/, 'it says where it wrote');
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /<html/);
    assert.match(html, /GA-SC-2024-002/, 'the expired agreement is on the map');
    assert.match(html, /service\/fee-basis/);
    assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)=["']https?:/i, 'nothing is loaded from the network');
  });

  it('refuses to run without --html, with one line and exit 2', () => {
    const r = govspec(EXAMPLES, ['report', '.']);
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stderr.trim().split('\n').length, 1);
  });

  it('rejects a --today that is no real date', () => {
    const r = govspec(EXAMPLES, ['report', '--html', path.join(os.tmpdir(), 'x.html'), '--today', '2026-02-30']);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /--today/);
  });
});
