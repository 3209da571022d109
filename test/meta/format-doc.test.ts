/**
 * docs/format.md is generated from schemas/ (scripts/generate-format-doc.ts, run by the build): the committed page
 * is what the generator writes, it covers every field and code, and a field or code without its bilingual annotation
 * stops the generator (and so the build).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { FORMAT_DOC_PATH, type SchemaNode, readExamples, readSchemas, renderFormatDoc } from '../../scripts/generate-format-doc';


const KINDS = ['service', 'catalog', 'agreement', 'agency'] as const;

/** Every property name and every enum value anywhere in a schema, by a walk of its JSON. */
function namesAndCodes(node: unknown, names = new Set<string>(), values = new Set<string>()): { names: Set<string>; values: Set<string> } {
  if (Array.isArray(node)) node.forEach((n) => namesAndCodes(n, names, values));
  else if (node && typeof node === 'object') {
    const schema = node as SchemaNode;
    for (const value of schema.enum ?? []) values.add(String(value));
    for (const name of Object.keys(schema.properties ?? {})) names.add(name);
    for (const [key, sub] of Object.entries(schema)) if (key !== 'x-enum' && key !== 'x-i18n' && key !== 'enum') namesAndCodes(sub, names, values);
  }
  return { names, values };
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('docs/format.md', () => {
  const committed = fs.existsSync(FORMAT_DOC_PATH) ? fs.readFileSync(FORMAT_DOC_PATH, 'utf8') : '';

  it('is what scripts/generate-format-doc.ts writes from schemas/', () => {
    assert.ok(committed === renderFormatDoc(), 'docs/format.md is out of date: run npm run build and commit it');
  });

  it('has a row for every field and a line for every code of the four kinds', () => {
    const schemas = readSchemas();
    const rows = committed.split('\n').filter((line) => line.startsWith('| `'));
    const fields = new Set(rows.map((line) => /^\| `([^`]+)`/.exec(line)?.[1] ?? '').map((path) => path.split('.').pop()!.replace('[]', '')));
    for (const stem of [...KINDS, 'common']) {
      const { names, values } = namesAndCodes(schemas[stem]);
      assert.deepStrictEqual([...names].filter((n) => !fields.has(n)), [], `${stem}: fields without a row`);
      assert.deepStrictEqual([...values].filter((v) => !rows.some((line) => line.startsWith(`| \`${v}\` |`))), [], `${stem}: codes without a row`);
    }
  });

  it('shows each kind\'s complete example', () => {
    for (const example of Object.values(readExamples())) assert.ok(committed.includes(example.trimEnd()));
  });

  it('cannot be generated while a schema property lacks its annotation', () => {
    const schemas = copy(readSchemas());
    schemas.service.properties!.materials = { ...schemas.service.properties!.materials, 'x-i18n': undefined };
    assert.throws(() => renderFormatDoc(schemas), /service\.schema\.json materials: no x-i18n\.title\.zh-CN/);
    const nested = copy(readSchemas());
    nested.agency.properties!.aliases = { type: 'string' };
    assert.throws(() => renderFormatDoc(nested), /agency\.schema\.json aliases/);
    const config = copy(readSchemas());
    config.config.properties!.newKey = { type: 'string' };
    assert.throws(() => renderFormatDoc(config), /config\.schema\.json newKey/);
  });

  it('cannot be generated while a code lacks its labels', () => {
    const schemas = copy(readSchemas());
    const level = schemas.common.definitions!.level;
    level.enum = [...level.enum!, '9'];
    assert.throws(() => renderFormatDoc(schemas), /code "9" has no x-enum labels/);
  });
});
