#!/usr/bin/env bash
# The one command that installs everything the tests need and runs them all (README, .ci/run):
# Debian's chromium and postgresql if missing, npm ci, a throwaway PostgreSQL cluster, then the
# unit, database and browser tests on PGlite, with type checking and lint running alongside, then the
# database tests again on PostgreSQL (scripts/run-tests.ts says which are which). Every phase is
# timed; the times are printed at the end, and any failed phase fails the whole.
set -euo pipefail
cd "$(dirname "$0")/.."

times=()
failed=()
# timed NAME COMMAND...: runs it, records how long it took, and notes a failure without stopping.
timed() {
  local name=$1 start=$SECONDS
  shift
  if "$@"; then times+=("$(printf '  %-11s %5d s' "$name" $((SECONDS - start)))")
  else times+=("$(printf '  %-11s %5d s  FAILED' "$name" $((SECONDS - start)))"); failed+=("$name"); fi
}
install_start=$SECONDS

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
times+=("$(printf '  %-11s %5d s' install $((SECONDS - install_start)))")

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

# Type checking and lint alongside the tests: each writes its output and its time to the log dir.
logs="$pg_dir/logs"
mkdir -p "$logs"
background() {
  local name=$1 start=$SECONDS
  shift
  if "$@" >"$logs/$name.out" 2>&1; then echo ok >"$logs/$name.status"; else echo FAILED >"$logs/$name.status"; fi
  echo $((SECONDS - start)) >"$logs/$name.seconds"
}
background typecheck npm run --silent typecheck &
typecheck_pid=$!
background lint npm run --silent lint &
lint_pid=$!

echo "== Unit and database tests on PGlite (type checking and lint run alongside)"
timed pglite npx tsx scripts/run-tests.ts --kind=unit --kind=database
echo "== Browser tests (once, on PGlite)"
timed browser npx tsx scripts/run-tests.ts --kind=browser
echo "== Database tests again on PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}')"
timed postgresql env TEST_DATABASE_URL="$TEST_DATABASE_URL_PG" npx tsx scripts/run-tests.ts --kind=database

wait "$typecheck_pid" "$lint_pid"
for name in typecheck lint; do
  echo "== $name"
  cat "$logs/$name.out"
  status=$(cat "$logs/$name.status")
  line=$(printf '  %-11s %5d s' "$name" "$(cat "$logs/$name.seconds")")
  if [ "$status" = ok ]; then times+=("$line"); else times+=("$line  FAILED"); failed+=("$name"); fi
done

echo "== Phase times (typecheck and lint ran alongside the PGlite tests; total is wall time)"
printf '%s\n' "${times[@]}"
printf '  %-11s %5d s\n' total "$SECONDS"
if [ ${#failed[@]} -gt 0 ]; then
  echo "Failed: ${failed[*]}" >&2
  exit 1
fi
