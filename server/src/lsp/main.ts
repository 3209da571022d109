/**
 * Entry of the language server. `createConnection` picks the transport from the command line: `--stdio` for
 * Neovim, Emacs, Helix and others; `--node-ipc` when the VS Code extension starts it.
 */
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter, createConnection } from 'vscode-languageserver/node';
import { availableParallelism } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { GovSpecServer } from './server';
import { indexThreads, runIndexWorker } from './index-worker';
import { isLintWorkerThread } from './lint-worker';

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

/**
 * Closed files are indexed on threads running this same bundle, one per core up to four (each holds a batch of
 * files while it reads them); a workspace of fewer than 200 closed files is indexed sooner without starting any.
 */
const INDEX_THREADS = indexThreads(__filename, Math.min(4, availableParallelism()), 200);

// The same bundle runs on worker threads: the lint worker of big documents (lint-worker.ts starts itself there) and
// the indexing threads.
if (!isMainThread) {
  if (!isLintWorkerThread()) runIndexWorker();
} else {
  const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  new GovSpecServer(connection, () => { shutdown = true; }, INDEX_THREADS).listen();
}
