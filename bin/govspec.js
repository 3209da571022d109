#!/usr/bin/env node
'use strict';
const { join } = require('node:path');

// The CLI is one bundle built by `npm run build` (or `prepare` on install). Without it the run fails as a run:
// exit 2 with one line (cli.md), never Node's stack and exit 1, which CI would read as "findings".
const bundle = join(__dirname, '..', 'dist', 'cli.js');
let found = true;
try {
  require.resolve(bundle);
} catch {
  found = false;
}
if (found) require(bundle);
else {
  process.stderr.write(`govspec: the CLI is not built: ${bundle} is missing (run npm run build, or reinstall the package)\n`);
  process.exitCode = 2;
}
