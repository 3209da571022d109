/**
 * `govspec export`'s work: the GovSpec documents under the given paths, by kind, into one workbook, with the
 * lint's findings on its last sheet, each linked to the cell its data went to.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { YamlSource } from '../engine';
import { KINDS } from '../engine';
import type { Finding, Kind, Locale } from '../engine';
import { displayPath } from '../cli/files/paths';
import { readSource } from '../cli/files/read-source';
import { NODE_FILE_SYSTEM } from '../host/file-system';
import { Workspaces } from '../host/workspaces';
import { findingMessage } from '../cli/format/findings';
import type { FileResult } from '../cli/lint/report';
import { CellsByPath } from './cells-by-path';
import { CellLocator } from './cell-of-finding';
import { rowsOfDocument } from './export-rows';
import type { ExportRow } from './export-rows';
import { continuedSheetName, ROWS_PER_SHEET, writeExportWorkbookFile } from './write-xlsx';
import { writeFileAtomicFrom } from '../cli/files/atomic-write';
import type { FindingRow } from './write-xlsx';

export interface ExportedFile { display: string; text: string; documents: Map<number, { cells: CellsByPath }> }

export interface ExportResult { rows: number; documents: number; files: ExportedFile[] }

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

interface ParsedDocument { index: number; kind: Kind; data: Record<string, unknown> }

/** The GovSpec documents of one file; undefined when it is no text file. */
function documentsOf(absolute: string): { text: string; documents: ParsedDocument[] } | undefined {
  const source = readSource(absolute);
  if (source.kind !== 'text') return undefined;
  const documents: ParsedDocument[] = [];
  for (const doc of new YamlSource(source.text).documents) {
    const data = doc.value as Record<string, unknown> | null;
    if (data !== null && typeof data === 'object' && isKind(data.kind)) documents.push({ index: doc.index, kind: data.kind, data });
  }
  return { text: source.text, documents };
}

/**
 * Rows of the documents of the files, one kind at a time, read from the files as they are wanted: a national export
 * holds one file's documents, not every row. The first pass learns which kinds each file holds, so that the later
 * kinds read only their own files again. `cellsOf` says which files' cells are wanted (those with findings).
 */
export class ExportSource {
  readonly files: ExportedFile[] = [];
  documents = 0;
  private readonly kindsOfFile = new Map<string, Set<Kind>>();
  private readonly counted = new Map<Kind, number>();

  constructor(private readonly cwd: string, private readonly absolutes: readonly string[], private readonly cellsOf: (display: string) => boolean, private readonly rowsPerSheet = ROWS_PER_SHEET) {}

  /** The kinds the files hold, in sheet order (reads every file once). */
  kinds(): Kind[] {
    for (const absolute of this.absolutes) {
      const parsed = documentsOf(absolute);
      this.kindsOfFile.set(absolute, new Set(parsed?.documents.map((d) => d.kind)));
      this.documents += parsed?.documents.length ?? 0;
    }
    return KINDS.filter((kind) => [...this.kindsOfFile.values()].some((kinds) => kinds.has(kind)));
  }

  /** The rows of every document of `kind`, each row's values remembering their cells when the file's are wanted. */
  *rows(kind: Kind): Generator<ExportRow> {
    let index = 0;
    for (const absolute of this.absolutes) {
      if (!this.kindsOfFile.get(absolute)?.has(kind)) continue;
      const parsed = documentsOf(absolute);
      if (!parsed) continue;
      const display = displayPath(this.cwd, absolute);
      const wanted = this.cellsOf(display);
      let file = this.files.find((f) => f.display === display);
      if (wanted && !file) {
        file = { display, text: parsed.text, documents: new Map() };
        this.files.push(file);
      }
      for (const doc of parsed.documents) {
        if (doc.kind !== kind) continue;
        const cells = new CellsByPath();
        for (const row of rowsOfDocument(kind, doc.data, wanted)) {
          if (wanted) {
            const sheet = continuedSheetName(kind, Math.floor(index / this.rowsPerSheet) + 1);
            const rowNumber = (index % this.rowsPerSheet) + 2;
            for (const [column, path] of row.paths) cells.set(path, { file: '', sheet, row: rowNumber, column: column + 1 });
          }
          index++;
          yield row;
        }
        if (file) file.documents.set(doc.index, { cells });
      }
    }
    this.counted.set(kind, index);
  }

  /** Rows written so far, all kinds. */
  get rowCount(): number {
    return [...this.counted.values()].reduce((n, c) => n + c, 0);
  }
}

/** The rows of every document of the files, per kind, held in memory, each row's values remembering their cells. */
export function collectRows(cwd: string, absolutes: readonly string[], rowsPerSheet = ROWS_PER_SHEET): { byKind: Map<Kind, ExportRow[]>; files: ExportedFile[]; documents: number } {
  const source = new ExportSource(cwd, absolutes, () => true, rowsPerSheet);
  const byKind = new Map(source.kinds().map((kind) => [kind, [...source.rows(kind)]]));
  return { byKind, files: source.files, documents: source.documents };
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

/** Streams the workbook into `output` (atomically: a temporary file renamed over it once complete). */
export async function runExport(cwd: string, absolutes: readonly string[], lint: readonly FileResult[], output: string, workbookName: string, locale: Locale): Promise<ExportResult> {
  const withFindings = new Set(lint.filter((r) => r.findings.length > 0).map((r) => r.file));
  const source = new ExportSource(cwd, absolutes, (display) => withFindings.has(display));
  const sheets = source.kinds().map((kind) => ({ kind, rows: { [Symbol.iterator]: () => source.rows(kind) } }));
  await writeFileAtomicFrom(output, (temp) => writeExportWorkbookFile(temp, sheets, () => findingRows(source.files, lint, workbookName, locale)));
  return { rows: source.rowCount, documents: source.documents, files: source.files };
}
