#!/usr/bin/env bash
# How PostgreSQL plans a load that grows tables inside one transaction (issue 9): the land file of PERSONS generated
# persons ingested and resolved into an empty PostgreSQL database, with its wall time and what the server's
# statistics say of the link table afterwards (sequential scans and the rows they read, index scans).
# SESSION_SETTING=… is set on the database first (e.g. "plan_cache_mode = force_custom_plan"); BIN=path runs another
# build (an older commit's, to see the scans it made); TIMEOUT (default 900 s) stops a load that does not end.
# Usage: bench/postgres-plans.sh [PERSONS]   (default 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS="${1:-${PERSONS:-200000}}"
TIMEOUT="${TIMEOUT:-900}"
OUT="bench/out/postgres-plans-$PERSONS"
if [ -z "${LIENTHONG_TEST_POSTGRES:-}" ]; then exec scripts/with-postgres.sh "$0" "$@"; fi
. bench/lib.sh
if [ -z "${BIN:-}" ]; then release_binary; fi
command -v psql >/dev/null || { echo "bench: needs psql (scripts/install-deps.sh --with-postgres)" >&2; exit 1; }
mkdir -p "$OUT"
[ -f "$OUT/data/land.csv" ] || "$BIN" generate --persons "$PERSONS" --seed 1 --out "$OUT/data" >/dev/null
DATABASE="plans_$(date +%s)_$$"
psql -q "$LIENTHONG_TEST_POSTGRES" -c "CREATE DATABASE $DATABASE TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"
if [ -n "${SESSION_SETTING:-}" ]; then psql -q "$LIENTHONG_TEST_POSTGRES" -c "ALTER DATABASE $DATABASE SET $SESSION_SETTING"; fi
PG="${LIENTHONG_TEST_POSTGRES%/*}/$DATABASE"

rows=$(($(wc -l < "$OUT/data/land.csv") - 1))
echo "LienThong PostgreSQL plans bench: land.csv of $PERSONS persons ($rows rows) into an empty database${SESSION_SETTING:+, $SESSION_SETTING}"
start=$(date +%s.%N)
status=0
timeout "$TIMEOUT" "$BIN" ingest --mapping Mappings/land.yaml "$OUT/data/land.csv" --store "$PG" > "$OUT/ingest.txt" 2>&1 || status=$?
end=$(date +%s.%N)
if [ "$status" -eq 124 ]; then
  echo "load not finished after $TIMEOUT s (rolled back)"
else
  [ "$status" -eq 0 ] || { cat "$OUT/ingest.txt" >&2; exit "$status"; }
  awk -v s="$start" -v e="$end" -v r="$rows" 'BEGIN { printf "load: %.1f s, %.0f rows/s\n", e - s, r / (e - s) }'
fi
# Scans by the load's server processes (and their parallel workers) are counted once they end.
sleep 1
psql -At "$PG" -F ' ' -c "SELECT 'mention_links: ' || seq_scan || ' sequential scans reading ' || seq_tup_read || ' rows, ' || coalesce(idx_scan, 0) || ' index scans'
  FROM pg_stat_user_tables WHERE relname = 'mention_links'"
