/**
 * `govspec export`'s work: the GovSpec documents under the given paths, by kind, into one workbook, with the
 * lint's findings on its last sheet, each linked to the cell its data went to.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { YamlSource } from '../engine';
import { KINDS } from '../engine';
import type { Finding, Kind, Locale, SheetCell } from '../engine';
import { displayPath } from '../cli/files/paths';
import { readSource } from '../cli/files/read-source';
import { NODE_FILE_SYSTEM } from '../host/file-system';
import { Workspaces } from '../host/workspaces';
import { findingMessage } from '../cli/format/findings';
import type { FileResult } from '../cli/lint/report';
import { pathKey } from './assemble';
import { CellLocator } from './cell-of-finding';
import { rowsOfDocument } from './export-rows';
import type { ExportRow } from './export-rows';
import { continuedSheetName, ROWS_PER_SHEET, writeExportWorkbook } from './write-xlsx';
import type { FindingRow } from './write-xlsx';

export interface ExportedFile { display: string; text: string; documents: Map<number, { cells: Map<string, SheetCell> }> }

export interface ExportResult { workbook: Buffer; rows: number; documents: number; files: ExportedFile[] }

/** The YAML files below a folder as the linter walks them (ignores honoured), nested workspaces included. */
function yamlFilesUnder(workspaces: Workspaces, folder: string): string[] {
  const out: string[] = [];
  for (const entry of workspaces.walk(folder, workspaces.rootOf(folder, true))) {
    if ('file' in entry) out.push(entry.file);
    else out.push(...yamlFilesUnder(workspaces, entry.nestedRoot));
  }
  return out;
}

/** Every YAML file under the paths, sorted; a path that does not exist is returned as missing. */
export function exportTargets(cwd: string, paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const workspaces = new Workspaces(NODE_FILE_SYSTEM, { gitignore: true });
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let isFolder: boolean;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch {
      missing.push(path);
      continue;
    }
    files.push(...(isFolder ? yamlFilesUnder(workspaces, absolute) : [absolute]));
  }
  return { files: [...new Set(files)].sort(), missing };
}

const isKind = (value: unknown): value is Kind => typeof value === 'string' && (KINDS as readonly string[]).includes(value);

/** The rows of every document of the files, per kind, each row's values remembering their cells. */
export function collectRows(cwd: string, absolutes: readonly string[]): { byKind: Map<Kind, ExportRow[]>; files: ExportedFile[]; documents: number } {
  const byKind = new Map<Kind, ExportRow[]>();
  const files: ExportedFile[] = [];
  let documents = 0;
  for (const absolute of absolutes) {
    const source = readSource(absolute);
    if (source.kind !== 'text') continue;
    const file: ExportedFile = { display: displayPath(cwd, absolute), text: source.text, documents: new Map() };
    for (const doc of new YamlSource(source.text).documents) {
      const data = doc.value as Record<string, unknown> | null;
      if (data === null || typeof data !== 'object' || !isKind(data.kind)) continue;
      documents++;
      const kind = data.kind;
      const rows = byKind.get(kind) ?? [];
      byKind.set(kind, rows);
      const cells = new Map<string, SheetCell>();
      for (const row of rowsOfDocument(kind, data)) {
        rows.push(row);
        const index = rows.length - 1;
        const sheet = continuedSheetName(kind, Math.floor(index / ROWS_PER_SHEET) + 1);
        const rowNumber = (index % ROWS_PER_SHEET) + 2;
        for (const [column, path] of row.paths) cells.set(pathKey(path), { file: '', sheet, row: rowNumber, column: column + 1 });
      }
      file.documents.set(doc.index, { cells });
    }
    if (file.documents.size > 0) files.push(file);
  }
  return { byKind, files, documents };
}

/** The lint's findings on the exported files, each with the cell of the workbook its data sits in. */
function findingRows(files: readonly ExportedFile[], lint: readonly FileResult[], workbookName: string, locale: Locale): FindingRow[] {
  const byFile = new Map(files.map((f) => [f.display, f]));
  const rows: FindingRow[] = [];
  for (const result of lint) {
    const file = byFile.get(result.file);
    const locator = file ? new CellLocator(file.text, file.documents) : undefined;
    for (const finding of result.findings as Finding[]) {
      const cell = locator?.cellOf(finding);
      rows.push({
        file: result.file, line: finding.range.start.line + 1, column: finding.range.start.character + 1, severity: finding.severity,
        ruleId: finding.ruleId, message: findingMessage(finding, locale), cell: cell ? { ...cell, file: workbookName } : undefined,
      });
    }
  }
  return rows;
}

export async function runExport(cwd: string, absolutes: readonly string[], lint: readonly FileResult[], workbookName: string, locale: Locale): Promise<ExportResult> {
  const { byKind, files, documents } = collectRows(cwd, absolutes);
  const sheets = KINDS.filter((k) => byKind.has(k)).map((kind) => ({ kind, rows: byKind.get(kind)! }));
  const workbook = await writeExportWorkbook(sheets, findingRows(files, lint, workbookName, locale));
  return { workbook, rows: sheets.reduce((n, s) => n + s.rows.length, 0), documents, files };
}
