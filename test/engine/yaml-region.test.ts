import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import type { Document } from 'yaml';
import type { Anchor, JsonPath } from '../../server/src/engine/types';
import { insertFieldEdit, removeFieldEdit } from '../../server/src/engine/yaml/edits';
import { readFast } from '../../server/src/engine/yaml/fast';
import { locate } from '../../server/src/engine/yaml/locate';
import { parseYaml } from '../../server/src/engine/yaml/parse';
import { entryIndex, regionTree, windowTree } from '../../server/src/engine/yaml/region';
import { EDITOR_REGION_MIN_CHARS, REGION_MIN_CHARS, YamlSource } from '../../server/src/engine/yaml/source';
import { lintFile } from '../../server/src/engine/lint';
import { ParseCache } from '../../server/src/engine/yaml/parse-cache';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';
import { lintTexts } from '../../server/src/engine/workspace-lint';

/**
 * A region tree (only a few entries of a long list parsed precisely) must place every path into a kept entry, and
 * make every field edit there, exactly as the full parse does; when it cannot be sure, it must give nothing.
 */

/** Every path into the value, containers included. */
function pathsIn(value: unknown, at: JsonPath): JsonPath[] {
  const out: JsonPath[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsIn(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsIn(v, [...at, k]));
  return out;
}

/** Checks the region tree against the full parse on every path of the kept entries and outside the list; false when there was none. */
function agrees(text: string, key: string, kept: number[]): boolean {
  const fast = readFast(text);
  assert.ok(fast && fast.length === 1, 'a one-document text the fast reader takes');
  const value = fast[0].value as Record<string, unknown>;
  const region = regionTree(text, value, key, new Set(kept));
  if (!region) return false;
  const full = parseYaml(text).documents[0].ast;
  const list = value[key] as unknown[];
  for (const entry of kept.filter((j) => j < list.length)) {
    for (const p of pathsIn(list[entry], [key, entry])) {
      for (const anchor of ['key', 'value'] as Anchor[]) {
        assert.deepStrictEqual(locate(region, p, anchor), locate(full, p, anchor), `${JSON.stringify(p)} ${anchor}\n${text}`);
      }
      assertSameEdits(region, full, text, p);
    }
  }
  // Outside the list the text is the full parse's: every path there places the same too.
  for (const [k, v] of Object.entries(value).filter(([k]) => k !== key)) {
    for (const p of pathsIn(v, [k])) {
      for (const anchor of ['key', 'value'] as Anchor[]) {
        assert.deepStrictEqual(locate(region, p, anchor), locate(full, p, anchor), `${JSON.stringify(p)} ${anchor}\n${text}`);
      }
      assertSameEdits(region, full, text, p);
    }
  }
  return true;
}

function assertSameEdits(region: Document.Parsed, full: Document.Parsed, text: string, p: JsonPath): void {
  assert.deepStrictEqual(insertFieldEdit(region, text, p, 'added', '""'), insertFieldEdit(full, text, p, 'added', '""'), `insert at ${JSON.stringify(p)}`);
  if (p.length > 2) assert.deepStrictEqual(removeFieldEdit(region, text, p), removeFieldEdit(full, text, p), `remove ${JSON.stringify(p)}`);
}

const SCALAR = fc.oneof(
  fc.constantFrom('x', '"a b"', "'q'", '12', '"319077-0011000"', '中文名称', 'true', '~', '"line\\nbreak"'),
  fc.stringMatching(/^[a-z][a-z0-9 ]{0,8}[a-z0-9]$/),
);
const FIELD = fc.constantFrom('code', 'name', 'type', 'length', 'note');

/** One entry of the list, at the list's indentation, in one of the layouts people write. */
const ENTRY = fc.record({
  fields: fc.uniqueArray(fc.tuple(FIELD, SCALAR), { minLength: 1, maxLength: 4, selector: ([k]) => k }),
  items: fc.option(fc.array(SCALAR, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  flowItems: fc.boolean(),
  comment: fc.option(fc.constantFrom('# 注释', '  # indented note', '', '   '), { nil: undefined }),
  block: fc.option(fc.constantFrom('|\n      first line\n\n      - not an entry\n      # not a comment', '>-\n      folded\n      text'), { nil: undefined }),
});

type Entry = typeof ENTRY extends fc.Arbitrary<infer T> ? T : never;

function entryText(e: Entry, indent: string): string {
  const lines = e.fields.map(([k, v], i) => `${i === 0 ? `${indent}- ` : `${indent}  `}${k}: ${v}`);
  if (e.items) {
    if (e.flowItems) lines.push(`${indent}  items: [${e.items.join(', ')}]`);
    else lines.push(`${indent}  items:`, ...e.items.map((s) => `${indent}    - ${s}`));
  }
  if (e.block) lines.push(`${indent}  text: ${e.block.replace(/\n {6}/g, `\n${indent}      `)}`);
  if (e.comment !== undefined) lines.push(e.comment);
  return lines.join('\n');
}

/** Checks the window tree of entries `[first, last)` against the full parse; false when there was none. */
function windowAgrees(text: string, key: string, first: number, last: number): boolean {
  const value = readFast(text)![0].value as Record<string, unknown>;
  const index = entryIndex(text, value, key);
  const window = index && windowTree(text, value, index, first, last);
  if (!window) return false;
  const full = parseYaml(text).documents[0].ast;
  const list = value[key] as unknown[];
  for (let entry = first; entry < last; entry++) {
    for (const p of pathsIn(list[entry], [key, entry])) {
      for (const anchor of ['key', 'value'] as Anchor[]) {
        assert.deepStrictEqual(locate(window, p, anchor), locate(full, p, anchor), `window ${first}-${last}: ${JSON.stringify(p)} ${anchor}\n${text}`);
      }
      assertSameEdits(window, full, text, p);
    }
  }
  return true;
}

const CATALOGUE = fc.record({
  entries: fc.array(ENTRY, { minLength: 1, maxLength: 8 }),
  indent: fc.constantFrom('', '  ', '    '),
  after: fc.option(fc.constantFrom('after: 1', 'after:\n  - z'), { nil: undefined }),
  crlf: fc.boolean(),
  finalBreak: fc.boolean(),
  kept: fc.array(fc.nat(9), { minLength: 1, maxLength: 3 }),
});

describe('region trees: a few entries of a long list parsed precisely', () => {
  it('place every path and make every field edit of the kept entries as the full parse does (fast-check)', () => {
    let built = 0;
    fc.assert(fc.property(CATALOGUE, (c) => {
      const body = ['apiVersion: govspec/v1', 'kind: Catalog', 'resources:', ...c.entries.map((e) => entryText(e, c.indent))];
      if (c.after) body.push(c.after);
      let text = body.join('\n') + (c.finalBreak ? '\n' : '');
      if (c.crlf) text = text.replace(/\n/g, '\r\n');
      if (readFast(text)?.length !== 1) return;
      if (agrees(text, 'resources', c.kept)) built++;
    }), { numRuns: 300 });
    assert.ok(built > 150, `a region tree in ${built} of 300 cases`);
  });

  it('window trees place every path and make every field edit of their entries as the full parse does (fast-check)', () => {
    let built = 0;
    fc.assert(fc.property(CATALOGUE, fc.nat(8), fc.integer({ min: 1, max: 8 }), (c, start, size) => {
      const body = ['apiVersion: govspec/v1', 'kind: Catalog', 'resources:', ...c.entries.map((e) => entryText(e, c.indent))];
      if (c.after) body.push(c.after);
      let text = body.join('\n') + (c.finalBreak ? '\n' : '');
      if (c.crlf) text = text.replace(/\n/g, '\r\n');
      if (readFast(text)?.length !== 1) return;
      const first = Math.min(start, c.entries.length - 1);
      if (windowAgrees(text, 'resources', first, Math.min(c.entries.length, first + size))) built++;
    }), { numRuns: 300 });
    assert.ok(built > 150, `a window tree in ${built} of 300 cases`);
  });

  it('window trees serve the examples\' catalogues, window by window', () => {
    const folder = path.resolve(__dirname, '../../examples/catalogs');
    for (const file of readdirSync(folder)) {
      const text = readFileSync(path.join(folder, file), 'utf8');
      const count = ((readFast(text)![0].value as { resources: unknown[] }).resources).length;
      for (let j = 0; j < count; j++) assert.ok(windowAgrees(text, 'resources', j, Math.min(count, j + 2)), `${file} entries ${j}-${j + 2}`);
    }
  });

  it('serve the examples\' catalogues, entry by entry', () => {
    const folder = path.resolve(__dirname, '../../examples/catalogs');
    for (const file of readdirSync(folder)) {
      const text = readFileSync(path.join(folder, file), 'utf8');
      const count = ((readFast(text)![0].value as { resources: unknown[] }).resources).length;
      for (let j = 0; j < count; j++) assert.ok(agrees(text, 'resources', [j, (j + 2) % count]), `${file} entry ${j}`);
    }
  });

  it('give nothing for layouts they cannot blank, or data that would not be the same', () => {
    const none = (text: string, kept = [0]) => assert.strictEqual(regionTree(text, parseYaml(text).documents[0].value, 'resources', new Set(kept)), undefined, text);
    none('resources: [{ code: a }, { code: b }]\n');
    none('resources:\n  -\n    code: a\n  - code: b\n');
    none('resources:\n  - code: a\n  -\n    code: b\n', [1]);
    none('resources: {}\n');
    none('name: "x\nresources:\n  - y"\nresources:\n  - code: a\n', [0]);
    none('other: 1\n');
  });

  it('a file with findings in every entry of a long list is never parsed whole: window trees place them the same', () => {
    const entries = Array.from({ length: 4000 }, (_, j) => `  - code: c${j}\n    name: 名称${j}`);
    const text = `kind: Catalog\nresources:\n${entries.join('\n')}\nafter: 1\n`;
    assert.ok(text.length > REGION_MIN_CHARS);
    const source = new YamlSource(text);
    const full = parseYaml(text).documents[0].ast;
    const trees = new Set<unknown>();
    for (let j = 0; j < 4000; j++) {
      for (const p of [['resources', j], ['resources', j, 'name']]) {
        const tree = source.treeFor(0, p)!;
        trees.add(tree);
        assert.deepStrictEqual(locate(tree, p, 'key'), locate(full, p, 'key'), JSON.stringify(p));
        assert.deepStrictEqual(insertFieldEdit(tree, text, p, 'added', '""'), insertFieldEdit(full, text, p, 'added', '""'), JSON.stringify(p));
      }
    }
    assert.ok(trees.size > 1 && trees.size < 20, `${trees.size} trees`);
    assert.strictEqual(Reflect.get(source, 'precise'), undefined, 'the whole file was never parsed precisely');
  });

  it('a file with findings in many entries and much text around the list is parsed whole after a few region trees, and places them the same', () => {
    const entries = Array.from({ length: 12 }, (_, j) => `  - code: c${j}\n    name: n${j}\n    note: ${'长'.repeat(REGION_MIN_CHARS / 10)}`);
    const text = `kind: Catalog\nnote: ${'前'.repeat(REGION_MIN_CHARS + 1)}\nresources:\n${entries.join('\n')}\n`;
    const source = new YamlSource(text);
    const full = parseYaml(text).documents[0].ast;
    const trees = new Set<unknown>();
    for (let j = 0; j < 12; j++) {
      const tree = source.treeFor(0, ['resources', j, 'name'])!;
      trees.add(tree);
      assert.deepStrictEqual(locate(tree, ['resources', j, 'name'], 'value'), locate(full, ['resources', j, 'name'], 'value'));
    }
    assert.ok(trees.size > 1 && trees.size <= 5, `${trees.size} trees`);
    assert.strictEqual(source.treeFor(0, ['resources', 11, 'code']), source.parsed.documents[0].ast, 'the full parse at the end');
    // A path outside the list is served by the last region tree, where the text is the full parse's.
    assert.deepStrictEqual(locate(source.treeFor(0, ['kind'])!, ['kind'], 'value'), locate(full, ['kind'], 'value'));
  });

  it('a path outside every list entry gets a tree with the longest list blanked; in the editor from 16 KB on', () => {
    // The example has a finding at a top-level key (`type: 07`); its suppression comment, which needs the whole parse, goes.
    const service = readFileSync(path.resolve(__dirname, '../../examples/services/marriage-registration.service.yaml'), 'utf8').replace(/ *# govspec-disable.*/, '');
    const [head, rest] = service.split('materials:\n');
    const end = rest.search(/\n(?=\S)/);
    const [materials, tail] = [rest.slice(0, end), rest.slice(end + 1)];
    const plain = materials.split('\n  - id: household-register')[0];
    const copies = [materials, ...Array.from({ length: 240 }, (_, j) => plain.replace(/id: ([a-z-]+)/g, `id: $1-${j}`))];
    // And one inside a material: a missing field.
    const text = `${head}materials:\n${copies.join('\n').replace('    name: 居民身份证\n', '')}\n${tail}`;
    const value = readFast(text)![0].value as Record<string, unknown>;
    assert.ok(text.length >= EDITOR_REGION_MIN_CHARS && text.length < REGION_MIN_CHARS, String(text.length));
    assert.ok(agrees(text, 'materials', [0]));
    const run = (source?: YamlSource) => lintFile({ file: 'big.service.yaml', text, config: DEFAULT_CONFIG, today: '2026-06-01', source }).findings;
    const editor = new YamlSource(text, undefined, EDITOR_REGION_MIN_CHARS);
    const findings = run(editor);
    assert.deepStrictEqual(findings, run(YamlSource.precise(text)));
    assert.ok(findings.some((f) => f.ruleId === 'schema/type') && findings.some((f) => f.ruleId === 'schema/required'), findings.map((f) => f.ruleId).join());
    assert.strictEqual(editor.preciselyParsed, false, 'region trees placed every finding');
    assert.ok(Array.isArray(value.materials));
    const cli = new YamlSource(text);
    assert.strictEqual(cli.treeFor(0, ['type']), cli.parsed.documents[0].ast, 'under 64 KB the CLI parses it whole');
  });

  it('a file edited again, one version of which exhausted its region trees, is parsed whole from then on', () => {
    const entries = Array.from({ length: 12 }, (_, j) => `  - code: c${j}\n    name: n${j}\n    note: ${'长'.repeat(REGION_MIN_CHARS / 10)}`);
    // More than 64 KB of text around the list, so that window trees are refused and region trees are what it uses.
    let text = `kind: Catalog\ndescription: ${'述'.repeat(REGION_MIN_CHARS + 1)}\nresources:\n${entries.join('\n')}\n`;
    const cache = new ParseCache(() => text);
    const first = cache.source('a.catalog.yaml')!;
    for (let j = 0; j < 12; j++) first.treeFor(0, ['resources', j, 'name']);
    assert.ok(first.regionsExhausted);
    text = text.replace('name: n3', 'name: n3x');
    const next = cache.source('a.catalog.yaml')!;
    assert.notStrictEqual(next, first);
    assert.strictEqual(next.treeFor(0, ['resources', 0, 'name']), next.parsed.documents[0].ast, 'no region tree built in vain');
    cache.forget('a.catalog.yaml');
    const fresh = cache.source('a.catalog.yaml')!;
    assert.notStrictEqual(fresh.treeFor(0, ['resources', 0, 'name']), fresh.parsed.documents[0].ast, 'a forgotten file starts over');
  });

  it('a short file is parsed whole: there a region tree would cost as much', () => {
    const text = 'kind: Catalog\nresources:\n  - code: a\n  - code: b\n';
    const source = new YamlSource(text);
    const tree = source.treeFor(0, ['resources', 1, 'code']);
    assert.strictEqual(tree, source.parsed.documents[0].ast);
  });

  it('a long catalogue with findings in several resources: the same findings, fixes and related locations as the precise path', () => {
    const example = readFileSync(path.resolve(__dirname, '../../examples/catalogs/market-regulation.catalog.yaml'), 'utf8');
    const [head, list] = example.split('resources:\n');
    const [first, second] = list.split(/\n(?= {2}- code)/);
    const copies: string[] = [];
    for (let j = 0; copies.join('\n').length < 2 * REGION_MIN_CHARS; j++) {
      const code = `3020300${String(100 + j).padStart(3, '0')}/00${String(100 + j).padStart(3, '0')}`;
      let entry = second.replace('3020300002/00002', code);
      if (j === 3) entry = entry.replace('updateCycle: weekly', 'updateCycle: fortnightly'); // schema/enum, a suggestion
      if (j === 7) entry = entry.replace('    publishDate', '    colour: red\n    publishDate'); // unknown field: remove
      if (j === 9) entry = entry.replace(/ {4}name: .*\n/, ''); // missing field: insert
      if (j === 11 || j === 40) entry = entry.replace(code, '3020300002/00002'); // duplicate codes, related to each other
      if (j === 45) entry = entry.replace('{ name: 有效期至, dataType: D }', '{ name: 有效期至, dataType: D, length: 8 }');
      copies.push(entry);
    }
    const text = `${head}resources:\n${[first, ...copies].join('\n')}\n`;
    assert.ok(readFast(text) && text.length > REGION_MIN_CHARS);
    const texts = new Map([['big.catalog.yaml', text]]);
    const run = (precise: boolean) => [...lintTexts(texts, { configFor: () => DEFAULT_CONFIG, today: '2026-06-01', precise }).entries()];
    const fast = run(false);
    assert.deepStrictEqual(fast, run(true));
    const findings = fast[0][1].findings;
    for (const rule of ['schema/enum', 'schema/unknown-field', 'schema/required', 'catalog/duplicate-code', 'catalog/item-length']) {
      assert.ok(findings.some((f) => f.ruleId === rule), `${rule} in ${findings.map((f) => f.ruleId).join(', ')}`);
    }
    assert.ok(findings.some((f) => f.related.length > 0) && findings.some((f) => f.fixes.length > 0));
    const source = new YamlSource(text);
    assert.notStrictEqual(source.treeFor(0, ['resources', 8, 'name']), source.parsed.documents[0].ast, 'a region tree served the findings');
  });
});
