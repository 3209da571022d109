#!/usr/bin/env bash
# What the unit suite needs beyond node_modules, installed once and then checked in well under a second (npm's
# pretest runs it): Debian's chromium and a CJK font for the rendering tests, and playwright-core (the version
# test/e2e/tools/package.json pins) in .cache/e2e/, where test/e2e/install.sh puts it too. It never touches the
# project's own node_modules. Not root and something missing: one line saying what to run, exit 1.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${GOVSPEC_E2E_CACHE:-$root/.cache/e2e}
chromium=${CHROMIUM:-/usr/bin/chromium}
say() { printf 'install-test-tools: %s\n' "$*" >&2; }

# ---- Debian: chromium, fonts-noto-cjk (without it Chinese renders as boxes in the screenshots) -------------------
missing=()
[ -x "$chromium" ] || missing+=(chromium)
if command -v dpkg-query >/dev/null && ! dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed'; then
  missing+=(fonts-noto-cjk)
fi
if ((${#missing[@]})); then
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "the rendering tests need ${missing[*]}: run \`sudo apt-get install ${missing[*]}\` (or \`sudo bash test/e2e/install.sh\`), or set CHROMIUM"
    exit 1
  fi
  say "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---- npm: playwright-core into the e2e cache ---------------------------------------------------------------------
if [ ! -f "$cache/node_modules/playwright-core/package.json" ]; then
  version=$(node -p "require('$root/test/e2e/tools/package.json').dependencies['playwright-core']")
  say "npm install playwright-core@$version into $cache"
  mkdir -p "$cache"
  # --no-save: the cache's package.json belongs to test/e2e/install.sh, which installs the rest of the e2e tools.
  npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=warn "playwright-core@$version" >&2
fi
