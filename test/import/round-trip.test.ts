/**
 * import(export(x)) = x: every valid fixture document and the examples, exported to a workbook and imported back,
 * give the same data for every field the kind's sheet has a column for.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { join } from 'node:path';
import { KINDS } from '../../server/src/engine/types';
import type { Kind } from '../../server/src/engine/types';
import { collectRows } from '../../server/src/sheets/export-run';
import { runImport } from '../../server/src/sheets/import-run';
import { continuedSheetName, writeExportWorkbook } from '../../server/src/sheets/write-xlsx';
import { readXlsx } from '../../server/src/sheets/read-xlsx';
import { project, readDocuments, tempFolder } from './support';

const ROOT = join(__dirname, '..', '..');

function validFixtures(): string[] {
  const out: string[] = [];
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (/\.ya?ml$/.test(name) && /\/fixtures\/valid\//.test(path) && name !== 'govspec.config.yaml') out.push(path);
    }
  };
  visit(join(ROOT, 'server', 'src', 'engine', 'rules'));
  return out.sort();
}

function examples(): string[] {
  const out: string[] = [];
  for (const folder of ['catalogs', 'services', 'agreements', 'agencies']) {
    for (const name of readdirSync(join(ROOT, 'examples', folder))) out.push(join(ROOT, 'examples', folder, name));
  }
  return out;
}

type Entity = Record<string, unknown>;

/** The documents of one file through export and import, against the file's own, kind by kind. */
async function roundTrip(file: string): Promise<void> {
  const { byKind } = collectRows(ROOT, [file]);
  for (const kind of KINDS.filter((k) => byKind.has(k))) {
    const folder = tempFolder();
    try {
      const workbook = join(folder.root, 'x.xlsx');
      writeFileSync(workbook, await writeExportWorkbook([{ kind, rows: byKind.get(kind)! }], []));
      await runImport({ kind, files: [{ absolute: workbook, display: 'x.xlsx' }], outDir: join(folder.root, 'out') });
      const original = documentsOf(file, kind);
      const back = readDocuments(join(folder.root, 'out')).map((d) => project(kind, d));
      const sortKey = (d: Entity) => JSON.stringify(d);
      assert.deepEqual(back.sort((a, b) => sortKey(a).localeCompare(sortKey(b))), original.sort((a, b) => sortKey(a).localeCompare(sortKey(b))), `${file} (${kind})`);
    } finally {
      folder.cleanup();
    }
  }
}

function documentsOf(file: string, kind: Kind): Entity[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => (d as unknown as { toJSON(): unknown }).toJSON() as Entity)
    .filter((d) => d !== null && typeof d === 'object' && d.kind === kind)
    .map((d) => project(kind, d));
}

describe('import(export(x)) = x', () => {
  it('holds for every example document', async () => {
    for (const file of examples()) await roundTrip(file);
  });

  it('holds for every valid rule fixture', async function () {
    this.timeout(120_000);
    for (const file of validFixtures()) await roundTrip(file);
  });

  it('holds when a kind\'s rows run over several sheets (a row limit of 7 standing in for Excel\'s 1,048,576)', async () => {
    const files = examples().filter((f) => f.endsWith('.catalog.yaml'));
    const { byKind } = collectRows(ROOT, files, 7);
    const rows = byKind.get('Catalog')!;
    const sheets = Math.ceil(rows.length / 7);
    assert.ok(sheets >= 3, `${rows.length} rows make at least three sheets`);
    const folder = tempFolder();
    try {
      const workbook = join(folder.root, 'x.xlsx');
      writeFileSync(workbook, await writeExportWorkbook([{ kind: 'Catalog', rows }], [], 7));
      const kindSheets: { name: string; rows: number }[] = [];
      for await (const sheet of (await readXlsx(workbook, 'x.xlsx')).sheets) {
        let count = 0;
        for await (const row of sheet.rows) count += row.values.length > 0 ? 1 : 0;
        if (sheet.name.startsWith(continuedSheetName('Catalog', 1))) kindSheets.push({ name: sheet.name, rows: count });
      }
      assert.deepEqual(kindSheets.map((w) => w.name), Array.from({ length: sheets }, (_, i) => continuedSheetName('Catalog', i + 1)));
      assert.deepEqual(kindSheets.map((w) => w.rows), kindSheets.map((_, i) => 1 + Math.min(7, rows.length - 7 * i)), 'a header and at most 7 rows each');
      await runImport({ kind: 'Catalog', files: [{ absolute: workbook, display: 'x.xlsx' }], outDir: join(folder.root, 'out') });
      const back = readDocuments(join(folder.root, 'out')).map((d) => project('Catalog', d));
      const original = files.flatMap((f) => documentsOf(f, 'Catalog'));
      const sortKey = (d: Entity) => JSON.stringify(d);
      assert.deepEqual(back.sort((a, b) => sortKey(a).localeCompare(sortKey(b))), original.sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
    } finally {
      folder.cleanup();
    }
  });
});
