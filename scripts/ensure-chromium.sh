#!/usr/bin/env bash
# Make sure Debian's Chromium is at /usr/bin/chromium for Playwright, and poppler-utils
# (pdftotext, pdftoppm) for the e2e checks that read the text of the PDFs we make, and Debian's
# redis-server for the tests of the public side's scale-out (a real Redis, never a mock). Never
# downloads a browser of Playwright's own: the chamber LAN and CI reach only Debian's and npm's registries.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "Missing: ${missing[*]}: run as root 'apt-get install -y ${missing[*]}', or: sudo bash scripts/ensure-chromium.sh" >&2
  exit 1
fi
echo "Installing Debian's ${missing[*]} (once) ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
/usr/bin/chromium --version
