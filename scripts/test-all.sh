#!/usr/bin/env bash
# The one command that installs everything the tests need and runs them all (README, .ci/run):
# Debian's chromium and postgresql if missing, npm ci, a throwaway PostgreSQL cluster, then the
# whole suite on PGlite (with type checking, lint and the browser) and again on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/nonexistent}" ] || missing+=(chromium)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
{ [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ]; } || missing+=(postgresql postgresql-contrib)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing ${missing[*]} from Debian..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  else
    echo "The tests need: ${missing[*]}. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

npm ci --no-audit --no-fund

# A throwaway cluster on a private socket directory and port, removed on exit.
pg_dir=$(mktemp -d /tmp/lantern-pg.XXXXXX)
pg_port=${LANTERN_TEST_PG_PORT:-54329}
run_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
cleanup() {
  run_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT
run_pg "'$pg_bin/initdb' -D '$pg_dir/data' -U lantern -A trust --no-sync" >/dev/null
run_pg "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/log' -w -o \"-p $pg_port -k '$pg_dir' -c listen_addresses=127.0.0.1 -c fsync=off\" start" >/dev/null
export TEST_DATABASE_URL_PG="postgres://lantern@127.0.0.1:$pg_port/postgres"

echo "== Type checking, lint, and the whole suite on PGlite (with the browser tests)"
npm test

echo "== The whole suite again on PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}')"
TEST_DATABASE_URL="$TEST_DATABASE_URL_PG" npx tsx scripts/run-tests.ts
