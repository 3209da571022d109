#!/usr/bin/env bash
# All end-to-end runners in sequence, each ending with `N passed, N failed`, then one total line.
#   bash test/e2e/run.sh          probe mode: proves the infrastructure with a throwaway probe extension
#                                 and yaml-language-server (the product's extension/server are not needed)
#   bash test/e2e/run.sh product  the real suite: GovSpec's extension (built), test/e2e/vscode-suite/*.e2e.ts,
#                                 and Neovim against GOVSPEC_LSP_CMD with GOVSPEC_LSP_CASES
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
    node "$here/build.mjs" || { echo "0 passed, 1 failed"; exit 1; }
    run "code-server extension-host suite" "${tsx[@]}" "$here/code-server/cli.ts" --extension "$root" \
      --tests "$root/out/e2e/suite/index.js" --workspace "${GOVSPEC_E2E_WORKSPACE:-$root/test/e2e/workspace}"
    run "neovim vs GovSpec server" bash "$here/neovim/run.sh"
    ;;
  *) echo "usage: run.sh [probe|product]"; exit 2 ;;
esac
"${tsx[@]}" "$here/electron/run.ts" # prints one line (skipped) unless VSCODE_EXECUTABLE is set
leftover=$(pgrep -f "${GOVSPEC_E2E_CACHE:-$root/.cache/e2e}/node_modules/.*code-server" || true)
[ -z "$leftover" ] || { echo "[e2e] leftover code-server processes: $leftover"; total_fail=$((total_fail + 1)); }
echo "${total_pass} passed, ${total_fail} failed"
[ "$total_fail" = 0 ] && [ "$total_pass" -gt 0 ]
