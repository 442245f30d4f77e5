#!/usr/bin/env bash
# npm start: install, build the client and the server, start with the demo meeting.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
exec bash scripts/serve.sh # raises the open-file limit first
