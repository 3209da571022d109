/** A synthetic national workspace, built straight into the index: thousands of agencies across levels and regions. */
import type { Finding } from '../../server/src/engine/types';
import { WorkspaceIndex } from '../../server/src/engine/workspace';
import type { FileFacts } from '../../server/src/engine/workspace';

const REGIONS = ['110000', '110108', '310000', '310104', '440000', '440305', '510000', '511600', '511602', '530102'];

const emptyFacts = (file: string): FileFacts => ({ file, agencies: [], resources: [], agreements: [], services: [], references: [] });
const uscc = (i: number) => `11${String(i).padStart(16, '0')}`;

/** `agencies` Agency documents and `agreements` agreements between them; every tenth agreement has an expired finding. */
export function syntheticWorkspace(agencies: number, agreements: number): { index: WorkspaceIndex; findings: Finding[] } {
  const index = new WorkspaceIndex();
  const agencyFacts = emptyFacts('agencies.agency.yaml');
  for (let i = 0; i < agencies; i++) {
    agencyFacts.agencies.push({ file: agencyFacts.file, document: i, path: [], uscc: uscc(i), name: `机构${i}`, aliases: [], region: REGIONS[i % REGIONS.length], level: String(1 + (i % 5)), parent: undefined });
  }
  index.update(agencyFacts);
  const findings: Finding[] = [];
  for (let a = 0; a < agreements; a++) {
    const facts = emptyFacts(`agreements/a${a}.agreement.yaml`);
    const provider = { uscc: uscc((a * 7) % agencies), name: undefined };
    const consumer = { uscc: uscc((a * 13 + 1) % agencies), name: undefined };
    facts.agreements.push({ file: facts.file, document: 0, path: [], id: `SYN-${a}`, title: `协议${a}`, provider, consumer, resources: [{ code: `R${a}`, items: ['x'], path: ['resources', 0] }], validFrom: '2025-01-01', validTo: '2027-01-01' });
    index.update(facts);
    if (a % 10 === 0) findings.push(finding('agreement/expired', facts.file));
  }
  return { index, findings };
}

export function finding(ruleId: string, file: string, line = 5, message = 'x'): Finding {
  const range = { start: { line, character: 0 }, end: { line, character: 1 } };
  return { ruleId, severity: 'warning', message: { 'zh-CN': message, en: message }, file, range, document: 0, related: [], fixes: [] };
}

/**
 * Agencies of several levels in few regions: 四川省 with a provincial agency and 成都市 below it, 成都市 with a
 * prefectural one, 锦江区 (510104) with county-level and township-level agencies, 青羊区 (510105) with county-level
 * ones only; agreements between the levels.
 */
export function levelsWorkspace(): { index: WorkspaceIndex; findings: Finding[] } {
  const index = new WorkspaceIndex();
  const facts = emptyFacts('levels.agency.yaml');
  const agencies: [string, string, string][] = [
    ['510000', '2', '四川省数据局'], ['510100', '3', '成都市数据局'],
    ['510104', '4', '锦江区数据局'], ['510104', '4', '锦江区民政局'], ['510104', '5', '锦江区督院街街道办事处'], ['510104', '5', '锦江区春熙路街道办事处'],
    ['510105', '4', '青羊区数据局'], ['510105', '4', '青羊区民政局'],
  ];
  agencies.forEach(([region, level, name], i) => facts.agencies.push({ file: facts.file, document: i, path: [], uscc: uscc(100 + i), name, aliases: [], region, level, parent: undefined }));
  index.update(facts);
  const pairs: [number, number][] = [[4, 2], [5, 3], [2, 0], [1, 4], [6, 7]];
  const findings: Finding[] = [];
  pairs.forEach(([from, to], a) => {
    const file = `agreements/l${a}.agreement.yaml`;
    index.update({ ...emptyFacts(file), agreements: [{ file, document: 0, path: [], id: `LV-${a}`, title: undefined, provider: { uscc: uscc(100 + from), name: undefined }, consumer: { uscc: uscc(100 + to), name: undefined }, resources: [], validFrom: '2025-01-01', validTo: '2027-01-01' }] });
    if (a === 0) findings.push(finding('agreement/expired', file));
  });
  return { index, findings };
}
