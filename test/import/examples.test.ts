/**
 * The sample spreadsheets of examples/spreadsheets/: 目录.xlsx imports into YAML that lints with exactly the
 * mistakes planted in it (scripts/make-example-spreadsheets.ts), each reported at its cell; the others import
 * cleanly; and `govspec lint examples` does not read them.
 */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, Workspace } from '../cli/harness';

const EXAMPLES = join(__dirname, '..', '..', 'examples');

interface CellResult { ruleId: string; cell?: { reference: string } }

describe('examples/spreadsheets', () => {
  let ws: Workspace;
  before(() => ensureBuilt());
  beforeEach(() => {
    ws = new Workspace().write({ '.git/HEAD': 'ref: refs/heads/main\n' });
    mkdirSync(ws.path('examples/spreadsheets'), { recursive: true });
    for (const name of ['目录.xlsx', '事项.xlsx', '协议.xlsx', '部门.csv']) copyFileSync(join(EXAMPLES, 'spreadsheets', name), ws.path(`examples/spreadsheets/${name}`));
  });
  afterEach(() => ws.cleanup());

  it('目录.xlsx lints with exactly its planted mistakes, each at its cell', () => {
    const r = ws.run(['import', 'examples/spreadsheets/目录.xlsx', '--kind', 'Catalog', '-o', 'out/', '-f', 'json', '--today', '2026-01-01']);
    assert.equal(r.status, 1, r.stderr);
    const found = (JSON.parse(r.stdout) as { results: CellResult[] }).results.map((x) => `${x.ruleId} ${x.cell?.reference}`).sort();
    assert.deepEqual(found, [
      'catalog/conditional-needs-condition examples/spreadsheets/目录.xlsx 目录!L8',
      'import/unmapped-column examples/spreadsheets/目录.xlsx 目录!Z2',
      'schema/enum examples/spreadsheets/目录.xlsx 目录!R3',
      'schema/format examples/spreadsheets/目录.xlsx 目录!S11',
    ]);
    // The codes Excel made numbers of and the Excel dates come back as the linter expects them.
    const text = ws.read('out/广安市公安局广安区分局.catalog.yaml');
    assert.match(text, /item: "01"/);
    assert.match(text, /publishDate: "2024-03-01"/);
  });

  it('every output format names the cell', () => {
    for (const format of ['stylish', 'sarif', 'junit', 'github']) {
      const r = ws.run(['import', 'examples/spreadsheets/目录.xlsx', '--kind', 'Catalog', '-o', 'out/', '-f', format, '--today', '2026-01-01']);
      assert.match(r.stdout, /examples\/spreadsheets\/目录\.xlsx 目录!R3/, format);
    }
  });

  it('the other samples import without an error, the GBK register saying which encoding it was read in', () => {
    for (const [file, kind] of [['事项.xlsx', 'Service'], ['协议.xlsx', 'SharingAgreement'], ['部门.csv', 'Agency']]) {
      const r = ws.run(['import', `examples/spreadsheets/${file}`, '--kind', kind, '-o', `out-${kind}/`, '-f', 'json', '--no-lint']);
      assert.equal(r.status, 0, `${file}: ${r.stdout}${r.stderr}`);
      const ids = (JSON.parse(r.stdout) as { results: CellResult[] }).results.map((x) => x.ruleId);
      assert.deepEqual(ids, file.endsWith('.csv') ? ['import/encoding'] : [], file);
    }
  });

  it('govspec lint does not read spreadsheets', () => {
    const r = ws.run(['lint', 'examples', '-f', 'json', '--no-progress']);
    // A run that lints no file at all may also stop with exit 2 and one line (docs/semantics.md); either way, no file.
    if (r.stdout.trim() === '') return assert.equal(r.status, 2, r.stderr);
    const report = JSON.parse(r.stdout) as { results: unknown[]; summary: { files: number } };
    assert.deepEqual([report.results, report.summary.files], [[], 0]);
  });
});
