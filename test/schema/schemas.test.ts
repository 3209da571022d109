import { strict as assert } from 'assert';
import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { KINDS, type JsonPath, type Kind } from '../../server/src/engine/types';
import { getConfigSchema, getSchema, schemaAt, schemaBranchesAt, type SchemaKind, type SchemaNode } from '../../server/src/engine/schema/schemas';
import { fixture } from './helpers';

const SCHEMA_DIR = join(__dirname, '..', '..', 'schemas');
const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'));
const raw = new Map(files.map((f) => [f, JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')) as SchemaNode]));

/** Keywords whose value is a map of names to schemas. */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions'];
/** Keywords whose value is one schema. */
const SCHEMA_SLOTS = ['items', 'additionalProperties', 'if', 'then', 'else'];

/** Every schema object of a file, with its JSON Pointer. */
function nodes(node: SchemaNode, pointer = ''): [string, SchemaNode][] {
  const out: [string, SchemaNode][] = [[pointer, node]];
  for (const keyword of SCHEMA_MAPS) {
    for (const [name, child] of Object.entries((node[keyword] ?? {}) as Record<string, SchemaNode>)) out.push(...nodes(child, `${pointer}/${keyword}/${name}`));
  }
  for (const keyword of SCHEMA_SLOTS) {
    const child = node[keyword];
    if (child !== null && typeof child === 'object') out.push(...nodes(child as SchemaNode, `${pointer}/${keyword}`));
  }
  return out;
}

/** Every data path of a value, `x-` subtrees excluded. */
function dataPaths(value: unknown, path: (string | number)[] = []): JsonPath[] {
  const out: JsonPath[] = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...dataPaths(item, [...path, i])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!key.startsWith('x-')) out.push(...dataPaths(item, [...path, key]));
  }
  return out;
}

describe('schema: the JSON Schemas', () => {
  it('has one schema per kind, the config, and the shared definitions', () => {
    assert.deepEqual([...files].sort(), ['agency', 'agreement', 'catalog', 'common', 'config', 'service'].map((f) => `${f}.schema.json`));
    for (const kind of KINDS) assert.equal((getSchema(kind).properties?.kind?.enum ?? [])[0], kind);
    assert.match(String(getConfigSchema().$id), /config\.schema\.json$/);
  });

  for (const [file, schema] of raw) {
    it(`${file}: closed objects that allow x- keys`, () => {
      let checked = 0;
      for (const [pointer, node] of nodes(schema)) {
        if (!node.properties || pointer.includes('/if')) continue;
        assert.ok(node.patternProperties?.['^x-'] !== undefined, `${pointer} allows x- keys`);
        const closed = node.additionalProperties === false || pointer.endsWith('/ruleOptions');
        assert.ok(closed, `${pointer} has additionalProperties: false`);
        checked++;
      }
      assert.ok(checked > 0, 'some object was checked');
    });

    it(`${file}: uses only keywords that validate.ts maps to a finding`, () => {
      const mapped = new Set(['type', 'required', 'additionalProperties', 'enum', 'format', 'maxLength', 'pattern', 'minimum', 'maximum', 'minItems', 'if']);
      // Structure and annotations produce no error of their own.
      const silent = new Set(['$schema', '$id', '$ref', 'title', 'description', 'x-i18n', 'x-enum', 'default', 'examples',
        'properties', 'patternProperties', 'definitions', 'items', 'then', 'else', 'const']);
      for (const [pointer, node] of nodes(schema)) {
        for (const keyword of Object.keys(node)) assert.ok(mapped.has(keyword) || silent.has(keyword), `${pointer}: ${keyword}`);
      }
    });

    it(`${file}: every required name is a defined property`, () => {
      for (const [pointer, node] of nodes(schema)) {
        if (!node.required || pointer.includes('/if')) continue;
        // A `then` names properties of the schema beside it.
        const owner = pointer.endsWith('/then') ? nodes(schema).find(([p]) => p === pointer.slice(0, -'/then'.length))?.[1] : node;
        for (const name of node.required) assert.ok(owner?.properties?.[name], `${pointer} requires ${name}`);
      }
    });

    it(`${file}: every enum carries bilingual labels for each value`, () => {
      let checked = 0;
      for (const [pointer, node] of nodes(schema)) {
        if (!node.enum) continue;
        const labels = node['x-enum'];
        assert.ok(labels, `${pointer} has x-enum`);
        // Object keys like "10" sort before "00": order comes from `enum`, the labels only need to match it.
        assert.deepEqual(Object.keys(labels).sort(), node.enum.map(String).sort(), `${pointer} labels every value`);
        for (const label of Object.values(labels)) assert.ok(label['zh-CN'] && label.en, `${pointer} labels in both languages`);
        checked++;
      }
      assert.ok(checked > 0, 'some enum was checked');
    });

    it(`${file}: titles in both languages, plain and x-i18n`, () => {
      for (const [pointer, node] of nodes(schema)) {
        const i18n = node['x-i18n'];
        if (!i18n) continue;
        assert.ok(i18n.title['zh-CN'] && i18n.title.en, `${pointer} x-i18n title`);
        assert.equal(node.title, `${i18n.title['zh-CN']} ${i18n.title.en}`, `${pointer} plain title`);
        if (i18n.description) assert.ok(i18n.description['zh-CN'] && i18n.description.en, `${pointer} x-i18n description`);
      }
    });
  }

  const documents: [SchemaKind, string][] = [
    ['Service', 'example.service.yaml'], ['Catalog', 'example.catalog.yaml'], ['SharingAgreement', 'example.agreement.yaml'],
    ['Agency', 'example.agency.yaml'], ['config', 'govspec.config.yaml'],
  ];
  for (const [kind, file] of documents) {
    it(`${kind}: every field of the valid document has bilingual metadata`, () => {
      for (const path of dataPaths(fixture(file))) {
        const node = schemaAt(kind, path);
        assert.ok(node?.['x-i18n']?.title['zh-CN'] && node['x-i18n'].title.en, `metadata at ${JSON.stringify(path)}`);
      }
    });
  }
});

describe('schema: schemaAt', () => {
  it('resolves $ref across files, keeping the field\'s own title', () => {
    const limit = schemaAt('Service', ['statutoryLimit']);
    assert.equal(limit?.['x-i18n']?.title['zh-CN'], '法定办结时限');
    assert.deepEqual(Object.keys(limit?.properties ?? {}), ['value', 'unit', 'note']);
    assert.equal(schemaAt('Service', ['promisedLimit', 'unit'])?.['x-enum']?.workday['zh-CN'], '工作日');
  });

  it('follows list items and local definitions', () => {
    assert.equal(schemaAt('Service', ['materials', 3, 'sharing', 'agreement'])?.['x-i18n']?.title['zh-CN'], '共享协议编号');
    assert.equal(schemaAt('Catalog', ['resources', 0, 'items', 2, 'dataType'])?.['x-enum']?.C.en, 'Character');
    assert.equal(schemaAt('SharingAgreement', ['contacts', 'consumer', 'phone'])?.format, 'phone');
  });

  it('gives nothing for x- keys and unknown fields', () => {
    assert.equal(schemaAt('Service', ['x-local']), undefined);
    assert.equal(schemaAt('Service', ['online', 'x-note']), undefined);
    assert.equal(schemaAt('Agency', ['nmae']), undefined);
    assert.equal(schemaAt('Agency', ['aliases', 0, 'deeper']), undefined);
  });

  it('reaches the config\'s maps and both shapes of a rule setting', () => {
    assert.equal(schemaAt('config', ['codeLists', 'serviceType', '11'])?.type, 'string');
    // Issue 14: an option's type is declared by its rule (config/rule-options.ts); the schema names the option only.
    assert.match(String(schemaAt('config', ['rules', 'agreement/reply-deadline', 'workdays'])?.title), /Option value/);
    assert.deepEqual(schemaAt('config', ['rules', 'x/y', 'severity'])?.enum, ['error', 'warning', 'info', 'off']);
    const branches = schemaBranchesAt('config', ['rules', 'x/y']);
    assert.ok(branches.some((b) => b.enum?.includes('off')), 'the severity branch');
    assert.ok(branches.some((b) => b.properties?.severity), 'the options branch');
  });

  it('returns the kind\'s root for the empty path', () => {
    for (const kind of KINDS as readonly Kind[]) assert.equal(schemaAt(kind, [])?.$id, getSchema(kind).$id);
  });
});
