/** The injected defects: about 1 % of documents each carry one, and each triggers exactly one rule. */

import { unknownUscc } from './agencies';
import { agreementAt, Agreement, expiredValidity } from './agreements';
import { resourceAt, resourceCode } from './catalogs';
import { withWrongCheck } from './identifiers';
import { Rng, rngFor } from './prng';
import { ABOLISHED_REGION, ABOLISHED_REGION_PROVINCE, provinceOf } from './regions';
import { REFERENCED_RESOURCES } from './scales';
import type { Workspace } from './workspace';
import type { YamlMap } from './yaml-emit';

export type Target = 'service' | 'catalog' | 'agreement' | 'agency';

export interface Defect {
  ruleId: string;
  target: Target;
  index: number;
  /** Resource position within the catalogue, for catalogue defects. */
  position?: number;
  /** Findings the defect produces in its document. */
  count: number;
}

interface DefectKind {
  ruleId: string;
  target: Target;
  count?: number;
}

/** Ordered so that even a few defects span per-file and cross-file rules. */
const KINDS: readonly DefectKind[] = [
  { ruleId: 'id/uscc', target: 'service' },
  { ruleId: 'catalog/duplicate-code', target: 'catalog', count: 2 },
  { ruleId: 'service/shared-material-agreement', target: 'service' },
  { ruleId: 'agreement/expired', target: 'agreement' },
  { ruleId: 'schema/enum', target: 'catalog' },
  { ruleId: 'service/fee-basis', target: 'service' },
  { ruleId: 'id/region', target: 'agency' },
  { ruleId: 'agreement/resource-exists', target: 'agreement' },
  { ruleId: 'service/onsite-reason', target: 'service' },
  { ruleId: 'catalog/none-needs-basis', target: 'catalog' },
  { ruleId: 'agreement/onward-transfer', target: 'agreement' },
  { ruleId: 'schema/required', target: 'service' },
  { ruleId: 'catalog/item-length', target: 'catalog' },
  { ruleId: 'agency/unknown', target: 'service' },
  { ruleId: 'service/promised-exceeds-statutory', target: 'service' },
  { ruleId: 'catalog/related-exists', target: 'catalog' },
];

/** A resource code no catalogue defines (catalogue 9999 is never generated). */
const MISSING_CODE = resourceCode('2', '01', '001', 9999, 999);
const MISSING_AGREEMENT = 'GXXY999999';
const ATTEMPTS = 50;

export class DefectPlan {
  readonly byTarget: Record<Target, Map<number, Defect>> = {
    service: new Map(), catalog: new Map(), agreement: new Map(), agency: new Map(),
  };

  constructor(private readonly workspace: Workspace) {
    const { scale } = workspace;
    const documents = scale.catalogs + scale.services + scale.agreements + scale.agencies;
    const wanted = Math.max(1, Math.round(documents / 100));
    const rng = rngFor(workspace.seed, 'defects');
    let placed = 0;
    for (let k = 0; placed < wanted && k < wanted * KINDS.length; k++) {
      const defect = this.place(rng, KINDS[k % KINDS.length]);
      if (defect === undefined) continue;
      this.byTarget[defect.target].set(defect.index, defect);
      placed++;
    }
  }

  all(): Defect[] {
    return Object.values(this.byTarget).flatMap((map) => [...map.values()]);
  }

  private place(rng: Rng, kind: DefectKind): Defect | undefined {
    const candidates = this.candidates(kind);
    const taken = this.byTarget[kind.target];
    for (let attempt = 0; attempt < ATTEMPTS && candidates.length > 0; attempt++) {
      const index = rng.pick(candidates);
      if (taken.has(index)) continue;
      const defect: Defect = { ruleId: kind.ruleId, target: kind.target, index, count: kind.count ?? 1 };
      if (kind.target !== 'catalog') return defect;
      const position = this.resourcePosition(rng, kind.ruleId, index);
      if (position !== undefined) return { ...defect, position };
    }
    return undefined;
  }

