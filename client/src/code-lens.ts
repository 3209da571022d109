import type * as vscode from 'vscode';
import type { LanguageClient, Location, Middleware, Position } from 'vscode-languageclient/node';
import { SHOW_REFERENCES_COMMAND } from '../../server/src/lsp/protocol';

/**
 * A GovSpec lens runs VS Code's `editor.action.showReferences`, which wants VS Code's Uri, Position and Location
 * where the server sends their LSP forms: the middleware converts them as a lens arrives, resolved or not.
 */
export function codeLensMiddleware(client: () => LanguageClient | undefined): Middleware {
  const converted = (lens: vscode.CodeLens | null | undefined): vscode.CodeLens | null | undefined => {
    const converter = client()?.protocol2CodeConverter;
    const command = lens?.command;
    if (!converter || command?.command !== SHOW_REFERENCES_COMMAND || !Array.isArray(command.arguments)) return lens;
    const [uri, position, locations] = command.arguments as [string, Position, Location[]];
    command.arguments = [converter.asUri(uri), converter.asPosition(position), (locations ?? []).map((l) => converter.asLocation(l))];
    return lens;
  };
  return {
    provideCodeLenses: async (document, token, next) => (await next(document, token))?.map((lens) => converted(lens) ?? lens),
    resolveCodeLens: async (lens, token, next) => converted(await next(lens, token)),
  };
}
