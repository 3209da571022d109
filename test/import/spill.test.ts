/** The spill store: documents the rows left are parked on disk and come back exactly, values and cells. */
import { strict as assert } from 'node:assert';
import { Assembler } from '../../server/src/sheets/assemble';
import type { AssembledDocument, RowCell } from '../../server/src/sheets/assemble';
import { fieldColumns } from '../../server/src/sheets/fields';
import { SpillStore } from '../../server/src/sheets/spill';

const columns = fieldColumns('Catalog');
const byId = (id: string) => columns.find((c) => c.id === id)!;

/** A row of provider, resource code and name, at sheet row `row`. */
function row(provider: string, code: string, name: string, r: number): RowCell[] {
  return [['provider.name', provider], ['resources[].code', code], ['resources[].name', name]].map(([id, value], i) => ({
    column: byId(id), value, cell: { file: 'x.xlsx', sheet: '目录', row: r, column: i + 1 },
  }));
}

describe('import: the spill store', () => {
  it('parks a document the rows left and gives it back exactly when its rows come again, and at the end', () => {
    const store = new SpillStore();
    let parked = 0;
    const leave = store.leave.bind(store);
    store.leave = (doc: AssembledDocument) => { parked++; leave(doc); };
    try {
      const assembler = new Assembler('Catalog', store);
      assembler.addRow(row('甲局', 'R1', '资源一', 2));
      assembler.addRow(row('乙局', 'R2', '资源二', 3));
      assembler.addRow(row('甲局', 'R3', 'NaN 与 "引号"', 4));
      assembler.addRow(row('丙局', 'R4', '资源四', 5));
      assert.equal(parked, 3, 'each document is parked when the rows move on');
      const docs = [...assembler.drain()];
      assert.deepEqual(docs.map((d) => d.key), ['甲局', '乙局', '丙局']);
      assert.deepEqual(docs[0].data, { apiVersion: 'govspec/v1', kind: 'Catalog', provider: { name: '甲局' }, resources: [{ code: 'R1', name: '资源一' }, { code: 'R3', name: 'NaN 与 "引号"' }] });
      assert.deepEqual([...docs[0].cells].map(([path, cell]) => `${path.join('.')}@${cell.row}:${cell.column}`), [
        '@2:1', 'provider.name@2:1', 'resources.0@2:2', 'resources.0.code@2:2', 'resources.0.name@2:3',
        'resources.1@4:2', 'resources.1.code@4:2', 'resources.1.name@4:3',
      ]);
      assert.equal(docs[0].cells.get(['resources', 1, 'name'])?.sheet, '目录');
      assert.deepEqual(docs[1].data.resources, [{ code: 'R2', name: '资源二' }]);
    } finally {
      store.close();
    }
  });
});
