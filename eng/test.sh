#!/usr/bin/env bash
# The README's second command: every test. Installs the npm tools, starts Azurite, checks the policy files against
# the schema and the Bicep files, publishes the Functions app (eng/publish.sh), then runs every .NET test project,
# and ends with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install.sh
source eng/azurite.sh
start_azurite memory
trap stop_azurite EXIT

log=$(mktemp)
status=0
node --test --test-reporter=spec tests/policy-schema/ 2>&1 | tee "$log" || status=1
bash eng/bicep/check.sh || status=1
# The Native AOT publish (trim/AOT warnings are errors) before the tests, which check its layout and run its binary.
publish_start=$(date +%s)
bash eng/publish.sh || status=1
echo "publish: $(( $(date +%s) - publish_start )) s"
dotnet test SlaFunctions.sln -c Release --nologo 2>&1 | tee -a "$log" || status=1
# The board in headless Chromium against the standalone app (built by the line above) on fresh Azurite tables.
node --test --test-reporter=spec tests/board/ 2>&1 | tee -a "$log" || status=1

# node prints "ℹ pass N" / "ℹ fail N"; dotnet test prints "Passed!  - Failed: N, Passed: N, ..." per project.
passed=$(awk '/^ℹ pass /{s+=$3} /(Passed|Failed)! +- Failed: /{gsub(",","");for(i=1;i<=NF;i++) if($i=="Passed:") s+=$(i+1)} END{print s+0}' "$log")
failed=$(awk '/^ℹ fail /{s+=$3} /(Passed|Failed)! +- Failed: /{gsub(",","");for(i=1;i<=NF;i++) if($i=="Failed:") s+=$(i+1)} END{print s+0}' "$log")
rm -f "$log"
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
