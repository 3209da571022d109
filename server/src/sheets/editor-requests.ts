/**
 * The editor's spreadsheet commands, answered by the language server: the same import and export as the CLI's, on
 * the files and folder the user picked. Only an explicit command gets here; the server never calls them itself.
 */
import { basename } from 'node:path';
import { KINDS } from '../engine';
import type { Kind } from '../engine';
import { exportTargets, runExport } from './export-run';
import { runImport } from './import-run';
import { UnreadableFile } from './read-xlsx';
import type { ExportSpreadsheetParams, ExportSpreadsheetResult, ImportSpreadsheetParams, ImportSpreadsheetResult } from '../lsp/protocol';

function why(error: unknown, locale: 'zh-CN' | 'en'): string {
  if (error instanceof UnreadableFile) return error.text[locale];
  return error instanceof Error ? error.message : String(error);
}

export async function importForEditor(p: ImportSpreadsheetParams): Promise<ImportSpreadsheetResult> {
  if (!(KINDS as readonly string[]).includes(p.kind)) return { written: [], problems: 0, error: `unknown kind ${p.kind}` };
  try {
    const result = await runImport({ kind: p.kind as Kind, files: p.files.map((absolute) => ({ absolute, display: basename(absolute) })), outDir: p.outDir });
    return { written: result.written.map((w) => w.absolute), problems: result.problems.length };
  } catch (error) {
    return { written: [], problems: 0, error: why(error, p.locale) };
  }
}

/** The findings sheet is left empty here: the editor shows the findings in its Problems view. */
export async function exportForEditor(p: ExportSpreadsheetParams): Promise<ExportSpreadsheetResult> {
  try {
    const { files } = exportTargets(p.root, ['.']);
    const result = await runExport(p.root, files, [], p.output, basename(p.output), p.locale);
    return { documents: result.documents, rows: result.rows };
  } catch (error) {
    return { documents: 0, rows: 0, error: why(error, p.locale) };
  }
}
