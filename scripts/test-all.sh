#!/usr/bin/env bash
# The one test command (npm test): install, typecheck, lint, unit + integration, end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
echo "== typecheck"; npx tsc -p tsconfig.json --noEmit
echo "== lint"; npx eslint .
echo "== unit and integration tests"; npx vitest run
echo "== end-to-end tests (Playwright, Debian Chromium)"
bash scripts/ensure-chromium.sh
npm run build
npx playwright test
if [ "${CI:-}" = "true" ] || [ "${BENCH_SMOKE:-}" = "1" ]; then
  echo "== benchmark smoke (short mode, N = 300, no timing assertions)"; npm run bench -- --short
fi
