import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * ARCHITECTURE.md invariant: the engine is pure. Nothing under server/src/engine/ may reach the editor, the
 * connection, the file system, other processes or the network, nor read the `process` global: hosts pass all of that
 * in. Sources are read with the TypeScript parser, so comments and strings that mention these names do not count.
 */

const ENGINE_ROOT = path.resolve(__dirname, '../../server/src/engine');

const FORBIDDEN_MODULES = new Set([
  'vscode', 'vscode-languageclient', 'fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'worker_threads',
]);

/** `node:fs` is `fs`; every `vscode-languageserver*` package (protocol, textdocument, types) talks LSP. */
function isForbiddenModule(specifier: string): boolean {
  const name = specifier.replace(/^node:/, '');
  return FORBIDDEN_MODULES.has(name) || name.startsWith('vscode-languageserver');
}

function engineSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' || entry.name === 'fixtures' ? [] : engineSources(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Module specifiers of import/export declarations, `import x = require()`, `require()` and `import()` calls. */
function moduleSpecifiers(node: ts.Node): ts.StringLiteralLike | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) return node.moduleSpecifier;
  if (ts.isExternalModuleReference(node) && ts.isStringLiteralLike(node.expression)) return node.expression;
  if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
    const callee = node.expression;
    if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) return node.arguments[0];
  }
  return undefined;
}

/**
 * `process` as a value, i.e. anything but a property name (`x.process`, `{ process: 1 }`). A local of that name is
 * flagged too (telling it from the global needs scopes): the engine can pick another name.
 */
function readsProcessGlobal(node: ts.Node): boolean {
  if (!ts.isIdentifier(node) || node.text !== 'process') return false;
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return ts.isIdentifier(parent.expression) && parent.expression.text === 'globalThis';
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  return true;
}

/** Every violation in one source text, as `line: what`. */
function purityViolations(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node) => {
    const specifier = moduleSpecifiers(node);
    if (specifier && isForbiddenModule(specifier.text)) found.push(`${at(node)}: imports ${specifier.text}`);
    if (readsProcessGlobal(node)) found.push(`${at(node)}: uses the process global`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('engine purity', () => {
  it('no engine source imports the editor, LSP, file system, processes or network, or reads process', () => {
    const sources = engineSources(ENGINE_ROOT);
    assert.ok(sources.length > 20, 'the engine sources were not found');
    const violations = sources.flatMap((file) =>
      purityViolations(file, fs.readFileSync(file, 'utf8')).map((v) => `${path.relative(ENGINE_ROOT, file)}:${v}`));
    assert.deepStrictEqual(violations, []);
  });

  it('catches every form of import and the process global, and nothing in comments or strings', () => {
    const bad = [
      "import * as vscode from 'vscode';",
      "import { createConnection } from 'vscode-languageserver/node';",
      "import type { Diagnostic } from 'vscode-languageserver-types';",
      "export { readFileSync } from 'node:fs';",
      "import fsp = require('fs/promises');",
      "const cp = require('child_process');",
      "void import('https');",
      'const env = process.env.LANG;',
      'const cwd = globalThis.process.cwd();',
    ];
    bad.forEach((line) => assert.strictEqual(purityViolations('bad.ts', line).length, 1, line));
    const fine = [
      "// import * as fs from 'fs'; process.exit(1)",
      "const text = 'process.env and require(\"fs\")';",
      'const step = { process: 1 }; const n = step.process;',
      "import { parse } from 'yaml';",
      "import type { Range } from './types';",
    ];
    fine.forEach((line) => assert.deepStrictEqual(purityViolations('fine.ts', line), [], line));
  });
});
