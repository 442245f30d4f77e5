#!/bin/sh
# 问政表决台: start the installed release (Linux, macOS). Needs only Node.js 20.19+ (22, 24
# also work); never the network, never npm. Settings by environment: PORT, HOST, DATA_DIR,
# PUBLIC_URL, LOG_FILE (see README.md and docs/OPERATIONS.md). Data: ./data beside this file.
case "$0" in */*) cd "${0%/*}" || exit 1 ;; esac
if ! command -v node >/dev/null 2>&1; then
  echo "问政表决台: Node.js is not installed (or not on PATH). Install Node.js 20.19 or newer from the USB stick or your package manager, then run this again." >&2
  exit 1
fi
exec node --enable-source-maps dist/server/main.js
