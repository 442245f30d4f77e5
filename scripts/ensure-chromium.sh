#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for Playwright. Never downloads a
# browser of Playwright's own: the chamber LAN and CI reach only Debian's and npm's registries.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Chromium is missing: run as root 'apt-get install -y chromium', or: sudo bash scripts/ensure-chromium.sh" >&2
  exit 1
fi
echo "Installing Debian's chromium (once) ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
/usr/bin/chromium --version