  private candidates(kind: DefectKind): number[] {
    const { scale, usedAgreements } = this.workspace;
    const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
    switch (kind.target) {
      case 'service': return range(0, scale.services);
      case 'catalog': return range(0, scale.catalogs);
      case 'agency':
        return range(0, scale.agencies).filter((i) =>
          provinceOf(this.workspace.agency(i).region.code) === ABOLISHED_REGION_PROVINCE);
      case 'agreement':
        // Spare agreements carry no services, so an expired or broken one leaves every service clean.
        return kind.ruleId === 'agreement/onward-transfer' ? range(0, scale.agreements) : range(usedAgreements, scale.agreements);
    }
  }

  /** A resource position no agreement or `related` names, suited to the defect. */
  private resourcePosition(rng: Rng, ruleId: string, catalog: number): number | undefined {
    const { seed, scale } = this.workspace;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const position = rng.int(REFERENCED_RESOURCES + 1, scale.resourcesPerCatalog - 1);
      const resource = resourceAt(seed, catalog, position);
      if (ruleId === 'catalog/duplicate-code' && resourceAt(seed, catalog, position - 1).category !== resource.category) continue;
      if (ruleId === 'catalog/none-needs-basis' && resource.category === '1') continue;
      if (ruleId === 'catalog/item-length' && !resource.items.some((spec) => spec.dataType === 'C')) continue;
      return position;
    }
    return undefined;
  }
}

/** Applies a catalogue defect to the resources of its catalogue (documents are mutated in place). */
export function breakCatalog(defect: Defect, resources: YamlMap[]): void {
  const position = defect.position as number;
  const resource = resources[position];
  switch (defect.ruleId) {
    case 'catalog/duplicate-code': resource.code = resources[position - 1].code; break;
    case 'schema/enum': resource.updateCycle = 'hourly'; break;
    case 'catalog/none-needs-basis':
      resource.share = { type: 'none', mode: 'platform', platformMode: (resource.share as YamlMap).platformMode };
      break;
    case 'catalog/item-length': {
      const items = resource.items as YamlMap[];
      const text = items.find((entry) => entry.dataType === 'C') as YamlMap;
      text.length = undefined;
      break;
    }
    case 'catalog/related-exists': resource.related = [MISSING_CODE]; break;
  }
}

export function breakService(defect: Defect, service: YamlMap, serial: number): void {
  switch (defect.ruleId) {
    case 'id/uscc': {
      const handlingOrg = service.handlingOrg as YamlMap;
      handlingOrg.uscc = withWrongCheck(handlingOrg.uscc as string);
      break;
    }
    case 'service/shared-material-agreement': {
      const shared = (service.materials as YamlMap[]).find((material) => material.source === 'sharing') as YamlMap;
      (shared.sharing as YamlMap).agreement = MISSING_AGREEMENT;
      break;
    }
    case 'service/fee-basis': service.fee = { charged: true }; break;
    case 'service/onsite-reason':
      service.onSiteVisits = 1;
      service.onSiteReason = undefined;
      break;
    case 'schema/required': service.place = undefined; break;
    case 'agency/unknown': {
      const region = service.region as string;
      service.jointDepartments = [{ name: `${(service.implementer as YamlMap).name}协作中心`, uscc: unknownUscc(region, serial) }];
      break;
    }
    case 'service/promised-exceeds-statutory': {
      const statutory = (service.statutoryLimit as YamlMap).value as number;
      service.caseType = '2';
      service.promisedLimit = { value: statutory + 3, unit: 'workday' };
      break;
    }
  }
}

export function breakAgreement(defect: Defect, workspace: Workspace, agreement: Agreement): Agreement {
  switch (defect.ruleId) {
    case 'agreement/expired':
      return agreementAt(workspace, agreement.index, expiredValidity(rngFor(workspace.seed, 'expired', agreement.index)));
    case 'agreement/onward-transfer':
      agreement.document.onwardTransfer = true;
      return agreement;
    case 'agreement/resource-exists':
      (agreement.document.resources as YamlMap[]).push({ code: MISSING_CODE, items: ['业务编号'] });
      return agreement;
  }
  return agreement;
}

export function breakAgency(defect: Defect, agency: YamlMap): void {
  if (defect.ruleId === 'id/region') agency.region = ABOLISHED_REGION;
}
