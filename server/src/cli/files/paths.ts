import { isAbsolute, relative, sep } from 'node:path';

/** A path as reports print it: relative to the working directory, with `/` separators (cli.md). */
export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return (isAbsolute(rel) ? rel : rel || '.').split(sep).join('/');
}
