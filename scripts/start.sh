#!/usr/bin/env bash
# npm start: install and build only when needed (scripts/prepare.mjs), then serve.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/prepare.mjs
exec node --enable-source-maps dist/server/main.js
