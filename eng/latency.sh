#!/usr/bin/env bash
# Notice latency (issue 18): from an escalation point coming due to its email, with the app's default settings.
# Starts Azurite in memory unless one runs, builds the published Native AOT app if artifacts/publish/app is missing
# (bash eng/publish.sh), then runs the latency tool (tests/SlaFunctions.Latency), which starts the app standalone on
# fresh tables and a fresh queue behind relays that count its storage calls: 60 s at rest, then 200 cases whose
# warnings fall at known instants over 3 minutes; prints p50/p99/max of point due -> .eml in the pickup folder, the
# storage calls at rest and per case, and fails if a notice is missing, early, or sent twice. Options (all optional):
#   --instances N    N copies of the app on the same tables and queue (default 1)
#   --schedule CRON  Sweep:Schedule for the run instead of the default, to compare (e.g. '0 * * * * *')
#   --cases N, --spread S, --lead S, --timeout S, --rest S   (seconds)
#   --app PATH       another build of the executable (e.g. a copy of an older publish, to compare)
# Logs and emails stay in .azurite/latency-<run>/. About 6 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
app=(--app artifacts/publish/app/SlaFunctions)
if [[ " $* " == *" --app "* ]]; then
  app=()
elif [ ! -x artifacts/publish/app/SlaFunctions ]; then
  bash eng/publish.sh
fi
source eng/azurite.sh
start_azurite memory
trap stop_azurite EXIT
dotnet build -c Release --nologo -v q tests/SlaFunctions.Latency >/dev/null
dotnet tests/SlaFunctions.Latency/bin/Release/net10.0/SlaFunctions.Latency.dll "${app[@]}" "$@"
