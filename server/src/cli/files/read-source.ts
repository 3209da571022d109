import { LIMITS } from '../../engine';
import { decode } from '../../host/decode';
import { readRegularFile } from '../../host/read-regular';
import type { DecodeProblem, TextEncoding } from '../../host/decode';

/** Why a file yields no text: a whole-file finding (docs/semantics.md), unless it vanished since the walk. */
export type SourceProblem = DecodeProblem | 'size' | 'unreadable';

export type Source =
  | { kind: 'text'; text: string; encoding: TextEncoding }
  /** `sample` is what could be read of the file, to decide whether it is meant as GovSpec at all. */
  | { kind: 'problem'; problem: SourceProblem; detail: string; sample: string }
  | { kind: 'gone' };

/** Reads one input file; every failure is data, never an exception. `workspace`: see `readRegularFile`. */
export function readSource(file: string, workspace?: string): Source {
  return readSourceAndBytes(file, workspace).source;
}

/** Reads one input file, keeping its bytes when it could be read whole (the cache hashes them). */
export function readSourceAndBytes(file: string, workspace?: string): { source: Source; bytes?: Buffer } {
  const read = readRegularFile(file, { maxBytes: LIMITS.fileBytes, workspace });
  switch (read.kind) {
    case 'bytes': return { source: fromBytes(read.bytes), bytes: read.bytes };
    // A file deleted between the walk and the read is simply no longer part of the run.
    case 'gone': return { source: { kind: 'gone' } };
    case 'too-big': return { source: { kind: 'problem', problem: 'size', detail: `over ${LIMITS.fileBytes} bytes`, sample: read.head.toString('latin1') } };
    case 'refused': return { source: { kind: 'problem', problem: 'unreadable', detail: read.why, sample: '' } };
  }
}

/** Decodes bytes read from a file or from standard input. */
export function fromBytes(bytes: Buffer): Source {
  const decoded = decode(bytes);
  if ('problem' in decoded) return { kind: 'problem', problem: decoded.problem, detail: '', sample: bytes.toString('latin1') };
  return { kind: 'text', text: decoded.text, encoding: decoded.encoding };
}
