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
/** Sources allowed a text chosen by locale without the builder, by path under server/src, each with why. */
const ALLOWED_CHOICES = new Map<string, string>([
  ['cli/rule-docs.ts', "the README's section headings are the file's structure, not a message; and the lazily loaded module must not import the engine at run time"],
]);

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

const LOCALE_IDS = new Set(['zh-CN', 'en']);

function unwrap(node: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(node) ? unwrap(node.expression) : node;
}

/**
 * A text in some language: a template that composes values into words or punctuation, or a string with a letter in
 * it; not a locale id, and not a bare joiner such as '、' or ', '.
 */
function isText(node: ts.Expression): boolean {
  const e = unwrap(node);
  if (ts.isTemplateExpression(e)) return true;
  return ts.isStringLiteralLike(e) && !LOCALE_IDS.has(e.text) && /\p{L}/u.test(e.text);
}

/** `x === 'zh-CN'`, `'en' !== x` and the like. */
function comparesLocale(node: ts.Expression): boolean {
  const e = unwrap(node);
  if (!ts.isBinaryExpression(e)) return false;
  const op = e.operatorToken.kind;
  const equality = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken];
  const localeLiteral = (side: ts.Expression) => ts.isStringLiteralLike(unwrap(side)) && LOCALE_IDS.has((unwrap(side) as ts.StringLiteralLike).text);
  return equality.includes(op) && (localeLiteral(e.left) || localeLiteral(e.right));
}

/** The lines of `locale === 'zh-CN' ? '…' : '…'`: a message in both languages built without the builder. */
function localeTernaries(fileName: string, text: string): number[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const lines: number[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isConditionalExpression(node) && comparesLocale(node.condition) && isText(node.whenTrue) && isText(node.whenFalse)) {
      lines.push(source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return lines;
}

type Finder = (fileName: string, text: string) => number[];

/** `file:line` of every place `find` reports in the server's sources but those `skip` passes over. */
function placesUnderServer(find: Finder, skip: (file: string) => boolean): string[] {
  const sources = sourcesUnder(SERVER_ROOT).filter((file) => !skip(file));
  assert.ok(sources.length > 100, 'the server sources were not found');
  return sources.flatMap((file) => find(file, fs.readFileSync(file, 'utf8')).map((line) => `${path.relative(SERVER_ROOT, file)}:${line}`));
}

/** `find` reports each line of `flagged` once and no line of `fine`. */
function assertSpellings(find: Finder, flagged: string[], fine: string[]): void {
  flagged.forEach((line) => assert.strictEqual(find('x.ts', line).length, 1, line));
  fine.forEach((line) => assert.deepStrictEqual(find('x.ts', line), [], line));
}

describe('one message builder', () => {
  it('no source under server/src but the builder spells a { zh-CN, en } literal', () => {
    assert.deepStrictEqual(placesUnderServer(inlineBilingualLiterals, (file) => file === BUILDER || ALLOWED_TABLES.has(path.relative(SERVER_ROOT, file))), []);
  });

  it('no source under server/src chooses a message by locale with a ternary: bilingual(zh, en)[locale] says it once', () => {
    assert.deepStrictEqual(placesUnderServer(localeTernaries, (file) => ALLOWED_CHOICES.has(path.relative(SERVER_ROOT, file))), []);
  });

  it('finds a message ternary in every spelling, and not a choice of locale ids, joiners or other values', () => {
    assertSpellings(localeTernaries, [
      "const t = locale === 'zh-CN' ? '修复' : 'Fix';",
      'const t = locale !== "en" ? `已过期 ${n} 天` : `expired ${n} days ago`;',
      "const t = ('en' === report.locale) ? 'Others' : '其他';",
      "const t = locale == 'zh-CN'\n  ? `${a} 份协议`\n  : `${a} agreements`;",
      "f(locale === 'zh-CN' ? '（未说明原因）' : '(no reason given)');",
      "const t = lang === 'en' ? `${label} (${code})` : `${label}（${code}）`;",
    ], [
      "const lang = locale === 'zh-CN' ? 'zh-CN' : 'en';",
      "const joiner = locale === 'zh-CN' ? '、' : ', ';",
      "const order = locale === 'zh-CN' ? ['zh-CN', 'en'] : ['en', 'zh-CN'];",
      "const t = bilingual('修复', 'Fix')[locale];",
      "const t = verbose ? '详细' : 'short';",
      "const t = locale === 'zh-CN' ? zh : en;",
    ]);
  });

  it('the builder itself is the one literal it allows', () => {
    assert.deepStrictEqual(inlineBilingualLiterals(BUILDER, fs.readFileSync(BUILDER, 'utf8')).length, 1);
  });

  it('finds the literal in every spelling, and not types or reads', () => {
    assertSpellings(inlineBilingualLiterals, [
      "const m: Message = { 'zh-CN': '错误', en: 'error' };",
      'const m = { "zh-CN": `${a}`, en: b };',
      "const m = { en: 'error', 'zh-CN': '错误' };",
      "const m = { ['zh-CN']: '错误', en: 'error' };",
      "f({ 'zh-CN': zh, ...rest });",
      "const table = { error: { 'zh-CN': '错误', en: 'error' } };",
    ], [
      "interface Message { 'zh-CN': string; en: string }",
      "const zh = m['zh-CN'];",
      "const m = bilingual('错误', 'error');",
      "// { 'zh-CN': '错误', en: 'error' }",
      "const s = \"{ 'zh-CN': x }\";",
    ]);
  });
});
