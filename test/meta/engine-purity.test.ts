import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * ARCHITECTURE.md invariant: the engine is pure. Nothing under server/src/engine/ may reach the editor, the
 * connection, the file system, paths, the operating system, randomness and hashing, other processes or the network,
 * timers or the console, nor read the `process` global: hosts pass all of that in. The renderer (server/src/render/)
 * is pure in the same way, except its named adapters, and imports nothing of the hosts (cli/, lsp/, host/).
 * Sources are read with the TypeScript parser, so comments and strings that mention these names do not count.
 */

const REPO_ROOT = path.resolve(__dirname, '../..');
const ENGINE_ROOT = path.join(REPO_ROOT, 'server/src/engine');
const RENDER_ROOT = path.resolve(__dirname, '../../server/src/render');
/** Render modules that read files for their hosts (the bundled graph library), by name. */
const RENDER_ADAPTERS = new Set(['graph-library.ts']);

const FORBIDDEN_MODULES = new Set([
  'vscode', 'vscode-languageclient', 'fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'http2', 'tls', 'dgram',
  'worker_threads', 'os', 'path', 'path/posix', 'path/win32', 'crypto', 'timers', 'timers/promises',
]);
/** Globals that are I/O or time: the console and the timers. */
const FORBIDDEN_GLOBALS = new Set(['console', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']);
/** Host folders, seen from a render module. */
const HOST_IMPORT = /^\.\.\/(cli|lsp|host)(\/|$)/;

/** `node:fs` is `fs`; every `vscode-languageserver*` package (protocol, textdocument, types) talks LSP. */
function isForbiddenModule(specifier: string): boolean {
  const name = specifier.replace(/^node:/, '');
  return FORBIDDEN_MODULES.has(name) || name.startsWith('vscode-languageserver');
}

/** Folders that hold no source of ours: build output, fixtures, the benchmark's peers and corpus. */
const NOT_SOURCES = new Set(['generated', 'fixtures', 'node_modules', 'peers', 'corpus']);

/** Sources under `dir` (TypeScript; with `scripts`, JavaScript modules too), tests left out. */
function sourcesUnder(dir: string, scripts = false): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return NOT_SOURCES.has(entry.name) ? [] : sourcesUnder(full, scripts);
    return (scripts ? /\.(ts|mjs|cjs|js)$/ : /\.ts$/).test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
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
function readsForbiddenGlobal(node: ts.Node): string | undefined {
  if (!ts.isIdentifier(node) || (node.text !== 'process' && !FORBIDDEN_GLOBALS.has(node.text))) return undefined;
  return readsGlobal(node) ? node.text : undefined;
}

function readsGlobal(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return ts.isIdentifier(parent.expression) && parent.expression.text === 'globalThis';
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodDeclaration(parent)) && parent.name === node) return false;
  // An imported name is the import's finding, not a second one.
  return !ts.isImportSpecifier(parent) && !ts.isExportSpecifier(parent);
}

