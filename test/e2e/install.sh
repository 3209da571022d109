#!/usr/bin/env bash
# Idempotent, cached install of the end-to-end test tools (offline-safe: npm registry + Debian apt only).
#   Debian: chromium, neovim, curl, and build deps for code-server's native modules.
#   npm (into .cache/e2e/node_modules, never into the project): code-server, playwright-core, yaml-language-server.
# A second run is a fast no-op: it checks the Debian packages with dpkg-query and a stamp file for npm.
# Usage: bash test/e2e/install.sh [--force]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=${GOVSPEC_E2E_CACHE:-$root/.cache/e2e}
force=${1:-}
t0=$(date +%s)
log() { printf '[e2e-install] %s\n' "$*"; }

# ---- Debian packages -------------------------------------------------------------------------------
# fonts-noto-cjk: without a CJK font Chromium draws the Chinese of the documents and messages as boxes in screenshots.
apt_pkgs=(chromium neovim curl zip build-essential python3 pkg-config libkrb5-dev ripgrep fonts-noto-cjk)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---- npm tools --------------------------------------------------------------------------------------
# Stamp = hash of the tool manifest + this script: change either and the npm part reinstalls.
stamp_want=$(cat "$here/tools/package.json" "$0" | sha256sum | cut -c1-16)
stamp_file=$cache/.installed
if [ "$force" != --force ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp_want" ] \
   && [ -x "$cache/node_modules/.bin/code-server" ] && [ -f "$cache/node_modules/code-server/.postinstall-done" ]; then
  log "up to date ($cache) in $(( $(date +%s) - t0 ))s"
  exit 0
fi

mkdir -p "$cache"
cp "$here/tools/package.json" "$cache/package.json"
cd "$cache"

# Fix 3: @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache holds the tarball;
# seed it with Debian's ripgrep. Its version comes from code-server's shrinkwrap (read after a first
# pass if present, else the one code-server 4.100.3 pins).
export TMPDIR=$cache/tmp
mkdir -p "$TMPDIR"
seed_ripgrep() {
  local v=$1 dir
  dir=$TMPDIR/vscode-ripgrep-cache-$v
  mkdir -p "$dir"
  for asset in ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz ripgrep-v13.0.0-13-x86_64-unknown-linux-musl.tar.gz; do
    [ -f "$dir/$asset" ] || tar czf "$dir/$asset" -C /usr/bin rg
  done
}
seed_ripgrep 1.15.11
seed_ripgrep 1.15.9

# Fix 1: code-server's postinstall.sh refuses to run as root unless npm_config_unsafe_perm=true
#        (npm itself warns that it does not know the key; the script reads it from the environment).
# Fix 4: node-pty's postinstall runs `npx node-gyp`, which aborts without a TTY unless npm_config_yes.
# Fix 5 (npm 11 install-script approval, see `npm help install-scripts`): the approvals are the manifest's
#        allowScripts (tools/package.json); --strict-allow-scripts makes any unreviewed script an error
#        instead of a notice, so a new dependency with a script cannot slip by. code-server's own postinstall
#        runs a nested `npm install` in lib/vscode and lib/vscode/extensions, whose package.json we do not own,
#        so it is denied here and run by us below, after giving those folders an .npmrc with the same approvals
#        (--allow-scripts on the command line or in the environment is refused by npm in project installs).
export npm_config_unsafe_perm=true npm_config_yes=true
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
log "npm install in $cache"
if ! npm install --strict-allow-scripts --no-audit --no-fund --loglevel=warn 2>&1 | tee "$cache/npm-install.log" \
     | { grep -vE '^npm warn deprecated' || true; }; then
  log "npm install failed (see $cache/npm-install.log)"; exit 1
fi

# code-server's own postinstall: installs VS Code's dependencies and builds its native modules.
cs_dir=$cache/node_modules/code-server
cs_done=$cs_dir/.postinstall-done
if [ ! -f "$cs_done" ] || [ "$force" = --force ]; then
  log "code-server postinstall (builds VS Code's native modules)"
  allow=$(node -e 'const a=require(process.argv[1]).allowScripts;console.log(Object.keys(a).filter(k=>a[k]).join(","))' "$here/tools/package.json")
  for d in "$cs_dir/lib/vscode" "$cs_dir/lib/vscode/extensions"; do
    printf 'allow-scripts=%s\nstrict-allow-scripts=true\n' "$allow" > "$d/.npmrc"
  done
  ( cd "$cs_dir" && npm_config_user_agent="npm/$(npm -v) node/$(node -v) linux x64" sh ./postinstall.sh ) \
    > "$cache/code-server-postinstall.log" 2>&1 \
    || { tail -30 "$cache/code-server-postinstall.log"; log "code-server postinstall failed (full log: $cache/code-server-postinstall.log)"; exit 1; }
  touch "$cs_done"
fi

# Verify what the fixes were for: native modules built, ripgrep in place, code-server starts.
node "$here/tools/verify-install.js" "$cache"
echo "$stamp_want" > "$stamp_file"
log "installed in $(( $(date +%s) - t0 ))s"
