// The two parts of exceljs the sheet reader reuses as exceljs's own reader did (the package types only its API).
declare module 'exceljs/lib/xlsx/xform/style/styles-xform' {
  import type { Readable } from 'node:stream';

  export default class StylesXform {
    parseStream(stream: Readable): Promise<unknown>;
    getStyleModel(id: number): { numFmt?: string } | null;
  }
}

declare module 'exceljs/lib/utils/utils' {
  const utils: { isDateFmt(fmt: string | undefined): boolean; excelToDate(serial: number, date1904?: boolean): Date };
  export default utils;
}
