import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { LIMITS } from '../../engine/yaml/parse';
import { decode } from '../../host/decode';
import type { DecodeProblem, TextEncoding } from '../../host/decode';

/** Why a file yields no text: a whole-file finding (semantics.md §3), unless it vanished since the walk. */
export type SourceProblem = DecodeProblem | 'size' | 'unreadable';

export type Source =
  | { kind: 'text'; text: string; encoding: TextEncoding }
  /** `sample` is what could be read of the file, to decide whether it is meant as GovSpec at all. */
  | { kind: 'problem'; problem: SourceProblem; detail: string; sample: string }
  | { kind: 'gone' };

/** How much of an over-sized file is read to look for the GovSpec mark. */
const SAMPLE_BYTES = 64 * 1024;

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** Reads one input file; every failure is data, never an exception. */
export function readSource(file: string): Source {
  return readSourceAndBytes(file).source;
}

/** Reads one input file, keeping its bytes when it could be read whole (the cache hashes them). */
export function readSourceAndBytes(file: string): { source: Source; bytes?: Buffer } {
  try {
    const size = statSync(file).size;
    if (size > LIMITS.fileBytes) return { source: { kind: 'problem', problem: 'size', detail: `${size} bytes`, sample: readSample(file) } };
    const bytes = readFileSync(file);
    return { source: fromBytes(bytes), bytes };
  } catch (error) {
    const code = errorCode(error);
    // A file deleted between the walk and the read is simply no longer part of the run.
    if (code === 'ENOENT') return { source: { kind: 'gone' } };
    return { source: { kind: 'problem', problem: 'unreadable', detail: code, sample: '' } };
  }
}

/** Decodes bytes read from a file or from standard input. */
export function fromBytes(bytes: Buffer): Source {
  const decoded = decode(bytes);
  if ('problem' in decoded) return { kind: 'problem', problem: decoded.problem, detail: '', sample: bytes.toString('latin1') };
  return { kind: 'text', text: decoded.text, encoding: decoded.encoding };
}

function readSample(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, SAMPLE_BYTES, 0)).toString('latin1');
  } finally {
    closeSync(fd);
  }
}
