#!/usr/bin/env bash
# Builds the deployable Functions app: artifacts/publish/app/ (host.json, one folder per function, the Native AOT
# linux-x64 executable named as host.json's defaultExecutablePath, policies/, wwwroot/) and artifacts/publish/app.zip with the
# executable's mode 0755 kept, ready for `az functionapp deployment source config-zip` or
# `func azure functionapp publish`. Needs clang, zlib1g-dev and zip (eng/install.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash eng/install.sh

out=artifacts/publish
rm -rf "$out"
mkdir -p "$out"
start=$(date +%s)
# Trim and AOT warnings fail this step (functions/SlaFunctions.csproj).
dotnet publish functions/SlaFunctions.csproj -c Release -r linux-x64 --nologo -o "$out/build"

# The app folder holds exactly what the host needs, nothing the build happens to leave (pdb, xml docs, symbols).
exe=$(sed -n 's/.*"defaultExecutablePath": *"\([^"]*\)".*/\1/p' "$out/build/host.json")
mkdir -p "$out/app" "$out/symbols"
cp "$out/build/host.json" "$out/app/"
cp "$out/build/$exe" "$out/app/$exe"
chmod 0755 "$out/app/$exe"
cp -r "$out/build/policies" "$out/app/"
# The board's pages, served at / standalone and at /api/ui/ behind the host (the pages function).
cp -r "$out/build/wwwroot" "$out/app/"
for function in functions/Functions/*/; do
  name=$(basename "$function")
  mkdir -p "$out/app/$name"
  cp "$out/build/$name/function.json" "$out/app/$name/"
done
[ -f "$out/build/$exe.dbg" ] && mv "$out/build/$exe.dbg" "$out/symbols/"
rm -rf "$out/build"

# zip stores each file's Unix mode, so the host can run the executable (-X: no extra timestamps or owners).
(cd "$out/app" && zip -qrX ../app.zip .)
echo "publish: $out/app ($(du -sh "$out/app" | cut -f1)), $out/app.zip ($(du -h "$out/app.zip" | cut -f1)) in $(( $(date +%s) - start )) s"
