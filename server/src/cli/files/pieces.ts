import { writeSync } from 'node:fs';

/** What a written file or stream may be given: its whole content, or its pieces in order (a streamed report). */
export type Content = string | Uint8Array | Iterable<string>;

/** About a mebibyte of text per write: few system calls, and little held at once whatever the report's size. */
const BATCH_CHARS = 1 << 20;

/** The content as UTF-8 buffers of about `BATCH_CHARS` characters each (one for a whole string or buffer). */
export function* contentBatches(content: Content): Generator<Uint8Array> {
  if (typeof content === 'string') { yield Buffer.from(content, 'utf8'); return; }
  if (content instanceof Uint8Array) { yield content; return; }
  for (const text of textBatches(content)) yield Buffer.from(text, 'utf8');
}

/** Pieces of text joined into strings of about `BATCH_CHARS` characters. */
export function* textBatches(pieces: Iterable<string>): Generator<string> {
  let batch: string[] = [];
  let length = 0;
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length >= BATCH_CHARS) {
      yield batch.join('');
      batch = [];
      length = 0;
    }
  }
  if (length > 0) yield batch.join('');
}

/** Writes all of the content to a descriptor, batch by batch, each batch whole (a write may take part of it). */
export function writeContent(fd: number, content: Content): void {
  for (const bytes of contentBatches(content)) {
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written);
  }
}