/** Every violation in one source text, as `line: what`; `hostImports`: also imports of cli/, lsp/, host/. */
function purityViolations(fileName: string, text: string, hostImports = false): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const visit = (node: ts.Node) => {
    const specifier = moduleSpecifiers(node);
    if (specifier && (isForbiddenModule(specifier.text) || (hostImports && HOST_IMPORT.test(specifier.text)))) found.push(`${at(node)}: imports ${specifier.text}`);
    const global = readsForbiddenGlobal(node);
    if (global) found.push(`${at(node)}: uses the ${global} global`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * ARCHITECTURE.md "who may import what": outside the engine, code reaches it only through its entry module
 * (`engine/index.ts`, imported as the folder or as `engine/index`); tests under test/ may import inner modules.
 */
function innerEngineImports(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const entry = new Set([ENGINE_ROOT, path.join(ENGINE_ROOT, 'index'), path.join(ENGINE_ROOT, 'index.ts'), path.join(ENGINE_ROOT, 'index.js')]);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const specifier = moduleSpecifiers(node);
    if (specifier && specifier.text.startsWith('.')) {
      const target = path.resolve(path.dirname(fileName), specifier.text);
      const inEngine = target.startsWith(ENGINE_ROOT + path.sep);
      if (inEngine && !entry.has(target)) found.push(`${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: imports ${specifier.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('engine layering', () => {
  it('nothing outside the engine (hosts, client, bench, scripts) imports an engine module but its entry', () => {
    const roots = ['server/src', 'client/src', 'bench', 'scripts'].map((dir) => path.join(REPO_ROOT, dir));
    const sources = roots.flatMap((dir) => sourcesUnder(dir, true)).filter((file) => !file.startsWith(ENGINE_ROOT + path.sep));
    assert.ok(sources.length > 100, 'the host sources were not found');
    const violations = sources.flatMap((file) =>
      innerEngineImports(file, fs.readFileSync(file, 'utf8')).map((v) => `${path.relative(REPO_ROOT, file)}:${v}`));
    assert.deepStrictEqual(violations, []);
  });

  it('tells an inner import from the entry module, in every form of import', () => {
    const host = path.join(REPO_ROOT, 'server/src/cli/commands/x.ts');
    const inner = [
      "import { RULE_METAS } from '../../engine/rules/registry';",
      "import type { Finding } from '../../engine/types';",
      "export { bilingual } from '../../engine/l10n/message';",
      "const features = require('../../engine/features');",
      "void import('../../engine/yaml/parse');",
    ];
    inner.forEach((line) => assert.strictEqual(innerEngineImports(host, line).length, 1, line));
    const entry = [
      "import { RULE_METAS } from '../../engine';",
      "import type { Finding } from '../../engine/index';",
      "import { lintPaths } from '../lint/run-lint';",
      "// import { x } from '../../engine/lint';",
      "import { engineName } from '../../engine-names';",
    ];
    entry.forEach((line) => assert.deepStrictEqual(innerEngineImports(host, line), [], line));
  });
});

describe('engine purity', () => {
  it('no engine source imports the editor, LSP, file system, processes or network, or reads process', () => {
    const sources = sourcesUnder(ENGINE_ROOT);
    assert.ok(sources.length > 20, 'the engine sources were not found');
    const violations = sources.flatMap((file) =>
      purityViolations(file, fs.readFileSync(file, 'utf8')).map((v) => `${path.relative(ENGINE_ROOT, file)}:${v}`));
    assert.deepStrictEqual(violations, []);
  });

  it('no render source but the named adapters does either, and none imports the hosts (cli/, lsp/, host/)', () => {
    const sources = sourcesUnder(RENDER_ROOT);
    assert.ok(sources.length > 10, 'the render sources were not found');
    const violations = sources.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      const found = RENDER_ADAPTERS.has(path.basename(file)) ? purityViolations(file, text, true).filter((v) => HOST_IMPORT.test(v.replace(/^\d+: imports /, ''))) : purityViolations(file, text, true);
      return found.map((v) => `${path.relative(RENDER_ROOT, file)}:${v}`);
    });
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
      "import { join } from 'node:path';",
      "import { tmpdir } from 'os';",
      "import { randomBytes } from 'crypto';",
      "import { connect } from 'node:tls';",
      "import * as h2 from 'http2';",
      "import { createSocket } from 'dgram';",
      "import { setTimeout as wait } from 'node:timers/promises';",
      'setTimeout(() => undefined, 1);',
      'console.log(1);',
      'const t = setImmediate;',
    ];
    bad.forEach((line) => assert.strictEqual(purityViolations('bad.ts', line).length, 1, line));
    assert.strictEqual(purityViolations('bad.ts', "import { lintPaths } from '../cli/lint/run-lint';", true).length, 1);
    assert.deepStrictEqual(purityViolations('fine.ts', "import { lintFile } from '../engine/lint';", true), []);
    const fine = [
      "// import * as fs from 'fs'; process.exit(1)",
      "const text = 'process.env and require(\"fs\")';",
      'const step = { process: 1 }; const n = step.process;',
      'const o = { console: 1, setTimeout: 2 }; const m = o.console;',
      "import { parse } from 'yaml';",
      "import type { Range } from './types';",
    ];
    fine.forEach((line) => assert.deepStrictEqual(purityViolations('fine.ts', line), [], line));
  });
});
