/**
 * Sharing-map workloads at four scales, built straight into a workspace index (no YAML, no lint): agencies named
 * and placed as the corpus names them (regions.ts, vocabulary.ts), agreements between them drawn from a seeded
 * stream — mostly inside a county or up the department's line, some across regions and departments — and every
 * seventh agreement given one of the four problems the map shows. The render tests and `bench --only map` share it.
 */
import type { Finding } from '../../server/src/engine';
import { WorkspaceIndex } from '../../server/src/engine';
import type { AgencyFact, AgreementFact, FileFacts } from '../../server/src/engine';
import { governmentUscc } from './identifiers';
import { rngFor } from './prng';
import { levelOf, REGIONS } from './regions';
import { DEPARTMENTS } from './vocabulary';

export type MapScaleName = 'county' | 'prefecture' | 'province' | 'national';

interface MapScale { regions: (code: string) => boolean; agencies: number; agreements: number; nationalAgencies: number }

export const MAP_SCALES: Readonly<Record<MapScaleName, MapScale>> = {
  county: { regions: (code) => code === '510104', agencies: 10, agreements: 8, nationalAgencies: 0 },
  prefecture: { regions: (code) => code.startsWith('5101'), agencies: 100, agreements: 60, nationalAgencies: 0 },
  province: { regions: (code) => code.startsWith('51'), agencies: 1000, agreements: 400, nationalAgencies: 0 },
  national: { regions: () => true, agencies: 5000, agreements: 1200, nationalAgencies: 21 },
};

const PROBLEM_RULES = ['agreement/expired', 'agreement/unshared-resource', 'agreement/conditional-needs-reply', 'agreement/sensitive-safeguards'];

const emptyFacts = (file: string): FileFacts => ({ file, agencies: [], resources: [], agreements: [], services: [], references: [] });

export interface MapWorkspace { index: WorkspaceIndex; findings: Finding[]; agencies: AgencyFact[]; problemAgreements: string[] }

export function mapWorkspace(scale: MapScaleName, seed = 1): MapWorkspace {
  const spec = MAP_SCALES[scale];
  const regions = REGIONS.filter((r) => spec.regions(r.code));
  const file = 'agencies.agency.yaml';
  const agencies: AgencyFact[] = [];
  const agency = (uscc: string, name: string, region: string | undefined, level: string, parent?: string) =>
    agencies.push({ file, document: agencies.length, path: [], uscc, name, aliases: [], region, level, parent });
  for (let i = 0; i < spec.nationalAgencies; i++) {
    agency(governmentUscc('100000', 20_000_000 + i), `国家${DEPARTMENTS[i % DEPARTMENTS.length].provincial.replace(/厅$/, '部')}`, undefined, '1');
  }
  for (let i = 0; i < spec.agencies; i++) {
    const region = regions[i % regions.length];
    const round = Math.floor(i / regions.length);
    const department = DEPARTMENTS[round % DEPARTMENTS.length];
    const provincial = region.code.endsWith('0000');
    const branch = round >= DEPARTMENTS.length ? `第${Math.floor(round / DEPARTMENTS.length) + 1}分局` : '';
    agency(governmentUscc(region.code, 30_000_000 + i), `${region.label}${provincial ? department.provincial : department.local}${branch}`, region.code, levelOf(region.code));
  }
  const index = new WorkspaceIndex();
  index.update({ ...emptyFacts(file), agencies });

  const rng = rngFor(seed, 'map', scale);
  const findings: Finding[] = [];
  const problemAgreements: string[] = [];
  for (let a = 0; a < spec.agreements; a++) {
    const provider = agencies[rng.int(0, agencies.length - 1)];
    // Half the consumers share the provider's region, so counties hold local sharing as well as long lines.
    const local = agencies.filter((x) => x.region === provider.region && x !== provider);
    const consumer = rng.chance(0.5) && local.length ? rng.pick(local) : agencies[(agencies.indexOf(provider) + rng.int(1, agencies.length - 1)) % agencies.length];
    const facts = emptyFacts(`agreements/${scale}-${a}.agreement.yaml`);
    const agreement: AgreementFact = {
      file: facts.file, document: 0, path: [], id: `MAP-${a}`, title: `共享协议${a}`,
      provider: { uscc: provider.uscc, name: provider.name }, consumer: { uscc: consumer.uscc, name: consumer.name },
      resources: [{ code: `R${a}`, items: ['x'], path: ['resources', 0] }], validFrom: '2025-01-01', validTo: '2027-12-31',
    };
    facts.agreements.push(agreement);
    index.update(facts);
    if (a % 7 === 3) {
      findings.push(problem(PROBLEM_RULES[(a / 7) % PROBLEM_RULES.length | 0], facts.file));
      problemAgreements.push(agreement.id);
    }
  }
  return { index, findings, agencies, problemAgreements };
}

function problem(ruleId: string, file: string): Finding {
  const range = { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } };
  return { ruleId, severity: 'warning', message: { 'zh-CN': ruleId, en: ruleId }, file, range, document: 0, related: [], fixes: [] };
}
