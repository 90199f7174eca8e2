#!/usr/bin/env bash
# Sweep benchmark (issue 4): set A, 100k open cases of which 1k are due, and set B, 1k open cases all due, seeded with
# the rows the app's ingestion writes into fresh tables on Azurite, then swept at the same fake now, three times each,
# in the same run. Prints seeding time, each sweep's time and notices, and the ratio A/B of the median sweep times;
# exits non-zero when the ratio is over 1.5 or a sweep does not queue one notice per due case. Slow (on Azurite, about
# 6 minutes at 100k, most of it seeding: see README's "Speed"), so eng/test.sh does not run it. Extra arguments go to
# the tool, e.g. `--open 10000`, `--runs 5`, `--storage <connection string>`; `--clean true` drops leftovers.
# `--workers 1,2,4` (issue 18) sweeps each set fanned out to that many in-process slice workers, each count in turn;
# `--workers 0` (the default) is the timer judging alone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install.sh
source eng/azurite.sh
start_azurite memory
trap stop_azurite EXIT

dotnet build -c Release --nologo -v q tests/SlaFunctions.SweepBench >/dev/null
dotnet tests/SlaFunctions.SweepBench/bin/Release/net10.0/SlaFunctions.SweepBench.dll --policies policies "$@"
