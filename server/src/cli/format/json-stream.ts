/**
 * `JSON.stringify(value, null, 2)` written in pieces, so that a report of millions of results is never one string
 * (V8 caps a string near 512 MiB). The envelope is walked; each element of a `StreamedArray` is stringified alone and
 * indented to its depth, which gives the same bytes as stringifying the whole: JSON strings hold no raw line breaks.
 */

/** An array whose elements are made one at a time, while the report is written, and never held together. */
export class StreamedArray<T> {
  constructor(readonly items: Iterable<T>) {}
}

/** `items.map(make)` as a `StreamedArray`: each element made when it is written. */
export function streamed<T, U>(items: Iterable<T>, make: (item: T) => U): StreamedArray<U> {
  return new StreamedArray((function* () { for (const item of items) yield make(item); })());
}

function indented(json: string, pad: string): string {
  return json.includes('\n') ? json.replace(/\n/g, `\n${pad}`) : json;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** The pieces of `JSON.stringify(value, null, 2)` for a value at `depth`, its first line already begun. */
export function* jsonChunks(value: unknown, depth = 0): Generator<string> {
  const pad = '  '.repeat(depth + 1);
  const closing = '  '.repeat(depth);
  if (value instanceof StreamedArray) {
    let first = true;
    for (const item of value.items as Iterable<unknown>) {
      yield `${first ? '[' : ','}\n${pad}${omitted(item) ? 'null' : indented(JSON.stringify(item, null, 2), pad)}`;
      first = false;
    }
    yield first ? '[]' : `\n${closing}]`;
  } else if (Array.isArray(value)) {
    if (value.length === 0) { yield '[]'; return; }
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}\n${pad}`;
      if (omitted(value[i])) yield 'null';
      else yield* jsonChunks(value[i], depth + 1);
    }
    yield `\n${closing}]`;
  } else if (value !== null && typeof value === 'object' && !('toJSON' in value)) {
    const entries = Object.entries(value).filter(([, v]) => !omitted(v));
    if (entries.length === 0) { yield '{}'; return; }
    for (let i = 0; i < entries.length; i++) {
      yield `${i === 0 ? '{' : ','}\n${pad}${JSON.stringify(entries[i][0])}: `;
      yield* jsonChunks(entries[i][1], depth + 1);
    }
    yield `\n${closing}}`;
  } else {
    yield indented(JSON.stringify(value, null, 2), closing);
  }
}
