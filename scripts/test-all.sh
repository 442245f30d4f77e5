#!/usr/bin/env bash
# The one test command (npm test): install, typecheck, lint, unit + integration, end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ -n "$(node -e "import('./scripts/prepare.mjs').then((m) => process.stdout.write(m.missingPackages().length ? 'x' : ''))")" ]; then
  if [ -L node_modules ]; then echo "node_modules is a link to a shared install that does not match package-lock.json: not reinstalling through it" >&2; exit 1; fi
  npm ci --no-audit --no-fund
fi
echo "== typecheck (the whole tree, then shared/ without DOM or Node types, server/ with Node, client/ with the DOM)"; npm run typecheck
echo "== lint (eslint with no warnings, and the import boundaries and circles: .dependency-cruiser.cjs)"; npm run lint
echo "== system packages: Debian's chromium, poppler-utils and redis-server (as root, once)"
bash scripts/ensure-chromium.sh
echo "== unit and integration tests"; npx vitest run
echo "== end-to-end tests (Playwright, Debian Chromium)"
npm run build
echo "== the deputy page's bundle runs on the oldest supported phone (README, Browsers)"; npm run check:es
npx playwright test
echo "== release package: packs, unpacks, starts with node alone and no registry"
WZ_RELEASE_TEST=1 npx vitest run server/ops/package.test.ts
if [ "${CI:-}" = "true" ] || [ "${BENCH_SMOKE:-}" = "1" ]; then
  echo "== benchmark smoke (short mode, N = 300, no timing assertions)"; npm run bench -- --short
  echo "== audience benchmark smoke (two edges + Redis, 300 viewers, no timing assertions)"; npm run bench -- --audience --short
fi
