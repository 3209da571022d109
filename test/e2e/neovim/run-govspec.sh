#!/usr/bin/env bash
# Neovim against GovSpec's own server over --stdio, on a fresh copy of examples/ (removed afterwards):
# diagnostics with ids and positions, completion, hover and go to definition across files (cases/govspec.json).
#   bash test/e2e/neovim/run-govspec.sh          (needs dist/server.js: npm run build)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
[ -f "$root/dist/server.js" ] || { echo "dist/server.js missing: npm run build"; echo "0 passed, 1 failed"; exit 1; }
ws=$(cd "$root" && node --import tsx test/e2e/workspace.ts)
trap 'rm -rf "$(dirname "$ws")"' EXIT
export GOVSPEC_LSP_CMD="node $root/dist/server.js --stdio"
export GOVSPEC_LSP_CASES=$here/cases/govspec.json
export GOVSPEC_LSP_WORKSPACE=$ws
bash "$here/run.sh"
