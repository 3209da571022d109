/** The compact store of imported values' cells gives back every path and cell as they were set, in order. */
import { strict as assert } from 'node:assert';
import type { SheetCell } from '../../server/src/engine/types';
import { CellsByPath } from '../../server/src/sheets/cells-by-path';

describe('CellsByPath', () => {
  it('gives back every path and cell set, in order, deep paths and several sheets and files included', () => {
    const cells = new CellsByPath();
    const cell = (file: string, sheet: string, row: number, column: number): SheetCell => ({ file, sheet, row, column });
    const entries: [(string | number)[], SheetCell][] = [
      [[], cell('a.xlsx', '目录', 2, 1)],
      [['provider', 'name'], cell('a.xlsx', '目录', 2, 1)],
      [['resources', 0], cell('a.xlsx', '目录', 2, 3)],
      [['resources', 0, 'items', 7, 'name'], cell('a.xlsx', '目录 (2)', 1_048_576, 16_384)],
      [['resources', 12, 'items', 3, 'name'], cell('b.csv', '', 40, 2)],
      [['a', 1, 'b', 2, 'c', 3, 'd', 4, 'e'], cell('b.csv', '', 41, 5)],
      [['materials', 2, 'legalBasis', 0, 'law'], cell('b.csv', '', 42, 6)],
    ];
    for (const [path, at] of entries) cells.set(path, at);
    assert.equal(cells.size, entries.length);
    const deep = entries.filter(([p]) => p.filter((s) => typeof s === 'number').length > 3);
    const shallow = entries.filter((e) => !deep.includes(e));
    assert.deepEqual([...cells], [...shallow, ...deep]);
    assert.deepEqual(cells.get([]), entries[0][1]);
    assert.deepEqual(cells.get(['resources', 12, 'items', 3, 'name']), entries[4][1]);
    assert.deepEqual(cells.get(['a', 1, 'b', 2, 'c', 3, 'd', 4, 'e']), entries[5][1]);
    assert.equal(cells.get(['resources', 1]), undefined);
  });

  it('grows past its first table', () => {
    const cells = new CellsByPath();
    for (let i = 0; i < 10_000; i++) cells.set(['resources', i, 'code'], { file: 'x', sheet: 's', row: i + 2, column: 1 });
    const all = [...cells];
    assert.equal(all.length, 10_000);
    assert.deepEqual(all[9_999], [['resources', 9_999, 'code'], { file: 'x', sheet: 's', row: 10_001, column: 1 }]);
  });
});
