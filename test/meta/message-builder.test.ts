import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * ARCHITECTURE.md: one way to build a message in both languages, `bilingual()` of engine/l10n/message.ts. An object
 * literal with a `'zh-CN'` key anywhere else under server/src is a second way (scripts/codemod-bilingual.ts rewrites
 * them). Types (`interface Message { 'zh-CN': string; en: string }`) and reads (`m['zh-CN']`) are not literals.
 */

const SERVER_ROOT = path.resolve(__dirname, '../../server/src');
const BUILDER = path.join(SERVER_ROOT, 'engine/l10n/message.ts');
/** Data tables allowed to spell the key themselves, by path under server/src, each with why. None today. */
const ALLOWED_TABLES = new Map<string, string>();

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'fixtures' ? [] : sourcesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function keyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** The lines of object literals with a `zh-CN` key, in one source text. */
function inlineBilingualLiterals(fileName: string, text: string): number[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node) && node.properties.some((p) => p.name !== undefined && keyName(p.name) === 'zh-CN')) {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

describe('one message builder', () => {
  it('no source under server/src but the builder spells a { zh-CN, en } literal', () => {
    const sources = sourcesUnder(SERVER_ROOT).filter((file) => file !== BUILDER && !ALLOWED_TABLES.has(path.relative(SERVER_ROOT, file)));
    assert.ok(sources.length > 100, 'the server sources were not found');
    const found = sources.flatMap((file) =>
      inlineBilingualLiterals(file, fs.readFileSync(file, 'utf8')).map((line) => `${path.relative(SERVER_ROOT, file)}:${line}`));
    assert.deepStrictEqual(found, []);
  });

  it('the builder itself is the one literal it allows', () => {
    assert.deepStrictEqual(inlineBilingualLiterals(BUILDER, fs.readFileSync(BUILDER, 'utf8')).length, 1);
  });

  it('finds the literal in every spelling, and not types or reads', () => {
    const literals = [
      "const m: Message = { 'zh-CN': '错误', en: 'error' };",
      'const m = { "zh-CN": `${a}`, en: b };',
      "const m = { en: 'error', 'zh-CN': '错误' };",
      "const m = { ['zh-CN']: '错误', en: 'error' };",
      "f({ 'zh-CN': zh, ...rest });",
      "const table = { error: { 'zh-CN': '错误', en: 'error' } };",
    ];
    literals.forEach((line) => assert.strictEqual(inlineBilingualLiterals('x.ts', line).length, 1, line));
    const fine = [
      "interface Message { 'zh-CN': string; en: string }",
      "const zh = m['zh-CN'];",
      "const m = bilingual('错误', 'error');",
      "// { 'zh-CN': '错误', en: 'error' }",
      "const s = \"{ 'zh-CN': x }\";",
    ];
    fine.forEach((line) => assert.deepStrictEqual(inlineBilingualLiterals('x.ts', line), [], line));
  });
});
