import * as assert from 'assert';
import { ResourceRecord, WorkspaceIndex, compactFacts, extractFacts, storedFacts } from '../../server/src/engine/workspace';
import type { FileFacts } from '../../server/src/engine/workspace';

/**
 * The index of a national workspace holds millions of catalogue items, so a resource keeps its items packed
 * (`ResourceRecord`) and the table of definers is built only for `dependentsOf`. Neither may change what the facts
 * say: written as JSON they read as before, and they come back whole from JSON or a structured clone (worker
 * threads, the cache).
 */

const catalog = {
  apiVersion: 'govspec/v1', kind: 'Catalog', provider: { name: '某局', uscc: '11510100485828630N' },
  resources: [
    { code: 'R1', name: '甲', items: [{ name: '姓名', dataType: 'string', personal: 'sensitive' }, { dataType: 'string' }, { name: '地址' }], related: ['R2'] },
    { code: 'R2', name: '乙', items: [{ name: '编号', dataType: 'string' }] },
  ],
};

const factsOf = (file: string, value: unknown) => extractFacts(file, [{ index: 0, kind: 'Catalog', value }]);

/** The facts as they were written before items became records. */
const plainItems = (facts: FileFacts) => facts.resources.map((r) => r.items.map((i) => ({ name: i.name, dataType: i.dataType, personal: i.personal, path: i.path })));

describe('compact facts', () => {
  it('resources are records; their items read as before, each with its data path', () => {
    const facts = factsOf('a.catalog.yaml', catalog);
    assert.ok(facts.resources.every((r) => r instanceof ResourceRecord));
    assert.deepStrictEqual(facts.resources[0].items[0], { name: '姓名', dataType: 'string', personal: 'sensitive', path: ['resources', 0, 'items', 0] });
    assert.deepStrictEqual(facts.resources[0].items[1], { name: '地址', dataType: undefined, personal: undefined, path: ['resources', 0, 'items', 2] });
    assert.deepStrictEqual(facts.resources[0].items.map((i) => i.path), [['resources', 0, 'items', 0], ['resources', 0, 'items', 2]]);
    assert.deepStrictEqual(facts.resources[1].items[0].path, ['resources', 1, 'items', 0]);
  });

  it('JSON writes an item as a plain fact, path included, and compactFacts reads it back', () => {
    const facts = factsOf('a.catalog.yaml', catalog);
    const json = JSON.stringify(facts);
    const items = JSON.parse(json).resources[0].items as unknown[];
    assert.deepStrictEqual(items[1], { name: '地址', path: ['resources', 0, 'items', 2] });
    const back = compactFacts(JSON.parse(json) as FileFacts);
    assert.deepStrictEqual(plainItems(back), plainItems(facts));
    assert.strictEqual(JSON.stringify(back), json);
    assert.strictEqual(back.resources[0].provider, back.resources[1].provider, 'one owner object per catalogue');
    assert.deepStrictEqual(back.resources.map((r) => r.path), [['resources', 0], ['resources', 1]]);
  });

  it('a structured clone (worker threads) comes back whole through compactFacts', () => {
    const facts = factsOf('a.catalog.yaml', catalog);
    const back = compactFacts(structuredClone(facts));
    assert.ok(back.resources.every((r) => r instanceof ResourceRecord));
    assert.strictEqual(JSON.stringify(back), JSON.stringify(facts));
  });

  it('stored (the cache), the facts are smaller and come back whole through compactFacts', () => {
    for (const value of [catalog, { ...catalog, resources: [{ code: 'R9', name: '戊', items: [{ name: 'a\nb' }] }] }]) {
      const facts = factsOf('a.catalog.yaml', value);
      const stored = JSON.stringify(storedFacts(facts));
      assert.ok(!stored.includes('"items"') || value !== catalog, stored);
      const back = compactFacts(JSON.parse(stored) as FileFacts);
      assert.ok(back.resources.every((r) => r instanceof ResourceRecord && r.file === 'a.catalog.yaml'));
      assert.strictEqual(JSON.stringify(back), JSON.stringify(facts));
    }
    const facts = factsOf('a.catalog.yaml', catalog);
    assert.ok(JSON.stringify(storedFacts(facts)).length < JSON.stringify(facts).length);
  });

  it('a value holding a separator keeps its items as they are', () => {
    const odd = { ...catalog, resources: [{ code: 'R9', name: '戊', items: [{ name: 'a\tb', dataType: 'x\n' }, { name: 'c' }] }] };
    const facts = factsOf('d.catalog.yaml', odd);
    assert.deepStrictEqual(facts.resources[0].items.map((i) => [i.name, i.dataType]), [['a\tb', 'x\n'], ['c', undefined]]);
    assert.strictEqual(JSON.stringify(compactFacts(structuredClone(facts))), JSON.stringify(facts));
    assert.strictEqual(JSON.stringify(compactFacts(JSON.parse(JSON.stringify(facts)) as FileFacts)), JSON.stringify(facts));
  });

  it('dependentsOf sees files added before and after its table is first built', () => {
    const index = new WorkspaceIndex();
    index.update(factsOf('a.catalog.yaml', catalog));
    index.update(factsOf('b.catalog.yaml', { ...catalog, resources: [{ code: 'R3', name: '丙', related: ['R1'] }] }));
    assert.strictEqual(index.resources('R1').length, 1);
    assert.deepStrictEqual([...index.dependentsOf('a.catalog.yaml')], ['b.catalog.yaml']);
    index.update(factsOf('c.catalog.yaml', { ...catalog, resources: [{ code: 'R1', name: '丁' }] }));
    assert.deepStrictEqual([...index.dependentsOf('a.catalog.yaml')].sort(), ['b.catalog.yaml', 'c.catalog.yaml']);
    index.remove('c.catalog.yaml');
    assert.deepStrictEqual([...index.dependentsOf('a.catalog.yaml')], ['b.catalog.yaml']);
  });
});
