/** How a file's bytes were written, so that a fixed text can be written back the same way. */
export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export type DecodeProblem = 'binary' | 'encoding';

export type Decoded = { text: string; encoding: TextEncoding } | { problem: DecodeProblem };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function encodingOf(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (startsWith(bytes, UTF8_BOM)) return { encoding: 'utf8-bom', bomLength: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf16le', bomLength: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf16be', bomLength: 2 };
  return { encoding: 'utf8', bomLength: 0 };
}

const DECODER_LABEL: Record<TextEncoding, string> = { utf8: 'utf-8', 'utf8-bom': 'utf-8', utf16le: 'utf-16le', utf16be: 'utf-16be' };

/**
 * docs/semantics.md: UTF-8 with or without BOM, UTF-16 when a BOM says so; anything else, and any text holding NUL,
 * is not YAML text. The BOM is not part of the text, so positions do not count it.
 */
export function decode(bytes: Uint8Array): Decoded {
  const { encoding, bomLength } = encodingOf(bytes);
  let text: string;
  try {
    text = new TextDecoder(DECODER_LABEL[encoding], { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bomLength));
  } catch {
    // Bytes that are not UTF-8 are usually binary when they hold NUL; say which, as users fix the two differently.
    return { problem: bytes.includes(0) ? 'binary' : 'encoding' };
  }
  return text.includes('\u0000') ? { problem: 'binary' } : { text, encoding };
}

/** The bytes of a text in the encoding it was read in, BOM included. */
export function encode(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8': return Buffer.from(text, 'utf8');
    case 'utf8-bom': return Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(text, 'utf8')]);
    case 'utf16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}
