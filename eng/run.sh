#!/usr/bin/env bash
# The README's first command: Azurite plus the app on http://127.0.0.1:7071 with the sample policies in policies/.
# Extra arguments go to the app, e.g. `bash eng/run.sh --urls http://127.0.0.1:8080`. `--demo` (not passed on) adds
# one connection per ticket tool and posts signed sample cases across the seed policies (eng/demo.mjs). Once the app
# answers, the board's address, the API key and the email pickup folder are printed together, last.
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install.sh
source eng/azurite.sh
start_azurite
helper=
trap '[ -z "$helper" ] || kill "$helper" 2>/dev/null || true; stop_azurite' EXIT
# The read API needs a key; locally a fresh random one each run, unless SLA_API_KEY gives one.
export Api__Keys__0="${SLA_API_KEY:-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')}"
demo=false
args=()
for arg in "$@"; do
  if [ "$arg" = --demo ]; then demo=true; else args+=("$arg"); fi
done
[ ${#args[@]} -gt 0 ] || args=(--urls http://127.0.0.1:7071)
url=http://127.0.0.1:7071
for ((i = 0; i < ${#args[@]} - 1; i++)); do
  [ "${args[$i]}" != --urls ] || url="${args[$((i + 1))]%%;*}"
done
url="${url/0.0.0.0/127.0.0.1}"
url="${url/\*/127.0.0.1}"
# Connection names with "-" cannot be exported in bash: the demo's settings go to the app through env.
settings=()
if $demo; then
  export DEMO_SECRET="whsec_$(head -c 24 /dev/urandom | base64)"
  # One connection per ticket tool (point a tool at /api/webhooks/demo-<tool>) ...
  tool_secret="$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')"
  for tool in zendesk jira servicenow freshdesk github; do
    settings+=("Webhooks__Connections__demo-${tool}__Source=$tool" "Webhooks__Connections__demo-${tool}__Secrets__0=$tool_secret"
      "Webhooks__Connections__demo-${tool}__Policy=lumenvox")
  done
  # ... and a CloudEvents one per seed policy, which the sample cases come in by.
  for policy in liveops lumedx lumenvox phonism xecuritas; do
    settings+=("Webhooks__Connections__demo-${policy}__Source=cloudevents" "Webhooks__Connections__demo-${policy}__Secrets__0=$DEMO_SECRET"
      "Webhooks__Connections__demo-${policy}__Policy=$policy" "Webhooks__Connections__demo-${policy}__Customer=${policy^} Ltd")
  done
  # Someone for every role the seed policies notify, and for the unassigned sample case.
  settings+=("Notices__SupportManagement__0=support-managers@vendor.example" "Notices__OnCall__0=on-call@vendor.example"
    "Notices__Unassigned__*__0=supportManagement")
fi
# Waits for the app, seeds the demo, then prints what a first visit needs, below the app's start-up lines.
(
  for _ in $(seq 1 600); do
    curl -fs "$url/api/health" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "$url/api/health" >/dev/null 2>&1 || exit 0
  if $demo; then node eng/demo.mjs "$url"; fi
  printf '\n  board:          %s/\n  playground:     %s/playground.html\n  API key:        %s (send as x-api-key; the board asks once)\n  emails go to:   %s\n' \
    "$url" "$url" "$Api__Keys__0" "${Email__Pickup__Folder:-$PWD/.mail/outbox}"
  if $demo; then
    printf '  demo tools:     POST %s/api/webhooks/demo-<zendesk|jira|servicenow|freshdesk|github>, secret %s\n' "$url" "$tool_secret"
  fi
  printf '  Ctrl-C stops the app and Azurite.\n\n'
) &
helper=$!
env "${settings[@]}" dotnet run --project functions -- "${args[@]}"
