#!/usr/bin/env bash
# Webhook ingestion load test (issue 3): Azurite's raw single-entity upsert rate, then 10k signed Zendesk webhooks
# over 1k cases against the standalone app on loopback, in the same run. Prints webhooks/s, p50/p99 and the ratio.
# Each is measured after a warm-up that is not counted. Extra arguments go to the load tool, e.g.
# `bash eng/load.sh --concurrency 16` (the default is 4: on the 2-core machine that already gives the most webhooks/s,
# and more in flight only queue longer in front of Azurite's single thread).
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install.sh
source eng/azurite.sh
start_azurite memory
app_pid=""
cleanup() { [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null; stop_azurite; }
trap cleanup EXIT

dotnet build -c Release --nologo -v q functions >/dev/null
dotnet build -c Release --nologo -v q tests/SlaFunctions.Load >/dev/null
suffix=$(date +%s)
export Storage__CasesTable="loadcases$suffix" Storage__DueTable="loaddue$suffix"
export Webhooks__Connections__loadtest__Source=zendesk
export Webhooks__Connections__loadtest__Secrets__0=load-test-secret-0123456789
export Webhooks__Connections__loadtest__Policy=lumenvox
export Logging__LogLevel__Default=Warning
# Ingestion alone is measured: the standalone sweep (issue 4, measured by eng/sweep-bench.sh) stays off.
export Sweep__RunStandalone=false
mkdir -p .azurite  # also when an Azurite already running was reused, which made no folder
dotnet functions/bin/Release/net10.0/SlaFunctions.dll --urls http://127.0.0.1:7190 >.azurite/load-app.log 2>&1 &
app_pid=$!
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:7190/api/health >/dev/null && break; sleep 0.2; done
dotnet tests/SlaFunctions.Load/bin/Release/net10.0/SlaFunctions.Load.dll --url http://127.0.0.1:7190 "$@"
