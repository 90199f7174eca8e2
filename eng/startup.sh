#!/usr/bin/env bash
# Start-up benchmark (issue 5): process start to the first 200 from /api/health, standalone on Azurite, for the
# Native AOT build (artifacts/publish/app, from eng/publish.sh) and a normal JIT build of the same code, in the same
# run, alternating. Prints a table of medians and the ratio. `bash eng/startup.sh --runs 31` for more runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install.sh
source eng/azurite.sh
start_azurite memory
trap stop_azurite EXIT

[ -x artifacts/publish/app/SlaFunctions ] || bash eng/publish.sh
dotnet publish functions/SlaFunctions.csproj -c Release -r linux-x64 --self-contained false -p:PublishAot=false \
  --nologo -v q -o artifacts/startup/jit >/dev/null
dotnet build tests/SlaFunctions.Startup -c Release --nologo -v q >/dev/null
suffix=$(date +%s)
export Storage__CasesTable="startcases$suffix" Storage__DueTable="startdue$suffix"
dotnet tests/SlaFunctions.Startup/bin/Release/net10.0/SlaFunctions.Startup.dll --runs 15 "$@" \
  aot=artifacts/publish/app/SlaFunctions jit=artifacts/startup/jit/SlaFunctions
