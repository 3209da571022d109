/**
 * The cells of a worksheet's XML, read with a SAX parser (saxes, the one exceljs uses) straight into the values
 * import wants: no object per cell, no copy of the sheet on disk. Shared strings are read first (the zip is read in
 * any order), rich text joined, phonetic runs (`<rPh>`) left out. Formulas are never evaluated: a formula cell gives
 * the value Excel saved with it. A number in a cell formatted as a date is a Date, as Excel shows it.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import type { SheetCell } from '../engine';
import { bilingual } from '../engine';
import type { ImportProblem } from './problems';
import type { CellValue } from './values';

export interface SheetRow { row: number; values: readonly CellValue[] }

/** Without namespaces (a sheet's parts use one) and without tracking positions: the fastest saxes has. */
const plainParser = () => new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });

/** The text of a stream's XML given to `parser` chunk by chunk; a character split across two chunks is kept whole. */
async function* feed(stream: Readable, parser: { write(text: string): unknown; close(): unknown }, check: (chunk: Buffer) => void): AsyncGenerator<void> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    check(chunk);
    parser.write(decoder.write(chunk));
    yield;
  }
  parser.write(decoder.end());
  parser.close();
}

/** `<si>` entries of xl/sharedStrings.xml, each its text runs joined. */
export async function readSharedStrings(stream: Readable, check: (chunk: Buffer) => void): Promise<string[]> {
  const strings: string[] = [];
  const parser = plainParser();
  let text = '';
  let inText = false;
  let phonetic = 0;
  parser.on('opentag', (tag) => {
    if (tag.name === 'si') text = '';
    else if (tag.name === 't') inText = phonetic === 0;
    else if (tag.name === 'rPh') phonetic++;
  });
  parser.on('text', (t) => { if (inText) text += t; });
  parser.on('closetag', (tag) => {
    if (tag.name === 't') inText = false;
    else if (tag.name === 'rPh') phonetic--;
    else if (tag.name === 'si') strings.push(text);
  });
  for await (const _ of feed(stream, parser, check)) void _;
  return strings;
}

/** Column number (from 1) of a cell reference's letters: `AB12` → 28. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}

export interface SheetContext {
  display: string;
  sheet: string;
  shared: readonly string[];
  /** Whether cells of this style id show a date. */
  isDateStyle: (style: number) => boolean;
  toDate: (serial: number) => Date;
  problems: ImportProblem[];
}

/** The cell being read: its attributes, whether it has a formula, and the text of its value. */
interface OpenCell { column: number; type: string | undefined; style: number; formula: boolean; value: string | undefined }

function cellValue(c: OpenCell, at: () => SheetCell, ctx: SheetContext): CellValue {
  if (c.value === undefined) {
    if (c.formula) ctx.problems.push({ ruleId: 'import/cell-error', severity: 'error', cell: at(), message: bilingual('公式单元格没有保存计算结果（导入不计算公式）；请在 Excel 中重新计算后保存', 'a formula cell without a saved result (import never evaluates formulas); recalculate and save in Excel') });
    return null;
  }
  switch (c.type) {
    case 's': return ctx.shared[Number(c.value)] ?? null;
    case 'str':
    case 'inlineStr': return c.value;
    case 'b': return Number(c.value) !== 0;
    case 'e':
      ctx.problems.push({ ruleId: 'import/cell-error', severity: 'error', cell: at(), message: bilingual(`单元格的值是错误 ${c.value}`, `the cell holds the error ${c.value}`) });
      return null;
    case 'd': {
      const date = new Date(c.value);
      return Number.isNaN(date.getTime()) ? c.value : date;
    }
    default: {
      if (c.value.trim() === '') return null;
      const number = Number(c.value);
      return c.style > 0 && ctx.isDateStyle(c.style) ? ctx.toDate(number) : number;
    }
  }
}

/** The rows of one worksheet part, as they are parsed; memory holds the rows of one chunk of its XML. */
export async function* readSheetRows(stream: Readable, check: (chunk: Buffer) => void, ctx: SheetContext): AsyncGenerator<SheetRow> {
  const parser = plainParser();
  const ready: SheetRow[] = [];
  let rowNumber = 0;
  let values: CellValue[] | undefined;
  let cell: OpenCell | undefined;
  let collecting = false;
  let inline = false;
  let phonetic = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    switch (tag.name) {
      case 'row': {
        const r = tag.attributes.r;
        rowNumber = r === undefined ? rowNumber + 1 : Number(r);
        values = [];
        break;
      }
      case 'c':
        if (values) {
          const reference = tag.attributes.r;
          const previous = values.length;
          cell = { column: reference === undefined ? previous + 1 : columnOf(reference), type: tag.attributes.t, style: Number(tag.attributes.s ?? 0) || 0, formula: false, value: undefined };
        }
        break;
      case 'f': if (cell) cell.formula = true; break;
      case 'v': if (cell && !inline) { cell.value = ''; collecting = true; } break;
      case 'is': if (cell) { cell.value = ''; inline = true; } break;
      case 't': if (cell && inline) collecting = phonetic === 0; break;
      case 'rPh': phonetic++; break;
      default: break;
    }
  });
  parser.on('text', (text) => { if (collecting) cell!.value += text; });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    switch (tag.name) {
      case 'v':
      case 't': collecting = false; break;
      case 'is': inline = false; break;
      case 'rPh': phonetic--; break;
      case 'c':
        if (cell && values) {
          const { column } = cell;
          const row = rowNumber;
          const value = cellValue(cell, () => ({ file: ctx.display, sheet: ctx.sheet, row, column }), ctx);
          if (value !== null) {
            while (values.length < column - 1) values.push(null);
            values[column - 1] = value;
          }
        }
        cell = undefined;
        break;
      case 'row':
        if (values) ready.push({ row: rowNumber, values });
        values = undefined;
        break;
      default: break;
    }
  });
  for await (const _ of feed(stream, parser, check)) {
    void _;
    yield* ready;
    ready.length = 0;
  }
  yield* ready;
}
