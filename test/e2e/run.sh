#!/usr/bin/env bash
# All end-to-end runners in sequence, each ending with `N passed, N failed`, then one total line.
#   bash test/e2e/run.sh          probe mode: proves the infrastructure with a throwaway probe extension
#                                 and yaml-language-server (the product's extension/server are not needed)
#   bash test/e2e/run.sh product  the real suite on a fresh copy of examples/: builds test/e2e/vscode-suite/*.e2e.ts
#                                 and the .vsix (npm run package); runs the suite in code-server's extension host,
#                                 the UI session with the .vsix installed, Neovim against dist/server.js --stdio,
#                                 and the desktop VS Code launcher (skipped without VSCODE_EXECUTABLE)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=${1:-probe}
cd "$root"
bash "$here/install.sh" || { echo "0 passed, 1 failed"; exit 1; }
tsx=(node --import tsx)
total_pass=0 total_fail=0
run() { # run LABEL CMD...: echo output, add the runner's last `N passed, N failed` line to the totals
  local label=$1; shift
  local t0 out rc line
  t0=$(date +%s)
  out=$(mktemp)
  "$@" 2>&1 | tee "$out"; rc=${PIPESTATUS[0]}
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -1)
  rm -f "$out"
  if [ -n "$line" ]; then
    total_pass=$((total_pass + $(echo "$line" | cut -d' ' -f1)))
    total_fail=$((total_fail + $(echo "$line" | cut -d' ' -f3)))
  fi
  [ "$rc" = 0 ] || { [ -n "$line" ] && [ "$(echo "$line" | cut -d' ' -f3)" != 0 ]; } || total_fail=$((total_fail + 1))
  echo "[e2e] $label: exit $rc in $(( $(date +%s) - t0 ))s"
}
case $mode in
  probe)
    run "code-server probe (extension host + UI)" "${tsx[@]}" "$here/probe/run-proof.ts"
    run "neovim vs yaml-language-server" bash "$here/neovim/run.sh"
    ;;
  product)
    # Build the suite and the .vsix (npm run package runs the project build first: dist/server.js, dist/client.js).
    t0=$(date +%s)
    node "$here/build.mjs" || { echo "0 passed, 1 failed"; exit 1; }
    vsix_dir=$(mktemp -d "${TMPDIR:-/tmp}/govspec-vsix.XXXXXX")
    scratch=("$vsix_dir")
    trap 'rm -rf "${scratch[@]}"' EXIT
    # Each runner gets a fresh copy of examples/ + .vscode/settings.json (govspec.today): the suite edits files.
    fresh_ws() { local ws; ws=$("${tsx[@]}" "$here/workspace.ts") || return 1; scratch+=("$(dirname "$ws")"); FRESH_WS=$ws; }
    vsix=$vsix_dir/govspec.vsix
    npm run --silent package -- --out "$vsix" >"$vsix_dir/package.log" 2>&1 \
      || { tail -30 "$vsix_dir/package.log"; echo "[e2e] npm run package failed"; echo "0 passed, 1 failed"; exit 1; }
    echo "[e2e] built the suite and $(basename "$vsix") in $(( $(date +%s) - t0 ))s"
    fresh_ws || { echo "0 passed, 1 failed"; exit 1; }
    run "code-server extension-host suite" "${tsx[@]}" "$here/code-server/cli.ts" --extension "$root" \
      --tests "$root/out/e2e/suite/index.js" --workspace "${GOVSPEC_E2E_WORKSPACE:-$FRESH_WS}"
    run "code-server UI session (.vsix in Chromium)" "${tsx[@]}" "$here/ui/govspec-ui.ts" --vsix "$vsix"
    run "neovim vs GovSpec server (--stdio)" bash "$here/neovim/run-govspec.sh"
    ;;
  *) echo "usage: run.sh [probe|product]"; exit 2 ;;
esac
if [ "$mode" = product ]; then # prints one line (skipped) unless VSCODE_EXECUTABLE is set
  fresh_ws || { echo "0 passed, 1 failed"; exit 1; }
  run "desktop VS Code extension-host suite (@vscode/test-electron)" "${tsx[@]}" "$here/electron/run.ts" --extension "$root" \
    --tests "$root/out/e2e/suite/index.js" --workspace "${GOVSPEC_E2E_WORKSPACE:-$FRESH_WS}"
else
  "${tsx[@]}" "$here/electron/run.ts"
fi
leftover=$(pgrep -f "${GOVSPEC_E2E_CACHE:-$root/.cache/e2e}/node_modules/.*code-server" || true)
[ -z "$leftover" ] || { echo "[e2e] leftover code-server processes: $leftover"; total_fail=$((total_fail + 1)); }
echo "${total_pass} passed, ${total_fail} failed"
[ "$total_fail" = 0 ] && [ "$total_pass" -gt 0 ]
