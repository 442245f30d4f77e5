#!/usr/bin/env bash
# npm start: install and build only when needed (scripts/prepare.mjs), then serve.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/prepare.mjs
exec bash scripts/serve.sh # raises the open-file limit first
