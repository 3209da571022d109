/** Sharing agreements between a catalogue's provider and a service-implementing consumer. */

import { agencyRef } from './agencies';
import { DataGrade, Resource, resourceAt } from './catalogs';
import { Rng, rngFor } from './prng';
import { REFERENCED_RESOURCES } from './scales';
import { GIVEN_NAMES, ItemSpec, SHARE_LAWS, SURNAMES } from './vocabulary';
import type { Workspace } from './workspace';
import type { YamlMap } from './yaml-emit';

export interface AgreementResource {
  resource: Resource;
  items: ItemSpec[];
}

export interface Agreement {
  index: number;
  id: string;
  resources: AgreementResource[];
  document: YamlMap;
}

const GRADE_ORDER: readonly DataGrade[] = ['general', 'important', 'core'];
const PURPOSES = ['administrative-basis', 'work-reference', 'data-verification', 'business-collaboration'];
/** Months without public holidays, so a reply within 5 calendar days stays within 10 working days. */
const QUIET_MONTHS = [3, 7, 8, 11];

const pad2 = (value: number) => String(value).padStart(2, '0');

function chooseResources(rng: Rng, seed: number, catalog: number): AgreementResource[] {
  const chosen: AgreementResource[] = [];
  const wanted = rng.int(3, 5);
  for (let attempt = 0; chosen.length < wanted && attempt < 50; attempt++) {
    const resource = resourceAt(seed, catalog, rng.int(0, REFERENCED_RESOURCES - 1));
    if (resource.shareType === 'none' || chosen.some((entry) => entry.resource.code === resource.code)) continue;
    chosen.push({ resource, items: rng.sample(resource.items, rng.int(2, resource.items.length)) });
  }
  return chosen;
}

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES) + (rng.chance(0.5) ? rng.pick(GIVEN_NAMES) : '');
}

export function phone(rng: Rng, areaCode: string): string {
  return `${areaCode}-8${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}

interface Validity {
  application: string;
  reply: string;
  validFrom: string;
  validTo: string;
}

function validity(rng: Rng): Validity {
  const year = rng.int(2022, 2025);
  const month = rng.pick(QUIET_MONTHS);
  const day = rng.int(1, 20);
  const toYear = rng.int(Math.max(2027, year + 2), year + 5);
  return {
    application: `${year}-${pad2(month)}-${pad2(day)}`,
    reply: `${year}-${pad2(month)}-${pad2(day + rng.int(1, 5))}`,
    validFrom: `${year}-${pad2(month + 1)}-01`,
    validTo: `${toYear}-${pad2(month)}-28`,
  };
}

/** Dates of an agreement that expired before TODAY (the `agreement/expired` defect). */
export function expiredValidity(rng: Rng): Validity {
  const day = rng.int(1, 20);
  return {
    application: `2021-03-${pad2(day)}`,
    reply: `2021-03-${pad2(day + rng.int(1, 5))}`,
    validFrom: '2021-04-01',
    validTo: '2026-03-28',
  };
}

function highestGrade(resources: AgreementResource[]): DataGrade {
  return resources.reduce<DataGrade>((grade, entry) =>
    GRADE_ORDER.indexOf(entry.resource.dataGrade) > GRADE_ORDER.indexOf(grade) ? entry.resource.dataGrade : grade,
  'general');
}

export function agreementAt(workspace: Workspace, index: number, dates?: Validity): Agreement {
  const seed = workspace.seed;
  const rng = rngFor(seed, 'agreement', index);
  const provider = workspace.agency(workspace.agreementProvider(index));
  const consumer = workspace.agency(workspace.agreementConsumer(index));
  const resources = chooseResources(rng, seed, workspace.agreementCatalog(index));
  const id = workspace.agreementId(index);
  const requested = resources.flatMap((entry) => entry.items);
  const personal = requested.some((spec) => spec.personal !== undefined);
  const sensitive = requested.some((spec) => spec.personal === 'sensitive');
  const grade = highestGrade(resources);
  const conditional = resources.some((entry) => entry.resource.shareType === 'conditional');
  const when = dates ?? validity(rng);
  const services = workspace.servicesOfAgreement(index).map((service) => workspace.implementationCode(service));
  const document: YamlMap = {
    apiVersion: 'govspec/v1',
    kind: 'SharingAgreement',
    id,
    title: `${consumer.name}使用${provider.name}${resources[0].resource.name}等数据共享协议`,
    provider: agencyRef(provider),
    consumer: agencyRef(consumer),
    resources: resources.map((entry) => ({ code: entry.resource.code, items: entry.items.map((spec) => spec.name) })),
    purpose: { category: rng.pick(PURPOSES), description: `${consumer.name}依法履行职责、办理政务服务事项所需` },
    legalBasis: [{ law: rng.pick(SHARE_LAWS), article: `第${rng.int(5, 30)}条` }],
    services: services.length > 0 ? services : undefined,
    channel: 'api',
    frequency: 'daily',
    validFrom: when.validFrom,
    validTo: when.validTo,
    application: { date: when.application },
    reply: conditional ? { date: when.reply, decision: 'approved', text: '同意按申请范围共享' } : undefined,
    retention: { period: 'P3Y', deletion: '到期后30日内删除并出具销毁记录' },
    security: {
      dataGrade: grade,
      measures: ['传输加密', '访问日志留存', '最小授权'],
      riskAssessment: grade === 'general' ? undefined : `FXPG-${id}`,
    },
    personalInfo: { present: personal, sensitive: sensitive ? true : undefined, impactAssessment: sensitive ? `GRXX-${id}` : undefined },
    onwardTransfer: false,
    contacts: {
      provider: { name: personName(rng), phone: phone(rng, provider.region.areaCode) },
      consumer: { name: personName(rng), phone: phone(rng, consumer.region.areaCode) },
    },
  };
  return { index, id, resources, document };
}
