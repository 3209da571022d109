import { alignmentDistance } from '../text/did-you-mean';

/**
 * The dated GB/T 2260 region list (行政区划代码): the bundled list that
 * scripts/build-regions.mjs derives, extendable by config `regions.add`. Pure: the list is a JSON module.
 */

export interface RegionMatch { code: string; name: string; fullName: string }

export interface RegionList {
  vintage: string;
  source: string;
  has(code: string): boolean;
  name(code: string): string | undefined;
  /** The place path, e.g. "北京市 海淀区", "河北省 石家庄市 长安区". */
  fullName(code: string): string | undefined;
  /** By code prefix when the query is all digits, else by name (every space-separated word in the place path). */
  search(query: string, limit?: number): RegionMatch[];
}

interface RegionsFile {
  vintage: string;
  source: { package: string; version: string; licence: string };
  codes: Record<string, string>;
}

const DEFAULT_SEARCH_LIMIT = 20;

export function provinceOf(code: string): string {
  return code.slice(0, 2);
}

function prefectureOf(code: string): string {
  return code.slice(0, 4);
}

/** The codes above `code` in its place path: its province and, for a county, its prefecture. */
function ancestorsOf(code: string): string[] {
  if (code.endsWith('0000')) return [];
  const province = `${provinceOf(code)}0000`;
  return code.endsWith('00') ? [province] : [province, `${prefectureOf(code)}00`];
}

/** How well a name answers a query word: exact, prefix, contained, or only through the place path. */
function nameRank(name: string, word: string): number {
  if (name === word) return 0;
  if (name.startsWith(word)) return 1;
  return name.includes(word) ? 2 : 3;
}

function listFromCodes(vintage: string, source: string, names: ReadonlyMap<string, string>): RegionList {
  const fullName = (code: string): string | undefined => {
    const own = names.get(code);
    if (own === undefined) return undefined;
    const path = ancestorsOf(code).flatMap((ancestor) => names.get(ancestor) ?? []);
    return [...path, own].join(' ');
  };
  const all: readonly RegionMatch[] = [...names].map(([code, name]) => ({ code, name, fullName: fullName(code) ?? name }));

  const search = (query: string, limit = DEFAULT_SEARCH_LIMIT): RegionMatch[] => {
    const trimmed = query.trim();
    if (trimmed === '') return [];
    if (/^\d+$/.test(trimmed)) {
      return all.filter((region) => region.code.startsWith(trimmed)).slice(0, limit);
    }
    const words = trimmed.split(/\s+/);
    const last = words[words.length - 1];
    return all
      .filter((region) => words.every((word) => region.fullName.includes(word)))
      .map((region) => ({ region, rank: nameRank(region.name, last) }))
      .sort((a, b) => a.rank - b.rank || a.region.code.localeCompare(b.region.code))
      .slice(0, limit)
      .map(({ region }) => region);
  };

  return {
    vintage,
    source,
    has: (code) => names.has(code),
    name: (code) => names.get(code),
    fullName,
    search,
  };
}

let bundled: RegionList | undefined;

/** The list built into GovSpec (loaded once). Requires `node scripts/build-regions.mjs` to have run. */
export function bundledRegions(): RegionList {
  if (!bundled) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- build output, absent until scripts/build-regions.mjs runs
    const file = require('./generated/regions.json') as RegionsFile;
    const { package: name, version, licence } = file.source;
    const names = new Map(Object.entries(file.codes).sort(([a], [b]) => a.localeCompare(b)));
    bundled = listFromCodes(file.vintage, `${name}@${version} (${licence})`, names);
  }
  return bundled;
}

/**
 * `base` plus the codes of config `regions.add`. Added codes are accepted by `has`; they carry no name, so
 * `name`, `fullName` and `search` keep answering from `base` alone.
 */
export function withAdditions(base: RegionList, add: readonly string[]): RegionList {
  if (add.length === 0) return base;
  const added = new Set(add);
  return {
    vintage: base.vintage,
    source: `${base.source} + regions.add (${added.size})`,
    has: (code) => added.has(code) || base.has(code),
    name: (code) => base.name(code),
    fullName: (code) => base.fullName(code),
    search: (query, limit) => base.search(query, limit),
  };
}

/**
 * Did-you-mean candidates for a code not in `list`: codes of the same prefecture (first four digits) one
 * edit away (a digit changed, dropped, added, or two neighbours swapped), in code order.
 */
export function suggestRegion(code: string, list: RegionList): string[] {
  if (!/^\d{4}/.test(code)) return [];
  return list
    .search(prefectureOf(code), Number.POSITIVE_INFINITY)
    .map((region) => region.code)
    .filter((candidate) => candidate !== code && alignmentDistance(candidate, code) === 1);
}
