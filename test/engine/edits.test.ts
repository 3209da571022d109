import * as assert from 'assert';
import { parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { insertFieldEdit, removeFieldEdit } from '../../server/src/engine/yaml/edits';
import type { OffsetEdit } from '../../server/src/engine/yaml/edits';
import { lintFile } from '../../server/src/engine/lint';
import { DEFAULT_CONFIG } from '../../server/src/engine/config/types';

const apply = (text: string, e: OffsetEdit | undefined) => {
  assert.ok(e, 'an edit');
  return text.slice(0, e.start) + e.newText + text.slice(e.end);
};
const doc = (text: string) => parseDocument(text) as unknown as Document.Parsed;

describe('field edits (insert skeleton, remove unknown field)', () => {
  it('inserts a field into a block mapping at its siblings\' indentation, comments untouched', () => {
    const text = 'fee:\n  charged: true # 收费\nname: x\n';
    assert.strictEqual(apply(text, insertFieldEdit(doc(text), text, ['fee'], 'basis', '""')), 'fee:\n  charged: true # 收费\n  basis: ""\nname: x\n');
  });

  it('inserts at the root, also when the file has no final line break', () => {
    const text = 'kind: Service\nname: x';
    assert.strictEqual(apply(text, insertFieldEdit(doc(text), text, [], 'place', '""')), 'kind: Service\nname: x\nplace: ""');
  });

  it('keeps CRLF line breaks', () => {
    const text = 'a:\r\n  b: 1\r\n';
    assert.strictEqual(apply(text, insertFieldEdit(doc(text), text, ['a'], 'c', '0')), 'a:\r\n  b: 1\r\n  c: 0\r\n');
  });

  it('inserts into a flow mapping between the braces', () => {
    const text = 'fee: { charged: false }\n';
    assert.strictEqual(apply(text, insertFieldEdit(doc(text), text, ['fee'], 'basis', '""')), 'fee: { charged: false, basis: "" }\n');
    const empty = 'x: {}\n';
    assert.strictEqual(apply(empty, insertFieldEdit(doc(empty), empty, ['x'], 'a', '1')), 'x: {a: 1}\n');
  });

  it('inserts into a mapping inside a list', () => {
    const text = 'materials:\n  - id: a\n    name: 甲\n';
    assert.strictEqual(apply(text, insertFieldEdit(doc(text), text, ['materials', 0], 'required', 'false')), 'materials:\n  - id: a\n    name: 甲\n    required: false\n');
  });

  it('removes a block field with its whole line, nested value included', () => {
    const text = 'a: 1\nnmae:\n  - x\n  - y\nb: 2 # keep\n';
    assert.strictEqual(apply(text, removeFieldEdit(doc(text), text, ['nmae'])), 'a: 1\nb: 2 # keep\n');
  });

  it('removes a flow entry and its comma', () => {
    const first = 'x: {a: 1, b: 2}\n';
    assert.strictEqual(apply(first, removeFieldEdit(doc(first), first, ['x', 'a'])), 'x: {b: 2}\n');
    const last = 'x: { a: 1, b: 2 }\n';
    assert.strictEqual(apply(last, removeFieldEdit(doc(last), last, ['x', 'b'])), 'x: { a: 1 }\n');
  });

  it('gives nothing where there is no mapping', () => {
    const text = 'a: [1, 2]\n';
    assert.strictEqual(insertFieldEdit(doc(text), text, ['a'], 'b', '1'), undefined);
    assert.strictEqual(removeFieldEdit(doc(text), text, ['a', 'zz']), undefined);
  });
});

describe('field edits in nested flow mappings', () => {
  it('keeps the braces of a nested value', () => {
    const text = 'x: {a: {b: 1}}\n';
    assert.strictEqual(apply(text, insertFieldEdit(doc(text), text, ['x'], 'c', '2')), 'x: {a: {b: 1}, c: 2}\n');
    assert.strictEqual(apply(text, removeFieldEdit(doc(text), text, ['x', 'a'])), 'x: {}\n');
  });
});

describe('schema fixes through the linter', () => {
  const AGENCY = 'apiVersion: govspec/v1\nkind: Agency\nuscc: "11511602008201026C"\nname: 民政局\nregion: "511602"\nlevel: "4"\n';
  const fixesOf = (text: string, ruleId: string) =>
    lintFile({ file: 'a.agency.yaml', text, config: DEFAULT_CONFIG, today: '2026-06-01' }).findings.find((f) => f.ruleId === ruleId)?.fixes ?? [];
  const applyFix = (text: string, fix: { edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }) => {
    const lines = text.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    const e = fix.edits[0];
    return text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  };

  it('schema/unknown-field: "remove" deletes the field line and nothing else', () => {
    const text = AGENCY.replace('level: "4"\n', 'level: "4"\nremark: 备注\n');
    const remove = fixesOf(text, 'schema/unknown-field').find((f) => f.title.en.startsWith('Remove'));
    assert.ok(remove && !remove.safe, 'a suggestion, never applied by --fix');
    assert.strictEqual(applyFix(text, remove), AGENCY);
  });

  it('schema/required: "insert skeleton" adds the missing field at the root', () => {
    const text = AGENCY.replace('level: "4"\n', '');
    const insert = fixesOf(text, 'schema/required').find((f) => f.title.en.startsWith('Insert'));
    assert.ok(insert && !insert.safe);
    assert.strictEqual(applyFix(text, insert), `${text}level: ""\n`);
  });
});
