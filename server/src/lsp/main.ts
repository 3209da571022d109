/**
 * Entry of the language server. `createConnection` picks the transport from the command line: `--stdio` for
 * Neovim, Emacs, Helix and others; `--node-ipc` when the VS Code extension starts it.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { GovSpecServer } from './server';

new GovSpecServer(createConnection(ProposedFeatures.all)).listen();
