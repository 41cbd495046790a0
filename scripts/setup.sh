#!/usr/bin/env bash
# Sets up a checkout on a fresh Debian machine with Node 20 and npm: system packages, pnpm,
# dependencies, and a build. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Chromium renders the docs page in the browser tests; wrk loads servers in bench/.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

pnpm_version=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$pnpm_version" ]; then
  as_root npm install -g --silent "pnpm@$pnpm_version"
fi

export TURBO_TELEMETRY_DISABLED=1 ORT_DISABLE_TELEMETRY=1 ONNXRUNTIME_NODE_INSTALL=skip
pnpm install --frozen-lockfile --config.confirmModulesPurge=false
pnpm build
