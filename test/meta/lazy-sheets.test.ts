/**
 * The spreadsheet libraries live in their own bundle (dist/sheets.js), which dist/cli.js and dist/server.js require
 * only when a spreadsheet is read or written: a plain lint and the language server start without parsing them.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..', 'dist');
const read = (name: string): string => readFileSync(join(DIST, name), 'utf8');

describe('the lazily loaded spreadsheet bundle', () => {
  for (const bundle of ['cli.js', 'server.js']) {
    it(`${bundle} holds no spreadsheet library and requires ./sheets.js at run time`, () => {
      const text = read(bundle);
      for (const library of ['node_modules/exceljs/', 'node_modules/csv-parse/', 'node_modules/iconv-lite/', 'node_modules/yauzl/']) {
        assert.ok(!text.includes(library), `${bundle} bundles ${library}`);
      }
      assert.match(text, /require\("\.\/sheets\.js"\)/);
    });
  }

  it('dist/sheets.js holds them', () => {
    const text = read('sheets.js');
    for (const library of ['node_modules/exceljs/', 'node_modules/csv-parse/', 'node_modules/iconv-lite/', 'node_modules/yauzl/']) assert.ok(text.includes(library), library);
  });
});
