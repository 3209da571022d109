/* eslint-disable @typescript-eslint/no-require-imports -- the client modules are loaded after a stand-in `vscode` module is put in place */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import Module = require('node:module'); // the loader itself, so that `vscode` resolves to the stand-in
import { join } from 'node:path';
import { REPO } from './support';

/**
 * Issue 7, restricted mode (untrusted workspace). The manifest says `untrustedWorkspaces: limited`, with
 * `govspec.configPath` a restricted setting (VS Code then ignores the workspace's value), and package.nls.json
 * promises: "executes nothing from the workspace, applies no edit on its own". The client has no trust-dependent code
 * path, so the promise must hold in every mode. Here the real client modules (commands, views) run against a stand-in
 * `vscode` that records every call: every registered command is invoked, and none applies an edit, writes a file,
 * or runs a command other than opening the Problems view.
 */

interface Call { path: string; args: unknown[] }

const STUB_ID = join(REPO, 'test', 'reliability', '__vscode-stand-in__.js');

const EDITOR = {
  document: { languageId: 'yaml', fileName: '/w/a.service.yaml', uri: { toString: () => 'file:///w/a.service.yaml', path: '/w/a.service.yaml' } },
  selection: { active: { line: 0 } },
};

function standIn(calls: Call[], commands: Map<string, (...args: unknown[]) => unknown>): unknown {
  const make = (path: string[]): unknown => {
    const name = path.join('.');
    const fn = (...args: unknown[]): unknown => {
      calls.push({ path: name, args });
      switch (name) {
        case 'commands.registerCommand':
          commands.set(args[0] as string, args[1] as (...a: unknown[]) => unknown);
          return { dispose() {} };
        case 'window.withProgress': return (args[1] as () => unknown)();
        case 'window.showInputBox': return Promise.resolve('service/fee-basis');
        case 'workspace.getConfiguration': return { get: () => undefined };
        default: return make([...path, '()']);
      }
    };
    return new Proxy(fn, {
      get: (_t, prop) => {
        if (prop === Symbol.toPrimitive) return () => `stand-in:${name}`;
        if (prop === 'then' || typeof prop === 'symbol') return undefined;
        // A Service file open in the editor, so that the preview command opens its panel.
        if (name === 'window' && prop === 'activeTextEditor') return EDITOR;
        return make([...path, prop]);
      },
      construct: (_t, args) => { calls.push({ path: `new ${name}`, args }); return {}; },
    });
  };
  // Plain own properties: the module loader copies a CommonJS module's own keys into the namespace it imports.
  const names = ['commands', 'window', 'workspace', 'env', 'l10n', 'languages', 'tasks', 'debug', 'Uri', 'Range', 'Position',
    'Selection', 'ViewColumn', 'ProgressLocation', 'StatusBarAlignment', 'Disposable', 'EventEmitter', 'WorkspaceEdit', 'TextEdit'];
  return Object.fromEntries(names.map((n) => [n, make([n])]));
}

/** Calls that would change files or run something: none may happen unasked. */
function writes(calls: readonly Call[]): Call[] {
  return calls.filter((c) => /applyEdit|\bfs\.|saveAll|\.save\b|executeCommand|createTerminal|tasks\.|debug\.|openExternal/.test(c.path))
    // The lint command opens the Problems view; the rule-doc command opens a rule's page in an editor (the package's
    // README) or, for a page the package lacks, outside (the rules' home).
    .filter((c) => !(c.path === 'commands.executeCommand' && ['workbench.actions.view.problems', 'vscode.open'].includes(c.args[0] as string)))
    .filter((c) => !(c.path === 'env.openExternal'));
}

describe('reliability: restricted mode (untrusted workspace)', () => {
  const calls: Call[] = [];
  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const loader = Module as unknown as { _resolveFilename(request: string, ...rest: unknown[]): string };
  const resolve = loader._resolveFilename;

  before(() => {
    loader._resolveFilename = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? STUB_ID : resolve.call(this, request, ...rest);
    };
    require.cache[STUB_ID] = { id: STUB_ID, filename: STUB_ID, loaded: true, exports: standIn(calls, commands) } as NodeJS.Module;
    // The templates are imported as text, as the bundler does.
    require.extensions['.yaml'] = (m, filename) => { m.exports = readFileSync(filename, 'utf8'); };
  });
  after(() => {
    loader._resolveFilename = resolve;
    delete require.cache[STUB_ID];
    delete require.extensions['.yaml'];
  });

  it('the manifest declares limited support and restricts govspec.configPath', () => {
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } } };
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['govspec.configPath']);
  });

  it('every command the client registers, when invoked, applies no edit, writes no file and runs nothing', async () => {
    const { registerCommands } = require('../../client/src/commands') as typeof import('../../client/src/commands');
    const { registerViews } = require('../../client/src/views') as typeof import('../../client/src/views');
    const requests: unknown[] = [];
    const client = { sendRequest: async (type: unknown) => { requests.push(type); return { files: 1, errors: 0, warnings: 0 }; } };
    registerCommands(client as never);
    registerViews({ subscriptions: [] } as never, { locale: () => 'en', serviceGuide: async () => '<p></p>', sharingMap: async () => '<p></p>', sharingGraph: async () => undefined });
    const manifest = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    assert.deepEqual([...commands.keys()].sort(), manifest.contributes.commands.map((c) => c.command).sort(), 'the client registers exactly the contributed commands');
    const before = calls.length;
    for (const handler of commands.values()) await handler();
    const made = calls.slice(before);
    assert.deepEqual(writes(made), [], JSON.stringify(writes(made)));
    // New documents are untitled: language and content, never a path.
    for (const c of made.filter((m) => m.path === 'workspace.openTextDocument')) {
      assert.deepEqual(Object.keys(c.args[0] as object).sort(), ['content', 'language']);
    }
    // The rule-doc command opens only the rule's documentation: its README inside the package, offline.
    if (made.some((m) => m.path === 'env.openExternal' || (m.path === 'commands.executeCommand' && m.args[0] === 'vscode.open'))) {
      assert.ok(made.some((m) => m.path === 'Uri.parse' && /^file:.*\/rules\/service\/fee-basis\/README\.md$/.test(String(m.args[0]))), JSON.stringify(made.filter((m) => m.path === 'Uri.parse')));
    }
    assert.ok(made.some((m) => m.path === 'window.createWebviewPanel'), 'the views ran');
    assert.equal(requests.length, 1, 'the lint command asked the server (read-only)');
  });

  it('webviews cannot run commands or load workspace files', () => {
    const { PANEL_OPTIONS } = require('../../client/src/views/webview') as typeof import('../../client/src/views/webview');
    assert.equal((PANEL_OPTIONS as { enableCommandUris?: unknown }).enableCommandUris, undefined);
    assert.deepEqual(PANEL_OPTIONS.localResourceRoots, []);
  });

  it('neither the client nor the language server applies a workspace edit or writes a file on its own', () => {
    const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []);
    for (const file of [...sources(join(REPO, 'client/src')), ...sources(join(REPO, 'server/src/lsp'))]) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /applyEdit|ApplyWorkspaceEdit|writeFile|child_process|workspace\.fs\b/, file);
    }
  });
});
