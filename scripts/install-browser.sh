#!/usr/bin/env bash
# Installs Debian's Chromium for the editor tests and `npm run screenshots`, once (playwright-core
# drives it; Playwright's own browser downloads are not used). Prints the browser's path.
set -euo pipefail
log() { echo "[install-browser] $(date +%H:%M:%S) $*" >&2; }
if ! command -v chromium >/dev/null; then
  log "installing chromium from Debian (1-2 min)"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >&2
fi
command -v chromium
