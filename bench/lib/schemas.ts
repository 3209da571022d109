/**
 * The project's JSON Schemas made self-contained for peers: `common.schema.json#/definitions/X` refs inlined as
 * `#/definitions/common--X`, `$id` dropped (so nothing is fetched), annotation keywords `x-*` and the project's
 * own formats (validated by GovSpec's code, unknown to peers) removed.
 */

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BENCH_DIR, REPO_DIR } from './corpus';

export const KIND_SCHEMAS: Readonly<Record<string, string>> = {
  Service: 'service', Catalog: 'catalog', SharingAgreement: 'agreement', Agency: 'agency',
};

const STANDARD_FORMATS = new Set(['date', 'date-time', 'time', 'email', 'uri', 'uri-reference', 'ipv4', 'ipv6', 'hostname', 'regex']);
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const COMMON_PREFIX = 'common.schema.json#/definitions/';

function rewrite(value: Json, inCommon: boolean, parentKey: string): Json {
  if (Array.isArray(value)) return value.map((entry) => rewrite(entry, inCommon, ''));
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  const isPropertyMap = parentKey === 'properties' || parentKey === 'patternProperties' || parentKey === 'definitions';
  for (const [key, entry] of Object.entries(value)) {
    if (!isPropertyMap && (key.startsWith('x-') || key === '$id' || key === '$comment')) continue;
    if (!isPropertyMap && key === 'format' && typeof entry === 'string' && !STANDARD_FORMATS.has(entry)) continue;
    if (!isPropertyMap && key === '$ref' && typeof entry === 'string') {
      if (entry.startsWith(COMMON_PREFIX)) out[key] = `#/definitions/common--${entry.slice(COMMON_PREFIX.length)}`;
      else if (inCommon && entry.startsWith('#/definitions/')) out[key] = `#/definitions/common--${entry.slice('#/definitions/'.length)}`;
      else out[key] = entry;
      continue;
    }
    out[key] = rewrite(entry, inCommon, isPropertyMap ? '' : key);
  }
  return out;
}

export function bundleSchema(schema: Json, common: Json): Json {
  const root = rewrite(schema, false, '') as { [key: string]: Json };
  const commonDefs = ((common as { definitions?: { [key: string]: Json } }).definitions) ?? {};
  const definitions = { ...((root.definitions as { [key: string]: Json } | undefined) ?? {}) };
  for (const [name, def] of Object.entries(commonDefs)) definitions[`common--${name}`] = rewrite(def, true, '');
  return { ...root, definitions };
}

function readJson(file: string): Json {
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

/** Writes `<name>.schema.json` for each kind into bench/corpus/.derived/schemas and returns that folder. */
export function writeBundledSchemas(): string {
  const dir = path.join(BENCH_DIR, 'corpus', '.derived', 'schemas');
  mkdirSync(dir, { recursive: true });
  const common = readJson(path.join(REPO_DIR, 'schemas', 'common.schema.json'));
  for (const name of Object.values(KIND_SCHEMAS)) {
    const schema = readJson(path.join(REPO_DIR, 'schemas', `${name}.schema.json`));
    writeFileSync(path.join(dir, `${name}.schema.json`), `${JSON.stringify(bundleSchema(schema, common), null, 1)}\n`);
  }
  return dir;
}
