#!/usr/bin/env bash
# What-if benchmark (issue 20): 10k LumenVox cases of October seeded in fresh tables on Azurite, then replayed under a
# draft policy by the what-if (every case read from storage, judged under both policies, notices and compliance
# compared), three times. Prints the seeding time and each replay's time and the median (README's "Speed"). Uses the
# Azurite that already answers on 127.0.0.1:10002, or starts one in memory. Extra arguments go to the tool, e.g.
# `--cases 20000`, `--runs 5`, `--storage <connection string>`.
set -euo pipefail
cd "$(dirname "$0")/.."
source eng/azurite.sh
start_azurite memory
trap stop_azurite EXIT

dotnet build -c Release --nologo -v q tests/SlaFunctions.SweepBench >/dev/null
dotnet tests/SlaFunctions.SweepBench/bin/Release/net10.0/SlaFunctions.SweepBench.dll what-if --policies policies "$@"
