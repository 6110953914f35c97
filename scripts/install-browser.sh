#!/usr/bin/env bash
# Finds, or installs once, a Chromium for the editor tests and `npm run screenshots` (playwright-core
# drives it; Playwright's own browser downloads are not used): Debian's chromium package, or a Chrome
# the machine already has (GitHub's Ubuntu runners ship google-chrome). Prints the browser's path.
set -euo pipefail
log() { echo "[install-browser] $(date +%H:%M:%S) $*" >&2; }
for browser in chromium google-chrome chromium-browser; do
  if command -v "$browser" >/dev/null; then command -v "$browser"; exit 0; fi
done
log "installing chromium from Debian (1-2 min)"
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >&2
command -v chromium
