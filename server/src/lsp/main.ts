/**
 * Entry of the language server. `createConnection` picks the transport from the command line: `--stdio` for
 * Neovim, Emacs, Helix and others; `--node-ipc` when the VS Code extension starts it.
 */
import { isMainThread } from 'node:worker_threads';
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection } from 'vscode-languageserver/node';
import { GovSpecServer } from './server';

/**
 * Over stdio the server reads the framing itself, to notice when it breaks: after a bad `Content-Length` (not a
 * number, missing, or not matching its body) nothing tells where the next message starts, and the library would
 * stay alive answering nothing. The server then exits with one line on stderr (code 1, as for an exit without
 * shutdown), and the client, which sees the process end, can start it again.
 */
function stdioConnection() {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => {
    process.stderr.write(`govspec language server: the client's messages cannot be read (${error.message.split('\n')[0]}); exiting\n`);
    process.exit(1);
  });
  // The library ends the process when its own input stream ends; with a reader of ours that is done here.
  process.stdin.on('end', () => process.exit(shutdown ? 0 : 1));
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}

let shutdown = false;
// The same bundle runs the lint worker (lint-worker.ts starts itself there).
if (isMainThread) {
  const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  new GovSpecServer(connection, () => { shutdown = true; }).listen();
}
