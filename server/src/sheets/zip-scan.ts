/**
 * A look inside an .xlsx before exceljs reads it: the zip must open (a truncated or corrupt file fails here, in one
 * line), no entry may inflate beyond the bounds below (a zip bomb is refused before anything is written or held), and
 * every entry is inflated once, counting its bytes, so that sizes a crafted file lies about are caught too. On the
 * way it notes what import leaves out and says so: macros, external links, embedded objects, hidden rows.
 */
import { open } from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { Readable } from 'node:stream';

/**
 * Bounds on what a workbook may inflate to. An entry is a sheet: Excel's 1,048,576 rows of a catalogue take about
 * 1.2 GB of XML; the national catalogue's 4.9 million rows, spread over five such sheets, about 5.5 GB in all.
 */
export const ZIP_LIMITS = { totalBytes: 16 * 1024 ** 3, entryBytes: 2 * 1024 ** 3, ratio: 400, ratioFloorBytes: 8 * 1024 ** 2, entries: 10_000 };

export type ZipRefusal = 'not-zip' | 'encrypted' | 'bomb' | 'corrupt';

export class ZipRefused extends Error {
  constructor(readonly reason: ZipRefusal, detail: string) {
    super(detail);
  }
}

/** Parts of a workbook that import never reads, by what they are. */
export type IgnoredPart = 'macros' | 'external-links' | 'embedded-objects';

export interface ZipScan {
  ignored: Map<IgnoredPart, string[]>;
  /** Sheet name → numbers of its hidden rows. */
  hiddenRows: Map<string, number[]>;
  /** Worksheet part → its sheet's name and whether the sheet is hidden, in the workbook's order. */
  sheets: Map<string, { name: string; hidden: boolean }>;
  /** Whether the workbook counts its dates from 1904 (old Mac Excel) rather than 1900. */
  date1904: boolean;
  /** Every entry, by name, for reading parts again from the same file. */
  entries: Map<string, Entry>;
}

/** The parts that name the sheets, kept as text (they are small) to tie each worksheet part to its sheet's name. */
const NAMING_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];

const unescapeXml = (text: string): string => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

/** Worksheet part → sheet name, from workbook.xml's `<sheet name r:id>` and the relationships' targets. */
function sheetNamesByPart(workbook: string, rels: string): Map<string, { name: string; hidden: boolean }> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, { name: string; hidden: boolean }>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = rid ? targets.get(rid) : undefined;
    if (name !== undefined && part) names.set(part, { name: unescapeXml(name), hidden: /\bstate="(?:hidden|veryHidden)"/.test(m[0]) });
  }
  return names;
}

function ignoredPartOf(name: string): IgnoredPart | undefined {
  if (/vbaProject\.bin$/i.test(name) || /^xl\/macrosheets\//i.test(name)) return 'macros';
  if (/^xl\/externalLinks\//i.test(name)) return 'external-links';
  if (/^xl\/(embeddings|activeX|ctrlProps)\//i.test(name)) return 'embedded-objects';
  return undefined;
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** An encrypted workbook (and a legacy .xls) is an OLE compound file, not a zip. */
export function isOleFile(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(0, 8)).equals(OLE_SIGNATURE);
}

/** The zip, open; `autoClose` false keeps it open for reading its parts in any order, until `close()`. */
export function openZip(file: string, autoClose = true): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    open(file, { lazyEntries: true, autoClose, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(new ZipRefused('corrupt', error?.message ?? 'unreadable'));
      else resolve(zip);
    });
  });
}

/** Rows marked hidden in a worksheet's XML, found in its text as it streams by. */
class HiddenRowScanner {
  readonly rows: number[] = [];
  private tail = '';

  push(chunk: Buffer): void {
    const text = this.tail + chunk.toString('latin1');
    const lastOpen = text.lastIndexOf('<row');
    const complete = lastOpen >= 0 && text.indexOf('>', lastOpen) < 0 ? text.slice(0, lastOpen) : text;
    for (const m of complete.matchAll(/<row\b[^>]*>/g)) {
      if (/\bhidden="(?:1|true)"/.test(m[0])) {
        const r = /\br="(\d+)"/.exec(m[0]);
        if (r) this.rows.push(Number(r[1]));
      }
    }
    this.tail = text.slice(complete.length).slice(-4096);
  }
}

