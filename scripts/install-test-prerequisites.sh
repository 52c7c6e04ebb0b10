#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian machine. Idempotent: skips what is present.
# - the local dotnet tools (dotnet-ef) from .config/dotnet-tools.json;
# - Node.js + npm, for the pages' front-end packages (the build runs npm ci) and the NLGov API Design Rules lint
#   (npx @stoplight/spectral-cli);
# - Debian's PostgreSQL server, which the concurrency tests start privately (ADR-003);
# - Debian's chromium, which the browser tests drive headless with Playwright (it cannot download its own browser here).
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet tool restore >/dev/null

need=()
command -v npx >/dev/null 2>&1 || need+=(nodejs npm)
{ [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ] || [ -n "${CASEWORK_CHROMIUM:-}" ]; } || need+=(chromium fonts-liberation)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "missing: ${need[*]} (install them, or run this script as root)" >&2
    exit 1
  fi
fi
