import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';

const VALID = join(__dirname, 'valid');

/** A fresh copy of a valid fixture's data, to be changed by one test row. */
export function fixture(file: string): Record<string, unknown> {
  return parse(readFileSync(join(VALID, file), 'utf8')) as Record<string, unknown>;
}

type Container = Record<string | number, unknown>;

function parentOf(data: unknown, path: readonly (string | number)[]): Container {
  let node = data as Container;
  for (const segment of path.slice(0, -1)) node = node[segment] as Container;
  return node;
}

/** `data` with the value at `path` replaced (or added). */
export function withValue<T>(data: T, path: readonly (string | number)[], value: unknown): T {
  parentOf(data, path)[path[path.length - 1]] = value;
  return data;
}

/** `data` without the field at `path`. */
export function without<T>(data: T, path: readonly (string | number)[]): T {
  delete parentOf(data, path)[path[path.length - 1]];
  return data;
}
