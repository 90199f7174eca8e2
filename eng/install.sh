#!/usr/bin/env bash
# Installs what the run and test commands need beyond the .NET SDK and Node.js: the pinned npm dev tools
# (Azurite, the schema checker, playwright-core) and Debian's Chromium for the board's browser test. Quick when
# nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# The browser test drives Debian's Chromium (playwright-core never downloads a browser here).
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  apt-get install -y --no-install-recommends chromium >/dev/null || { apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium >/dev/null; }
fi