/** The text of a small part, up to a bound (the names of sheets, never megabytes). */
class TextKeeper {
  private chunks: Buffer[] = [];
  private size = 0;
  push(chunk: Buffer): void {
    if (this.size > 16 * 1024 ** 2) return;
    this.chunks.push(chunk);
    this.size += chunk.length;
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

function checkDeclared(entry: Entry, total: number): void {
  const size = entry.uncompressedSize;
  const ratio = size / Math.max(entry.compressedSize, 1);
  if (size > ZIP_LIMITS.entryBytes || total > ZIP_LIMITS.totalBytes || (size > ZIP_LIMITS.ratioFloorBytes && ratio > ZIP_LIMITS.ratio)) {
    throw new ZipRefused('bomb', `${entry.fileName}: ${size} bytes from ${entry.compressedSize}`);
  }
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) throw new ZipRefused('encrypted', entry.fileName);
}

/** An entry's inflated bytes, as a stream (validateEntrySizes stops one that runs past the size it declares). */
export function entryStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) reject(new ZipRefused('corrupt', `${entry.fileName}: ${error?.message ?? 'unreadable'}`));
      else resolve(stream);
    });
  });
}

/** Counts an entry's inflated bytes as they come and throws past the bound of an entry, whatever its header says. */
export function byteBound(entry: Entry): (chunk: Buffer) => void {
  let bytes = 0;
  return (chunk) => {
    bytes += chunk.length;
    if (bytes > ZIP_LIMITS.entryBytes) throw new ZipRefused('bomb', `${entry.fileName}: more than ${ZIP_LIMITS.entryBytes} bytes`);
  };
}

/** A stream's error as a refusal: a bound it ran past, or a corrupt entry. */
export function refusalOf(entry: Entry, e: unknown): ZipRefused {
  if (e instanceof ZipRefused) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ZipRefused(/too many bytes/.test(message) ? 'bomb' : 'corrupt', `${entry.fileName}: ${message}`);
}

async function drain(zip: ZipFile, entry: Entry, scanner: { push(chunk: Buffer): void } | undefined): Promise<void> {
  const stream = await entryStream(zip, entry);
  const count = byteBound(entry);
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      try {
        count(chunk);
      } catch (error) {
        stream.destroy(error as Error);
        return;
      }
      scanner?.push(chunk);
    });
    stream.on('error', (e: Error) => reject(refusalOf(entry, e)));
    stream.on('end', () => resolve());
  });
}

export async function scanZip(file: string): Promise<ZipScan> {
  const zip = await openZip(file);
  const scan: ZipScan = { ignored: new Map(), hiddenRows: new Map(), sheets: new Map(), date1904: false, entries: new Map() };
  const hiddenByPart = new Map<string, number[]>();
  const naming = new Map<string, string>();
  let total = 0;
  let count = 0;
  return new Promise<ZipScan>((resolve, reject) => {
    const fail = (error: unknown) => {
      zip.close();
      reject(error instanceof ZipRefused ? error : new ZipRefused('corrupt', error instanceof Error ? error.message : String(error)));
    };
    zip.on('error', fail);
    zip.on('end', () => {
      scan.sheets = sheetNamesByPart(naming.get(NAMING_PARTS[0]) ?? '', naming.get(NAMING_PARTS[1]) ?? '');
      scan.date1904 = /<workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(naming.get(NAMING_PARTS[0]) ?? '');
      for (const [part, rows] of hiddenByPart) scan.hiddenRows.set(scan.sheets.get(part)?.name ?? part, rows);
      resolve(scan);
    });
    zip.on('entry', (entry: Entry) => {
      void (async () => {
        total += entry.uncompressedSize;
        scan.entries.set(entry.fileName, entry);
        if (++count > ZIP_LIMITS.entries) throw new ZipRefused('bomb', `more than ${ZIP_LIMITS.entries} entries`);
        checkDeclared(entry, total);
        const ignored = ignoredPartOf(entry.fileName);
        if (ignored) scan.ignored.set(ignored, [...(scan.ignored.get(ignored) ?? []), entry.fileName]);
        const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.fileName);
        const scanner = isSheet ? new HiddenRowScanner() : undefined;
        const keep = NAMING_PARTS.includes(entry.fileName) ? new TextKeeper() : undefined;
        if (!entry.fileName.endsWith('/')) await drain(zip, entry, scanner ?? keep);
        if (scanner && scanner.rows.length > 0) hiddenByPart.set(entry.fileName, scanner.rows);
        if (keep) naming.set(entry.fileName, keep.text);
        zip.readEntry();
      })().catch(fail);
    });
    zip.readEntry();
  });
}
