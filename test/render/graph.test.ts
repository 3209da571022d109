import * as assert from 'assert';
import { buildSharingGraph } from '../../server/src/render/sharing-graph';
import { EXAMPLES, TODAY, loadWorkspace } from './support';
import { syntheticWorkspace } from './synthetic';

describe('render: sharing graph model', () => {
  const ws = loadWorkspace(EXAMPLES);
  const graph = buildSharingGraph(ws.index, ws.findings, TODAY, ws.cache.resolve);
  const edge = (id: string) => graph.edges.find((e) => e.agreementId === id)!;

  it('has every registered agency as a node and every agreement as an edge, provider to consumer', () => {
    assert.strictEqual(graph.nodes.length, 6);
    assert.ok(graph.nodes.every((n) => n.registered && n.level === '4' && n.region === '511602'));
    assert.deepStrictEqual(graph.edges.map((e) => e.agreementId).sort(), ['GA-MZ-2025-001', 'GA-RS-2025-003', 'GA-SC-2024-002', 'SC-RS-2025-004']);
    assert.strictEqual(edge('GA-SC-2024-002').source, '1151160200820100XH');
    assert.strictEqual(edge('GA-SC-2024-002').target, '11511602008201018H');
    assert.deepStrictEqual(edge('GA-SC-2024-002').resources, [{ code: '1010100001/00001', name: '居民户籍信息' }]);
  });

  it('flags problems from the findings on each agreement', () => {
    assert.deepStrictEqual(edge('GA-SC-2024-002').problems, ['expired']);
    assert.strictEqual(edge('GA-SC-2024-002').status, 'lapsed');
    assert.deepStrictEqual(edge('GA-RS-2025-003').problems, ['unshared']);
    assert.deepStrictEqual(edge('GA-MZ-2025-001').problems, []);
  });

  it('points each edge at its problem line, else at its id', () => {
    assert.strictEqual(edge('GA-SC-2024-002').line, 16);
    assert.strictEqual(edge('GA-MZ-2025-001').line, 3);
  });

  it('adds an agency that only an agreement names, unregistered', () => {
    const { index } = syntheticWorkspace(3, 0);
    index.update({ file: 'x.agreement.yaml', agencies: [], resources: [], services: [], references: [], agreements: [
      { file: 'x.agreement.yaml', document: 0, path: [], id: 'X', title: undefined, provider: { uscc: '110000000000000000', name: undefined }, consumer: { uscc: 'NEW', name: '新机构' }, resources: [], validFrom: undefined, validTo: undefined },
    ] });
    const g = buildSharingGraph(index, [], TODAY);
    assert.deepStrictEqual(g.nodes.filter((n) => !n.registered).map((n) => n.name), ['新机构']);
  });

  it('lays 5,000 agencies out in level columns and region rows, without overlaps', () => {
    const { index, findings } = syntheticWorkspace(5000, 1200);
    const g = buildSharingGraph(index, findings, TODAY);
    assert.strictEqual(g.nodes.length, 5000);
    assert.strictEqual(g.edges.length, 1200);
    assert.strictEqual(g.edges.filter((e) => e.problems.includes('expired')).length, 120);
    assert.strictEqual(new Set(g.nodes.map((n) => `${n.x},${n.y}`)).size, 5000);
    assert.deepStrictEqual(g.levels.map((l) => l.code), ['1', '2', '3', '4', '5']);
    const levelX = new Map<string, number[]>();
    for (const n of g.nodes) levelX.set(n.level!, [...(levelX.get(n.level!) ?? []), n.x]);
    // Every node of a lower level sits left of every node of the next one.
    for (let l = 1; l < 5; l++) assert.ok(Math.max(...levelX.get(String(l))!) < Math.min(...levelX.get(String(l + 1))!));
  });
});
