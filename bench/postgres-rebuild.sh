#!/usr/bin/env bash
# Rebuilding blocking keys on PostgreSQL (issue 9): the population register of PERSONS generated persons is loaded
# into an empty database, a model is trained with two more blocking rules (bench/postgres/rules-extra.yaml), and
# their keys are removed again; then `lienthong resolve` (no new data) finds the active model's rules not indexed
# and builds their keys for every stored person, which is what is timed. The keys go to the server with COPY.
# BASE=path times another build on a copy of the same database (an older commit's, to compare); BIN=path skips the
# build. Needs psql (scripts/install-deps.sh --with-postgres).
# Usage: bench/postgres-rebuild.sh [PERSONS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS="${1:-${PERSONS:-100000}}"
OUT="bench/out/postgres-rebuild-$PERSONS"
if [ -z "${LIENTHONG_TEST_POSTGRES:-}" ]; then exec scripts/with-postgres.sh "$0" "$@"; fi
. bench/lib.sh
if [ -z "${BIN:-}" ]; then release_binary; fi
command -v psql >/dev/null || { echo "bench: needs psql (scripts/install-deps.sh --with-postgres)" >&2; exit 1; }
rm -rf "$OUT"; mkdir -p "$OUT"
"$BIN" generate --persons "$PERSONS" --seed 1 --out "$OUT/data" >/dev/null
SERVER="${LIENTHONG_TEST_POSTGRES%/*}"
BASE_DB="rebuild_$(date +%s)_$$"
psql -q "$LIENTHONG_TEST_POSTGRES" -c "CREATE DATABASE $BASE_DB TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"
"$BIN" ingest --mapping Mappings/population.yaml "$OUT/data/population.xml" --store "$SERVER/$BASE_DB" >/dev/null
"$BIN" resolve --train --blocking bench/postgres/rules-extra.yaml --store "$SERVER/$BASE_DB" >/dev/null
psql -q "$SERVER/$BASE_DB" \
  -c "DELETE FROM blocking_keys WHERE rule IN ('full_name_birth_date', 'given_name_birth_date')" \
  -c "DELETE FROM blocking_rules_indexed WHERE rule IN ('full_name_birth_date', 'given_name_birth_date')"

echo "LienThong blocking-key rebuild on PostgreSQL: $PERSONS persons (seed 1), two rules added, $(nproc) cores" | tee "$OUT/summary.txt"
rebuild() { # label, binary
  local database="${BASE_DB}_$1" start end keys
  psql -q "$LIENTHONG_TEST_POSTGRES" -c "CREATE DATABASE $database TEMPLATE $BASE_DB"
  start=$(date +%s.%N)
  "$2" resolve --store "$SERVER/$database" >/dev/null
  end=$(date +%s.%N)
  keys=$(psql -At "$SERVER/$database" -c "SELECT count(*) FROM blocking_keys WHERE rule IN ('full_name_birth_date', 'given_name_birth_date')")
  awk -v l="$1" -v s="$start" -v e="$end" -v k="$keys" \
    'BEGIN { printf "%-6s rebuild %9d keys  %7.2f s  %9.0f keys/s\n", l, k, e - s, k / (e - s) }' | tee -a "$OUT/summary.txt"
}
rebuild this "$BIN"
if [ -n "${BASE:-}" ]; then rebuild base "$BASE"; fi
