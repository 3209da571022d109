/**
 * The spreadsheet module, loaded on first use. In the bundles `./entry` is dist/sheets.js beside them (scripts/build.mjs
 * keeps this one require out of dist/cli.js and dist/server.js); from the sources it is entry.ts itself.
 */
import type * as Sheets from './entry';

let loaded: typeof Sheets | undefined;

export function loadSheets(): typeof Sheets {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose: its libraries are most of the bundle's size
  loaded ??= require('./entry') as typeof Sheets;
  return loaded;
}
