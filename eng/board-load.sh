#!/usr/bin/env bash
# The board's load figures (issue 6): seeds open cases (default 10000) straight into fresh Azurite tables through the
# app's CaseStore, starts the standalone app on them, then measures GET /api/board's latency and the board's first
# render in headless Chromium. Usage: bash eng/board-load.sh [count]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
bash eng/install.sh
source eng/azurite.sh
start_azurite memory
app_pid=""
tables=()
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null
  [ ${#tables[@]} -gt 0 ] && node tests/board/drop-tables.mjs "${tables[@]}"
  stop_azurite
}
trap cleanup EXIT

dotnet build -c Release --nologo -v q functions >/dev/null
dotnet build -c Release --nologo -v q tests/SlaFunctions.BoardLoad >/dev/null
suffix=$(date +%s)
export Storage__CasesTable="boardload$suffix" Storage__DueTable="boardloaddue$suffix"
tables=("$Storage__CasesTable" "$Storage__DueTable")
dotnet tests/SlaFunctions.BoardLoad/bin/Release/net10.0/SlaFunctions.BoardLoad.dll "$Storage__CasesTable" "$Storage__DueTable" "$count" "$PWD/policies"
export Api__Keys__0="board-load-$(head -c 9 /dev/urandom | base64 | tr '+/' '-_')"
export Logging__LogLevel__Default=Warning
mkdir -p .azurite
# From functions/, the content root whose wwwroot/ holds the board's pages.
(cd functions && exec dotnet bin/Release/net10.0/SlaFunctions.dll --urls http://127.0.0.1:7191) >.azurite/board-load-app.log 2>&1 &
app_pid=$!
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:7191/api/health >/dev/null && break; sleep 0.2; done
node tests/board/measure.mjs http://127.0.0.1:7191 "$Api__Keys__0"
