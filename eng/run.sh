#!/usr/bin/env bash
# The README's first command: Azurite plus the app on http://127.0.0.1:7071 with the sample policies in policies/.
# Extra arguments go to the app, e.g. `bash eng/run.sh --urls http://127.0.0.1:8080`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install.sh
source eng/azurite.sh
start_azurite
trap stop_azurite EXIT
# The read API needs a key; locally a fresh random one each run (printed), unless SLA_API_KEY gives one.
export Api__Keys__0="${SLA_API_KEY:-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')}"
echo "read API key (send as x-api-key): $Api__Keys__0"
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--urls http://127.0.0.1:7071)
dotnet run --project functions -- "${args[@]}"
