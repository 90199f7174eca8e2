#!/usr/bin/env bash
# Starts Azurite (Blob 10000, Queue 10001, Table 10002 on 127.0.0.1) in the background unless one already answers,
# with its data under .azurite/ (git-ignored). Source it: it sets AZURITE_PID when it started one, and
# stop_azurite stops only that one.
#   start_azurite          keeps data on disk (the run command: cases survive a restart)
#   start_azurite memory   keeps data in memory only (tests and benchmarks: Azurite otherwise rewrites its whole
#                          table store to one JSON file every 5 seconds, stalling every request while it does)
# AZURITE_DEBUG=1 writes Azurite's request log to .azurite/debug.log (it grows by gigabytes under load).
azurite_up() { (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; }

start_azurite() {
  AZURITE_PID=""
  if azurite_up; then
    echo "azurite: already running on 127.0.0.1:10002"
    return 0
  fi
  mkdir -p .azurite
  local extra=(--location .azurite)
  if [ "${1:-}" = memory ]; then extra=(--inMemoryPersistence); fi
  if [ "${AZURITE_DEBUG:-}" = 1 ]; then extra+=(--debug .azurite/debug.log); fi
  node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry "${extra[@]}" \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >.azurite/azurite.out 2>&1 &
  AZURITE_PID=$!
  for _ in $(seq 1 100); do
    if azurite_up; then
      echo "azurite: started (pid $AZURITE_PID)"
      return 0
    fi
    sleep 0.2
  done
  echo "azurite: did not start; see .azurite/azurite.out" >&2
  cat .azurite/azurite.out >&2 || true
  return 1
}

stop_azurite() {
  if [ -n "${AZURITE_PID:-}" ]; then
    kill "$AZURITE_PID" 2>/dev/null || true
    wait "$AZURITE_PID" 2>/dev/null || true
  fi
}
