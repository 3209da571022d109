/** Agencies: identity, region and documents. Every agency is a pure function of (seed, index). */

import { governmentUscc } from './identifiers';
import { rngFor } from './prng';
import { levelOf, provinceOf, provinceRegionIndex, REGIONS, Region } from './regions';
import { DEPARTMENTS } from './vocabulary';
import type { YamlMap } from './yaml-emit';

export interface Agency {
  index: number;
  name: string;
  uscc: string;
  region: Region;
  level: string;
  parentIndex?: number;
}

/** Organisation-code bodies start here; agencies not in the workspace use UNKNOWN_ORG_BASE and above. */
function orgBase(seed: number): number {
  return 10_000_000 + rngFor(seed, 'org-base').int(0, 40_000_000);
}
const UNKNOWN_ORG_BASE = 90_000_000;

export function agencyAt(seed: number, index: number): Agency {
  const region = REGIONS[index % REGIONS.length];
  // Shifting by the round spreads departments over regions: (region, department) pairs repeat only after
  // REGIONS × DEPARTMENTS agencies, as long as REGIONS + 1 and DEPARTMENTS are coprime.
  const department = DEPARTMENTS[(index + Math.floor(index / REGIONS.length)) % DEPARTMENTS.length];
  const provincial = region.code.endsWith('0000') && region.code !== '110000';
  const round = Math.floor(index / (REGIONS.length * DEPARTMENTS.length));
  const suffix = round === 0 ? '' : `第${round + 1}分局`;
  const provinceIndex = provinceRegionIndex(provinceOf(region.code));
  return {
    index,
    name: `${region.label}${provincial ? department.provincial : department.local}${suffix}`,
    uscc: governmentUscc(region.code, orgBase(seed) + index),
    region,
    level: levelOf(region.code),
    parentIndex: index >= REGIONS.length ? provinceIndex : undefined,
  };
}

/** A valid USCC in `region` that belongs to no Agency document (for the `agency/unknown` defect). */
export function unknownUscc(region: string, serial: number): string {
  return governmentUscc(region, UNKNOWN_ORG_BASE + serial);
}

export function agencyRef(agency: Agency): YamlMap {
  return { name: agency.name, uscc: agency.uscc };
}

export function agencyDocument(seed: number, agency: Agency): YamlMap {
  return {
    apiVersion: 'govspec/v1',
    kind: 'Agency',
    uscc: agency.uscc,
    name: agency.name,
    region: agency.region.code,
    level: agency.level,
    parent: agency.parentIndex === undefined ? undefined : agencyAt(seed, agency.parentIndex).uscc,
  };
}
