#!/usr/bin/env bash
# Renders the extension's icon, client/images/icon.png (256×256, transparent corners), from client/images/icon.svg
# with Debian's headless Chromium. Run it after editing the SVG and commit both.
set -euo pipefail
images=$(cd "$(dirname "$0")/../client/images" && pwd)
page=$(mktemp --suffix=.html)
trap 'rm -f "$page"' EXIT
printf '<!doctype html><body style="margin:0"><img src="file://%s/icon.svg" width="256" height="256" style="display:block">' "$images" > "$page"
"${CHROMIUM:-chromium}" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
  --window-size=256,256 --screenshot="$images/icon.png" "file://$page" 2>/dev/null
