/**
 * Where an import keeps the documents it assembles. Rows of one provider may be anywhere in the sheets, so a
 * document cannot be written before the last row; holding every one in memory took 2 GB for 657,059 rows. The spill
 * store writes a document to a temporary file as soon as the rows move on to another one (in a sheet sorted by
 * provider, as export writes it, that document is finished) and reads it back only if its rows come again, or at the
 * end to write it: memory holds one document at a time.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { AssembledDocument, DocumentStore } from './assemble';
import { CellsByPath } from './cells-by-path';

interface Parked { offset: number; length: number }

export class SpillStore implements DocumentStore {
  private readonly entries = new Map<string, AssembledDocument | Parked>();
  private folder: string | undefined;
  private fd: number | undefined;
  private size = 0;

  get(key: string): AssembledDocument | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined || !('offset' in entry)) return entry;
    const doc = this.load(entry);
    this.entries.set(key, doc);
    return doc;
  }

  set(key: string, doc: AssembledDocument): void {
    this.entries.set(key, doc);
  }

  leave(doc: AssembledDocument): void {
    if (this.entries.get(doc.key) !== doc) return;
    // v8's serialiser keeps what JSON would not (NaN, key order, the cell table's Int32Array) and is as fast.
    const bytes = serialize({ key: doc.key, kind: doc.kind, data: doc.data, cells: doc.cells });
    if (this.fd === undefined) {
      this.folder = mkdtempSync(join(tmpdir(), 'govspec-import-'));
      this.fd = openSync(join(this.folder, 'documents.bin'), 'w+');
    }
    writeSync(this.fd, bytes, 0, bytes.length, this.size);
    this.entries.set(doc.key, { offset: this.size, length: bytes.length });
    this.size += bytes.length;
  }

  /** Every document, in the order first seen, each read back as it is wanted and let go after. */
  *drain(): IterableIterator<AssembledDocument> {
    for (const [key, entry] of this.entries) {
      this.entries.delete(key);
      yield 'offset' in entry ? this.load(entry) : entry;
    }
  }

  /** Removes the temporary file; the store is empty after. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    if (this.folder !== undefined) rmSync(this.folder, { recursive: true, force: true });
    this.fd = undefined;
    this.folder = undefined;
    this.entries.clear();
  }

  private load(parked: Parked): AssembledDocument {
    const bytes = Buffer.alloc(parked.length);
    readSync(this.fd!, bytes, 0, parked.length, parked.offset);
    const doc = deserialize(bytes) as AssembledDocument;
    return { ...doc, cells: CellsByPath.revive(doc.cells) };
  }
}
