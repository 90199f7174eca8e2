#!/usr/bin/env bash
# Builds and lints every .bicep file under infra/ with a pinned Bicep CLI restored from NuGet (bicep.csproj beside
# this script), then checks each infra/*.parameters.json against the compiled template (check-parameters.mjs).
# Every linter rule is at error level (infra/bicepconfig.json), and any line the CLI prints as a warning fails the
# run too. Compiled ARM JSON goes to a temporary folder that is removed on exit; nothing is written to infra/.
# Needs only the .NET SDK and Node.js, like the rest of the repository. Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/../.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) runtime=linux-x64 ;;
  Linux-aarch64 | Linux-arm64) runtime=linux-arm64 ;;
  Darwin-arm64) runtime=osx-arm64 ;;
  Darwin-x86_64) runtime=osx-x64 ;;
  *) echo "bicep: no Bicep CLI package for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

project=eng/bicep/bicep.csproj
dotnet restore "$project" -p:BicepRuntime="$runtime" --verbosity quiet
bicep=$(dotnet msbuild "$project" -nologo -p:BicepRuntime="$runtime" -getProperty:BicepExecutable)
if [ ! -f "$bicep" ]; then
  echo "bicep: restore finished but $bicep is missing; the package layout may have changed (expected tools/bicep)" >&2
  exit 1
fi
# NuGet extracts files without their mode on some systems, so the binary may arrive without the executable bit.
if [ ! -x "$bicep" ]; then
  chmod u+x "$bicep"
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

mapfile -t files < <(find infra -name '*.bicep' -type f | sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "bicep: no .bicep files under infra/" >&2
  exit 1
fi

# Runs one Bicep CLI command and shows its diagnostics. A non-zero exit with no diagnostic line (a crash, a bad
# argument) still counts as an error.
diagnostics=""
cli_failures=0
run_bicep() {
  local log status
  log=$("$bicep" "$@" 2>&1) && status=0 || status=$?
  if [ -n "$log" ]; then
    printf '%s\n' "$log"
    diagnostics+="$log"$'\n'
  fi
  if [ "$status" -ne 0 ] && ! grep -q -E ': Error [A-Za-z0-9-]+:' <<<"$log"; then
    cli_failures=$((cli_failures + 1))
  fi
}

# One process per command for all files: the CLI takes a second or two to start. The compiled templates keep
# their paths relative to infra/ (main.json, modules/storage.json, ...).
run_bicep build --pattern 'infra/**/*.bicep' --outdir "$out"
run_bicep lint --pattern 'infra/**/*.bicep'
# A module is compiled on its own and again inside main.bicep, and both commands report it: count each
# diagnostic once.
count_unique() { { grep -E ": $1 [A-Za-z0-9-]+:" <<<"$diagnostics" || true; } | sort -u | wc -l; }
warnings=$(count_unique Warning)
errors=$(($(count_unique Error) + cli_failures))
built=$(find "$out" -name '*.json' -type f | wc -l)
if [ "$built" -ne ${#files[@]} ]; then
  echo "bicep: built $built templates for ${#files[@]} .bicep files"
  errors=$((errors + 1))
fi

# Each parameters file belongs to the template named by its first dot-separated part:
# main.parameters.json and main.prod.parameters.json both go with main.bicep.
parameter_files=0
parameter_problems=0
for parameters in infra/*.parameters.json; do
  [ -e "$parameters" ] || continue
  parameter_files=$((parameter_files + 1))
  name=$(basename "$parameters")
  template="$out/${name%%.*}.json"
  if [ ! -f "$template" ]; then
    echo "$parameters: no compiled template infra/${name%%.*}.bicep to check it against"
    parameter_problems=$((parameter_problems + 1))
    continue
  fi
  if ! node eng/bicep/check-parameters.mjs "$template" "$parameters"; then
    parameter_problems=$((parameter_problems + 1))
  fi
done

version=$("$bicep" --version)
echo "bicep: ${#files[@]} files built and linted, $parameter_files parameter files checked, $warnings warnings, $errors errors, $parameter_problems bad parameter files ($version)"
if [ $((warnings + errors + parameter_problems)) -ne 0 ]; then
  exit 1
fi
