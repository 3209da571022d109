/**
 * The sharing map's groups and cross-boundary flags, as plain data. Agencies are grouped by the place path of their
 * GB/T 2260 region code (province → prefecture → county; a level the bundled list does not hold, such as a
 * municipality's 市辖区, is skipped), national-level agencies in one group of their own and agencies without a known
 * region in another. An agreement is 跨层级 when its two ends have different levels, 跨地域 when neither end's region
 * contains the other's, and 跨部门 when the ends belong to different departments (see `departmentKey`).
 * Inside a region group that also holds sub-regions or agencies of several levels, the agencies of each level form a
 * sub-group of their own (`splitByLevel`), so a province reads 省级 · 成都市 · 绵阳市 … and each can stay collapsed.
 */
import { bundledRegions } from '../engine';

export interface MapGroup {
  id: string;
  /** The region's own name ("锦江区"), or the group's heading. */
  label: string;
  /** The full place path with the code ("四川省 成都市 锦江区 510104"), shown on hover and in the side panel. */
  title: string;
  parent: string | undefined;
  /** 0 for provinces and the two special groups, 1 for prefectures, 2 for counties; a level sub-group one below its region. */
  depth: number;
  /** Set on a level sub-group (see `splitByLevel`): its agencies' level code, '' for an unknown level. */
  level?: string;
}

export interface CrossFlags { level: boolean; region: boolean; department: boolean }

export const NATIONAL_GROUP = 'g:national';
export const UNKNOWN_GROUP = 'g:unknown';
/** The national level code (表A.2): such agencies stand above every region. */
const NATIONAL_LEVEL = '1';

interface Grouped { level: string | undefined; region: string | undefined }

/** The region codes from the province down to `code` that the bundled list holds (the code itself last). */
function placePath(code: string): string[] {
  const regions = bundledRegions();
  if (!/^\d{6}$/.test(code) || !regions.has(code)) return [];
  const candidates = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];
  return [...new Set(candidates)].filter((c) => regions.has(c));
}

/** The innermost group of an agency: its region's, the national group, or the unknown group. */
export function groupOf(agency: Grouped): string {
  if (agency.level === NATIONAL_LEVEL || agency.region === '100000') return NATIONAL_GROUP;
  const path = agency.region === undefined ? [] : placePath(agency.region);
  return path.length ? `g:${path[path.length - 1]}` : UNKNOWN_GROUP;
}

/** Every group the agencies need, parents before children, in code order (special groups first and last). */
export function buildGroups(agencies: readonly Grouped[], labels: { national: string; unknown: string }): MapGroup[] {
  const regions = bundledRegions();
  const out = new Map<string, MapGroup>();
  for (const a of agencies) {
    const own = groupOf(a);
    if (own === NATIONAL_GROUP || own === UNKNOWN_GROUP) {
      const label = own === NATIONAL_GROUP ? labels.national : labels.unknown;
      out.set(own, { id: own, label, title: label, parent: undefined, depth: 0 });
      continue;
    }
    let parent: string | undefined;
    placePath(a.region!).forEach((code, depth) => {
      const id = `g:${code}`;
      if (!out.has(id)) out.set(id, { id, label: regions.name(code) ?? code, title: `${regions.fullName(code) ?? code} ${code}`, parent, depth });
      parent = id;
    });
  }
  const rank = (id: string) => (id === NATIONAL_GROUP ? '0' : id === UNKNOWN_GROUP ? '2' : `1${id}`);
  return [...out.values()].sort((x, y) => rank(x.id).localeCompare(rank(y.id)));
}

interface Placed { level: string | undefined; group: string }

/** The id of the level sub-group of `group` for agencies of `level`. */
const levelGroupId = (group: string, level: string | undefined) => `${group}/${level ?? ''}`;

/**
 * Level sub-groups: where a region group holds sub-regions as well as agencies, or agencies of more than one level,
 * its agencies move into one sub-group per level (levels in code order, unknown last), placed right after their
 * region so they come first among its children. Returns every group, parents first, and each agency's innermost group.
 */
export function splitByLevel(agencies: readonly Placed[], groups: readonly MapGroup[]): { groups: MapGroup[]; groupOf: (agency: Placed) => string } {
  const levels = new Map<string, Set<string | undefined>>();
  for (const a of agencies) levels.set(a.group, (levels.get(a.group) ?? new Set()).add(a.level));
  const hasChildren = new Set(groups.map((g) => g.parent).filter((p): p is string => p !== undefined));
  const split = new Set([...levels].filter(([id, held]) => held.size > 1 || hasChildren.has(id)).map(([id]) => id));
  const out: MapGroup[] = [];
  for (const g of groups) {
    out.push(g);
    if (!split.has(g.id)) continue;
    const held = [...levels.get(g.id)!].sort((x, y) => (x === y ? 0 : x === undefined ? 1 : y === undefined ? -1 : x.localeCompare(y)));
    for (const level of held) out.push({ id: levelGroupId(g.id, level), label: level ?? '', title: g.title, parent: g.id, depth: g.depth + 1, level: level ?? '' });
  }
  return { groups: out, groupOf: (a) => (split.has(a.group) ? levelGroupId(a.group, a.level) : a.group) };
}

/** Whether region `outer` is `inner` or holds it (province ⊃ prefecture ⊃ county, by code prefix). */
function contains(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (outer.endsWith('0000')) return inner.startsWith(outer.slice(0, 2));
  return outer.endsWith('00') && inner.startsWith(outer.slice(0, 4));
}

/**
 * The department an agency belongs to, read from its name: the place names of its region dropped from the front,
 * a branch ("…局XX区分局", "…局第2分局") folded into its bureau, and 厅 read as 局 (a province's 公安厅 and a
 * county's 公安局 are one department line). Undefined when nothing is left.
 */
export function departmentKey(name: string, region: string | undefined): string | undefined {
  const places = region ? (bundledRegions().fullName(region) ?? '').split(' ').filter(Boolean) : [];
  let rest = name.trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const place of places) {
      if (rest.startsWith(place) && rest.length > place.length) { rest = rest.slice(place.length); changed = true; }
    }
  }
  rest = rest.replace(/^(.+?[局厅])(.*分局)$/, '$1').replace(/厅$/, '局');
  return rest || undefined;
}

interface Party extends Grouped { name: string; parent?: string; uscc: string }

/** The three cross-boundary flags of an agreement between `a` and `b`; an unknown value never counts as crossing. */
export function crossFlags(a: Party, b: Party): CrossFlags {
  const level = a.level !== undefined && b.level !== undefined && a.level !== b.level;
  const region = a.region !== undefined && b.region !== undefined && !contains(a.region, b.region) && !contains(b.region, a.region);
  const related = a.parent === b.uscc || b.parent === a.uscc;
  const da = departmentKey(a.name, a.region);
  const db = departmentKey(b.name, b.region);
  const department = !related && da !== undefined && db !== undefined && da !== db;
  return { level, region, department };
}
