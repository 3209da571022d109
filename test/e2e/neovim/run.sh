#!/usr/bin/env bash
# Neovim (Debian 0.7, headless, -u NONE) as an LSP client against a stdio language server.
# Defaults prove the driver against yaml-language-server from .cache/e2e; point it at GovSpec's server with
#   GOVSPEC_LSP_CMD="node $PWD/dist/server.js --stdio" GOVSPEC_LSP_CASES=path/to/cases.json bash test/e2e/neovim/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cache=${GOVSPEC_E2E_CACHE:-$root/.cache/e2e}
command -v nvim >/dev/null || { echo "nvim missing: run bash test/e2e/install.sh"; echo "0 passed, 1 failed"; exit 1; }
export GOVSPEC_LSP_CMD=${GOVSPEC_LSP_CMD:-$cache/node_modules/.bin/yaml-language-server --stdio}
export GOVSPEC_LSP_CASES=${GOVSPEC_LSP_CASES:-$here/cases/yaml-language-server.json}
t0=$(date +%s%N)
# -i NONE -n: no shada, no swap files; XDG dirs under a temp dir so nothing lands in $HOME.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
XDG_STATE_HOME=$tmp XDG_CACHE_HOME=$tmp XDG_DATA_HOME=$tmp XDG_CONFIG_HOME=$tmp \
  timeout "${GOVSPEC_NVIM_TIMEOUT:-120}" nvim --headless -u NONE -i NONE -n -c "luafile $here/lsp-driver.lua" </dev/null || rc=$?
[ "$rc" = 124 ] && echo "timed out" && echo "0 passed, 1 failed"
echo "neovim LSP run: $(( ($(date +%s%N) - t0) / 1000000 )) ms, exit $rc"
exit $rc
