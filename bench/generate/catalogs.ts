/** Catalogue resources. Each resource is a pure function of (seed, catalogue, position). */

import { agencyAt, agencyRef } from './agencies';
import { Rng, rngFor } from './prng';
import { REFERENCED_RESOURCES } from './scales';
import {
  BASE_TOPICS, ItemSpec, ITEM_POOLS, OTHER_TOPICS, RESOURCE_SUFFIXES, ResourceTopic, SENSITIVE_ITEMS,
} from './vocabulary';
import type { YamlMap } from './yaml-emit';

export type ShareType = 'unconditional' | 'conditional' | 'none';
export type DataGrade = 'general' | 'important' | 'core';

export interface Resource {
  code: string;
  name: string;
  category: '1' | '2' | '3';
  shareType: ShareType;
  dataGrade: DataGrade;
  items: ItemSpec[];
  document: YamlMap;
}

/** Resource codes: category, 2-digit item, 3-digit sub-item, '-', 4-digit catalogue, 3-digit position. */
export const RESOURCE_CODE_PATTERN = '[1-3][0-9]{5}-[0-9]{7}';

export function resourceCode(category: string, item: string, subItem: string, catalog: number, position: number): string {
  return `${category}${item}${subItem}-${String(catalog).padStart(4, '0')}${String(position).padStart(3, '0')}`;
}

const FORMATS: readonly { category: string; type: string; platformModes: string[] }[] = [
  { category: 'database', type: 'mysql', platformModes: ['database', 'api'] },
  { category: 'api', type: 'rest', platformModes: ['api'] },
  { category: 'spreadsheet', type: 'xlsx', platformModes: ['file'] },
  { category: 'file', type: 'ofd', platformModes: ['file'] },
];
const UPDATE_CYCLES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly'];
const NONE_BASIS = '《中华人民共和国个人信息保护法》第二十八条、《政务信息资源共享管理暂行办法》第九条';
const CONDITION = '仅限履行法定职责所需，经提供部门审核同意后共享';

function chooseTopic(rng: Rng): { category: '1' | '2' | '3'; topic: ResourceTopic } {
  const roll = rng.next();
  if (roll < 0.25) return { category: '1', topic: rng.pick(BASE_TOPICS) };
  return { category: roll < 0.6 ? '2' : '3', topic: rng.pick(OTHER_TOPICS) };
}

function chooseShare(rng: Rng, category: string): ShareType {
  if (category === '1') return 'unconditional';
  const roll = rng.next();
  if (roll < 0.55) return 'unconditional';
  return roll < 0.9 ? 'conditional' : 'none';
}

function itemDocument(spec: ItemSpec): YamlMap {
  return { name: spec.name, dataType: spec.dataType, length: spec.length, personal: spec.personal };
}

function publishDate(rng: Rng): string {
  const month = String(rng.int(1, 12)).padStart(2, '0');
  const day = String(rng.int(1, 28)).padStart(2, '0');
  return `${rng.int(2019, 2025)}-${month}-${day}`;
}

export function resourceAt(seed: number, catalog: number, position: number): Resource {
  const rng = rngFor(seed, 'resource', catalog, position);
  const { category, topic } = chooseTopic(rng);
  const item = String(rng.int(1, 20)).padStart(2, '0');
  const subItem = String(rng.int(1, 120)).padStart(3, '0');
  const code = resourceCode(category, item, subItem, catalog, position);
  const name = `${topic.name}${rng.pick(RESOURCE_SUFFIXES)}`;
  const shareType = chooseShare(rng, category);
  const gradeRoll = rng.next();
  const dataGrade: DataGrade = gradeRoll < 0.85 ? 'general' : gradeRoll < 0.97 ? 'important' : 'core';
  const pool = ITEM_POOLS[topic.pool];
  const items = rng.sample(pool, rng.int(5, 10)).sort((a, b) => pool.indexOf(a) - pool.indexOf(b));
  if (shareType === 'conditional' && rng.chance(0.3)) items.push(rng.pick(SENSITIVE_ITEMS));
  const open = shareType === 'unconditional' && dataGrade === 'general' && rng.chance(0.15);
  const format = rng.pick(FORMATS);
  const related = position > 0 && position < REFERENCED_RESOURCES && rng.chance(0.2)
    ? [resourceAt(seed, catalog, rng.int(0, position - 1)).code]
    : undefined;
  const document: YamlMap = {
    code,
    name,
    abstract: `${name}，包括${items.slice(0, 2).map((spec) => spec.name).join('、')}等信息项。`,
    classification: { category, item, subItem },
    base: topic.base,
    format: { category: format.category, type: format.type },
    items: items.map(itemDocument),
    share: {
      type: shareType,
      condition: shareType === 'conditional' ? CONDITION : undefined,
      basis: shareType === 'none' ? NONE_BASIS : undefined,
      mode: 'platform',
      platformMode: rng.pick(format.platformModes),
    },
    open: open ? { open: true, condition: '无条件开放' } : { open: false },
    updateCycle: rng.pick(UPDATE_CYCLES),
    publishDate: publishDate(rng),
    related,
    dataGrade,
  };
  return { code, name, category, shareType, dataGrade, items, document };
}

/** The agency that provides catalogue `catalog`. */
export function catalogProviderIndex(catalog: number, agencies: number): number {
  return catalog % agencies;
}

export function catalogDocument(seed: number, catalog: number, resources: YamlMap[], agencies: number): YamlMap {
  return {
    apiVersion: 'govspec/v1',
    kind: 'Catalog',
    provider: agencyRef(agencyAt(seed, catalogProviderIndex(catalog, agencies))),
    resources,
  };
}
