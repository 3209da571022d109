/**
 * The spreadsheet half of the tool as one module: what the CLI's `import`/`export` and the language server's
 * spreadsheet commands call. It is bundled apart (dist/sheets.js, with exceljs and the CSV and zip libraries) and
 * loaded through `load.ts` only when a spreadsheet is read or written, so that `lint` and the server start without it.
 */
export { runImport } from './import-run';
export { exportTargets, runExport } from './export-run';
export { UnreadableFile } from './read-xlsx';
export { exportForEditor, importForEditor } from './editor-requests';
