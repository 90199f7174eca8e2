#!/usr/bin/env bash
# Installs what the run, test and publish commands need beyond the .NET SDK and Node.js: the pinned npm dev tools
# (Azurite, the schema checker, playwright-core), and from Debian's packages Chromium for the board's browser test
# and clang, zlib1g-dev and zip for the Native AOT publish. Quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
# Installed again only when the lock file's content changed (a hash kept beside the tools): a fresh checkout or a git
# worktree gives package-lock.json a new timestamp, and npm ci empties node_modules/ while it runs, under any
# Azurite or test that is using it.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -x node_modules/.bin/azurite ] || [ "$(cat node_modules/.installed-lock 2>/dev/null)" != "$lock_hash" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > node_modules/.installed-lock
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
