/** Service items implemented by agreement consumers, clean under every Service rule. */

import { agencyRef } from './agencies';
import { Agreement, phone } from './agreements';
import { Rng, rngFor } from './prng';
import { CONDITIONS, MATERIAL_NAMES, PROCESS_STEPS, SERVICE_KINDS } from './vocabulary';
import type { Workspace } from './workspace';
import type { YamlMap, YamlValue } from './yaml-emit';

const HANDLING_FORMS: readonly string[][] = [['1'], ['1', '2'], ['1', '2', '3'], ['1', '2', '3', '4'], ['2', '3'], ['2']];
const DEPTHS: readonly string[][] = [['consult', 'submit', 'accept'], ['consult', 'submit', 'accept', 'handle', 'result-feedback']];
const HOURS = '周一至周五上午9时至12时、下午1时30分至5时（法定节假日除外）';

function limit(value: number): YamlMap {
  return { value, unit: 'workday' };
}

function limits(rng: Rng, type: string): { statutory: number; promised: number; caseType: string } {
  const statutory = type === '01' ? rng.int(5, 20) : rng.int(5, 30);
  if (rng.chance(0.25)) return { statutory, promised: 0, caseType: '1' };
  return { statutory, promised: rng.int(1, statutory), caseType: '2' };
}

function applicantMaterial(rng: Rng, name: string, position: number): YamlMap {
  return {
    id: `m${position}`,
    name,
    issuer: '申请人',
    originals: rng.int(0, 1),
    copies: rng.int(0, 1),
    required: rng.chance(0.8),
    source: 'applicant',
  };
}

function sharedMaterial(rng: Rng, agreement: Agreement, position: number): YamlMap {
  const entry = rng.pick(agreement.resources);
  const items = rng.sample(entry.items, rng.int(1, Math.min(4, entry.items.length)));
  return {
    id: `m${position}`,
    name: entry.resource.name,
    originals: 0,
    copies: 0,
    required: true,
    source: 'sharing',
    sharing: { agreement: agreement.id, resource: entry.resource.code, items: items.map((spec) => spec.name) },
  };
}

function commitmentMaterial(name: string, position: number): YamlMap {
  return {
    id: `m${position}`,
    name,
    required: true,
    source: 'commitment',
    commitment: { text: `本人承诺所提供的${name}内容真实有效`, verification: '办结后30个工作日内通过数据比对核查' },
  };
}

function materials(rng: Rng, agreement: Agreement): YamlMap[] {
  const count = rng.int(3, 10);
  const shared = Math.floor(count / 3);
  const names = rng.sample(MATERIAL_NAMES, count - shared);
  const list: YamlMap[] = [];
  names.forEach((name, i) => {
    const committed = i === names.length - 1 && names.length > 3 && rng.chance(0.3);
    list.push(committed ? commitmentMaterial(name, list.length + 1) : applicantMaterial(rng, name, list.length + 1));
  });
  for (let i = 0; i < shared; i++) list.push(sharedMaterial(rng, agreement, list.length + 1));
  return list;
}

function fee(rng: Rng): YamlMap {
  if (rng.chance(0.85)) return { charged: false };
  const basis = '《国家发展改革委 财政部关于印发〈行政事业性收费标准管理办法〉的通知》';
  return { charged: true, basis, items: [{ name: '证照工本费', amount: rng.int(5, 20), basis }] };
}

export function serviceDocument(workspace: Workspace, service: number, agreement: Agreement): YamlMap {
  const rng = rngFor(workspace.seed, 'service', service);
  const kind = rng.pick(SERVICE_KINDS);
  const implementer = workspace.serviceImplementer(service);
  const code = workspace.implementationCode(service);
  const { statutory, promised, caseType } = limits(rng, kind.type);
  const forms = rng.pick(HANDLING_FORMS);
  const online = forms.includes('2') || forms.includes('3');
  const allOnline = forms.every((form) => form === '2' || form === '3');
  const visits = forms.includes('1') && rng.chance(0.4) ? 1 : 0;
  const process: YamlValue[] = PROCESS_STEPS.map((step) => ({ step, standard: `${step}环节按规定时限办理` }));
  return {
    apiVersion: 'govspec/v1',
    kind: 'Service',
    name: kind.name,
    basicCode: `${kind.type}${String(SERVICE_KINDS.indexOf(kind)).padStart(3, '0')}000`,
    implementationCode: code,
    type: kind.type,
    levels: [implementer.level],
    region: implementer.region.code,
    implementer: { ...agencyRef(implementer), nature: '1' },
    handlingOrg: agencyRef(implementer),
    legalBasis: [{ law: kind.law, article: `第${rng.int(2, 60)}条` }],
    statutoryLimit: limit(statutory),
    promisedLimit: limit(promised),
    caseType,
    serviceObjects: kind.objects,
    handlingForms: forms,
    online: online ? { enabled: true, url: `https://zwfw.example.gov.cn/item/${code}`, depth: rng.pick(DEPTHS) } : { enabled: false },
    appointment: rng.chance(0.5),
    delivery: forms.includes('4'),
    acceptanceConditions: rng.sample(CONDITIONS, rng.int(1, 3)),
    materials: materials(rng, agreement),
    process,
    fee: fee(rng),
    result: { name: kind.result, kind: kind.resultKind, electronicLicence: kind.resultKind === 'licence' },
    onSiteVisits: visits,
    onSiteReason: visits > 0 ? '需现场核验申请人身份及原件' : undefined,
    place: `${implementer.region.label}政务服务中心${rng.int(1, 3)}楼综合窗口`,
    hours: HOURS,
    consultPhone: phone(rng, implementer.region.areaCode),
    supervisePhone: '12345',
    accessibility: allOnline || rng.chance(0.5) ? { offlineChannel: true, assistedService: true } : undefined,
  };
}
