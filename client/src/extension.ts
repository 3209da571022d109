/**
 * The VS Code extension: starts the language server (dist/server.js over node IPC), registers the commands and the
 * status bar. No language logic lives here; everything a user sees about a document comes from the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { ServiceGuideRequest, SharingGraphRequest, SharingMapRequest, StatusNotification } from '../../server/src/lsp/protocol';
import type { InitializationOptions } from '../../server/src/lsp/protocol';
import { editorLocale } from './locale';
import { StatusItem } from './status';
import { registerCommands } from './commands';
import { registerViews } from './views';
import { codeLensMiddleware } from './code-lens';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Language `yaml`, not a language of our own, so that Red Hat YAML and every other YAML tool keep working; the
    // server answers only for GovSpec documents and reports only its own rule ids, so nothing is reported twice.
    documentSelector: [{ language: 'yaml', scheme: 'file' }, { language: 'yaml', scheme: 'untitled' }],
    diagnosticCollectionName: 'govspec',
    // The server's findings depend on other files: pull a document's when it changes or is saved, and the workspace's.
    diagnosticPullOptions: { onChange: true, onSave: true },
    initializationOptions: { opensRuleDocs: true } satisfies InitializationOptions,
    middleware: codeLensMiddleware(() => client),
  };
  client = new LanguageClient('govspec', 'GovSpec', serverOptions, clientOptions);
  const status = new StatusItem();
  context.subscriptions.push(status, ...registerCommands(client));
  context.subscriptions.push(client.onNotification(StatusNotification.type, (s) => status.update(s)));
  const running = client;
  registerViews(context, {
    locale: editorLocale,
    serviceGuide: async (uri, line, page) => (await running.sendRequest(ServiceGuideRequest.type, { uri, line, ...page })) ?? undefined,
    sharingMap: async (page) => (await running.sendRequest(SharingMapRequest.type, page)) ?? undefined,
    sharingGraph: async (locale) => (await running.sendRequest(SharingGraphRequest.type, { locale })) ?? undefined,
  });
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
