// Codemod: rewrites inline `{ 'zh-CN': …, en: … }` literals under the given folders or files to `bilingual(…, …)`;
// rerun it on a merge conflict (`npx tsx scripts/codemod-bilingual.ts server/src/engine/rules`).
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const ENGINE = path.join(ROOT, 'server/src/engine');
const BUILDER = path.join(ENGINE, 'l10n/message.ts');

function sourcesOf(target: string): string[] {
  const full = path.resolve(target);
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'fixtures' ? [] : sourcesOf(path.join(full, entry.name));
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path.join(full, entry.name)] : [];
  });
}

const nameOf = (p: ts.ObjectLiteralElementLike) =>
  ts.isPropertyAssignment(p) && (ts.isStringLiteral(p.name) || ts.isIdentifier(p.name)) ? p.name.text : undefined;

interface Edit { start: number; end: number; text: string }

/** The edit for one literal, or why it is left alone (undefined: not a bilingual literal at all). */
function editFor(node: ts.ObjectLiteralExpression, source: ts.SourceFile): Edit | string | undefined {
  const names = node.properties.map(nameOf);
  if (!names.includes('zh-CN')) return undefined;
  if (node.properties.length !== 2 || !names.includes('en')) return 'not exactly the two properties zh-CN and en';
  const [first, second] = node.properties as unknown as [ts.PropertyAssignment, ts.PropertyAssignment];
  const zh = first.name.getText(source).includes('zh-CN') ? first : second;
  const en = zh === first ? second : first;
  const parent = node.parent;
  if (ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) return 'typed by `as` or `satisfies`';
  const text = source.text;
  const start = node.getStart(source);
  const open = text.slice(start + 1, first.getStart(source));
  const between = text.slice(first.initializer.getEnd(), second.getStart(source));
  const close = text.slice(second.initializer.getEnd(), node.getEnd() - 1);
  if (/\/\/|\/\*/.test(open + between + close)) return 'has comments between its properties';
  const opening = open.includes('\n') ? open : '';
  const closing = close.includes('\n') ? close : '';
  return { start, end: node.getEnd(), text: `bilingual(${opening}${zh.initializer.getText(source)}${between}${en.initializer.getText(source)}${closing})` };
}

/** Where the builder is imported from: its module inside the engine, the engine's entry outside it. */
function builderSpecifier(file: string): string {
  const target = file.startsWith(ENGINE + path.sep) ? BUILDER.replace(/\.ts$/, '') : ENGINE;
  const relative = path.relative(path.dirname(file), target).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function importsBuilder(source: ts.SourceFile): boolean {
  return source.statements.some((s) => ts.isImportDeclaration(s) && s.importClause?.namedBindings && ts.isNamedImports(s.importClause.namedBindings)
    && s.importClause.namedBindings.elements.some((e) => e.name.text === 'bilingual'))
    || source.statements.some((s) => ts.isFunctionDeclaration(s) && s.name?.text === 'bilingual');
}

function migrate(file: string): { changed: number; left: string[] } {
  let text = fs.readFileSync(file, 'utf8');
  let changed = 0;
  const left: string[] = [];
  // Nested literals are rewritten from the inside out, one layer per pass.
  for (;;) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const edits: Edit[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const edit = editFor(node, source);
        if (typeof edit === 'string') left.push(`${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${edit}`);
        if (typeof edit === 'object' && !edits.some((e) => e.start <= edit.start && edit.end <= e.end)) {
          edits.push(edit);
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    if (edits.length === 0) {
      if (changed > 0 && !importsBuilder(source)) {
        const imports = source.statements.filter(ts.isImportDeclaration);
        const at = imports.length > 0 ? imports[imports.length - 1].getEnd() : 0;
        const line = `import { bilingual } from '${builderSpecifier(file)}';`;
        text = at === 0 ? `${line}\n${text}` : `${text.slice(0, at)}\n${line}${text.slice(at)}`;
      }
      break;
    }
    for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    changed += edits.length;
    left.length = 0;
  }
  if (changed > 0) fs.writeFileSync(file, text);
  return { changed, left };
}

const targets = process.argv.slice(2);
if (targets.length === 0) {
  console.error('usage: npx tsx scripts/codemod-bilingual.ts <folder or file>…');
  process.exit(2);
}
let total = 0;
for (const file of targets.flatMap(sourcesOf)) {
  if (file === BUILDER) continue;
  const { changed, left } = migrate(file);
  total += changed;
  left.forEach((line) => console.log(`left alone: ${line}`));
}
console.log(`rewrote ${total} literals`);
