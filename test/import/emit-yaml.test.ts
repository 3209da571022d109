/**
 * A new imported file is emitted directly (emit-yaml.ts) for speed; its bytes must be those of the `yaml` Document
 * API that updates files in place. Every document of the rule fixtures (valid and invalid: odd shapes included) and
 * the examples, and documents whose every text field holds a string YAML treats specially, rendered both ways.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { KINDS } from '../../server/src/engine/types';
import type { Kind } from '../../server/src/engine/types';
import type { AssembledDocument } from '../../server/src/sheets/assemble';
import { CellsByPath } from '../../server/src/sheets/cells-by-path';
import { setIn } from '../../server/src/sheets/data-paths';
import type { Entity } from '../../server/src/sheets/data-paths';
import { fieldColumns } from '../../server/src/sheets/fields';
import { LAYOUTS } from '../../server/src/sheets/layouts';
import { renderNewDocument, renderWithDocumentApi } from '../../server/src/sheets/write-yaml';

const ROOT = join(__dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) && name !== 'govspec.config.yaml' ? [path] : [];
  });
}

const allColumns = (kind: Kind): Set<string> => new Set(fieldColumns(kind).map((c) => c.id));

function assembled(kind: Kind, data: Entity): AssembledDocument {
  return { key: 'k', kind, data, cells: new CellsByPath() };
}

function assertSameText(kind: Kind, data: Entity, what: string): void {
  const present = allColumns(kind);
  assert.equal(renderNewDocument(assembled(kind, data), present), renderWithDocumentApi(assembled(kind, data), present).text, what);
}

/** Strings the `yaml` library quotes, escapes or writes as block scalars, and some it writes plain. */
const AWKWARD = [
  'yes', 'true', 'True', 'NULL', '~', '123', '007', '1e3', '0x1f', '.inf', '+1', '-', '-x', '?', '?x', 'a: b', 'a:b', '#x', 'x #y',
  ' lead', 'trail ', '[x]', '{a}', 'a]', 'x,y', '"q', "'q", '@x', '%x', '`x', '!x', '&x', '*x', '|x', '>x', '---', '...',
  'a\nb', 'a\n b\n', '\tx', 'é', '中文 空格', '全角　空格', 'x\u00a0y', '\u2028', 'back\\slash', '2025-01-01', '12:30', '',
];

describe('direct YAML emitter = the yaml Document API', () => {
  it('writes the same bytes for every fixture and example document', () => {
    const files = [...yamlFiles(join(ROOT, 'server', 'src', 'engine', 'rules')), ...yamlFiles(join(ROOT, 'examples'))];
    let compared = 0;
    for (const file of files) {
      const docs = parseAllDocuments(readFileSync(file, 'utf8'));
      for (const doc of Array.isArray(docs) ? docs : []) {
        let data: Entity | null;
        try {
          data = doc.toJSON() as Entity | null;
        } catch {
          continue; // an alias bomb among the fixtures: no data to render
        }
        if (data === null || typeof data !== 'object' || !(KINDS as readonly unknown[]).includes(data.kind)) continue;
        assertSameText(data.kind as Kind, data, file);
        compared++;
      }
    }
    assert.ok(compared > 400, `only ${compared} documents compared`);
  });

  it('writes the same bytes for strings YAML treats specially, in every field and list of each kind', () => {
    for (const kind of KINDS) {
      const levels = LAYOUTS[kind].levels;
      for (const value of AWKWARD) {
        const data: Entity = {};
        for (const column of fieldColumns(kind)) {
          let at = data;
          for (let l = 1; l <= column.level; l++) {
            const list = ((at[levels[l].list!] as Entity[] | undefined) ??= [{}]) as Entity[];
            at = list[0];
          }
          if (column.objectList) setIn(at, column.keys, [{ [column.objectList.field[0]]: value }, {}]);
          else setIn(at, column.keys, column.kind === 'list' || column.kind === 'enum-list' ? [value, value] : value);
        }
        assertSameText(kind, data, `${kind} ${JSON.stringify(value)}`);
      }
    }
  });

  it('writes numbers, booleans, empty lists and maps as the library does', () => {
    for (const value of [0, -0, 1.5, 1e21, -7, Number.MAX_SAFE_INTEGER + 2, true, false, null, [], {}, [{}], [[1, 'a'], []], { a: { b: [] } }]) {
      const data: Entity = { provider: { name: value }, resources: [{ code: value, name: value, items: [{ name: 'x', length: value }] }] };
      assertSameText('Catalog', data, JSON.stringify(value));
    }
  });
});
