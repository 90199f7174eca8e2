#!/usr/bin/env bash
# Installs what the run and test commands need beyond the .NET SDK and Node.js: the pinned npm dev tools
# (Azurite, the schema checker). Quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
