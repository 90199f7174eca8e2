#!/usr/bin/env bash
# Installs what the run, test and publish commands need beyond the .NET SDK and Node.js: the pinned npm dev tools
# (Azurite, the schema checker, playwright-core), and from Debian's packages Chromium for the board's browser test
# and clang, zlib1g-dev and zip for the Native AOT publish. Quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
missing=()
command -v clang >/dev/null || missing+=(clang)
[ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
command -v zip >/dev/null || missing+=(zip)
# The browser test drives Debian's Chromium (playwright-core never downloads a browser here).
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  missing+=(chromium)
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "install: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
