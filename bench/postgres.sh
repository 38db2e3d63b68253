#!/usr/bin/env bash
# PostgreSQL against SQLite (release build, issue 9): the same generated registries of PERSONS persons ingested and
# resolved into a fresh SQLite file and into a fresh PostgreSQL database (wall time and peak RSS of the lienthong
# process, per registry and in total), the clusters compared, then `lienthong serve` on each store under wrk for
# person lookups by ID (bench/api.lua; every read is written to the access log first).
# The PostgreSQL server is a throwaway one started by scripts/with-postgres.sh (fsync off: it measures the gateway
# and the protocol, not a disk), on the same 2 cores as the gateway and wrk.
# Usage: bench/postgres.sh [PERSONS]   (default 100000; BIN=path skips the build; DURATION per wrk run, default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS="${1:-${PERSONS:-100000}}"
DURATION="${DURATION:-10}"
OUT="bench/out/postgres-$PERSONS"
if [ -z "${LIENTHONG_TEST_POSTGRES:-}" ]; then exec scripts/with-postgres.sh "$0" "$@"; fi
. bench/lib.sh
if [ -z "${BIN:-}" ]; then release_binary; fi
for tool in wrk curl psql python3; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (scripts/install-deps.sh --with-bench --with-postgres)" >&2; exit 1; }
done
rm -rf "$OUT"; mkdir -p "$OUT"
"$BIN" generate --persons "$PERSONS" --seed 1 --out "$OUT/data" >/dev/null
DATABASE="bench_$(date +%s)_$$"  # a new one each run, also against a server given by LIENTHONG_TEST_POSTGRES
psql -q "$LIENTHONG_TEST_POSTGRES" -c "CREATE DATABASE $DATABASE TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"
PG="${LIENTHONG_TEST_POSTGRES%/*}/$DATABASE"
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null || true' EXIT
SQLITE="sqlite:$OUT/store.db"

echo "LienThong PostgreSQL bench: $PERSONS persons (seed 1), $(nproc) cores shared by the gateway, PostgreSQL and wrk" | tee "$OUT/summary.txt"
load() { # engine label, store
  local total=0
  for pair in population.yaml:population.xml land.yaml:land.csv enterprise.yaml:enterprise.json commune_legacy.yaml:commune_legacy.csv; do
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$OUT/.rss" "$BIN" ingest --mapping "Mappings/${pair%%:*}" "$OUT/data/${pair##*:}" --store "$2" > "$OUT/.ingest"
    end=$(date +%s.%N)
    total=$(awk -v t="$total" -v s="$start" -v e="$end" 'BEGIN { print t + e - s }')
    awk -v s="$start" -v e="$end" -v r="$(cat "$OUT/.rss")" -v l="$1" -v f="${pair##*:}" \
      'BEGIN { printf "%-10s ingest + resolve %-20s %8.2f s  peak RSS %7.1f MB\n", l, f, e - s, r / 1024 }' | tee -a "$OUT/summary.txt"
  done
  printf "%-10s ingest + resolve, all registries  %8.2f s\n" "$1" "$total" | tee -a "$OUT/summary.txt"
}
load sqlite "$SQLITE"
load postgres "$PG"
"$BIN" export clusters --kind person --store "$SQLITE" | tail -n +2 | sort > "$OUT/clusters-sqlite.csv"
"$BIN" export clusters --kind person --store "$PG" | tail -n +2 | sort > "$OUT/clusters-postgres.csv"
python3 - "$OUT" <<'PY' | tee -a "$OUT/summary.txt"
import collections, sys
def partition(path):
    clusters = collections.defaultdict(set)
    for line in open(path, encoding="utf-8"):
        source, key, cluster = line.rstrip("\n").split(",")
        clusters[cluster].add(f"{source}:{key}")
    return {frozenset(c) for c in clusters.values()}
a, b = partition(f"{sys.argv[1]}/clusters-sqlite.csv"), partition(f"{sys.argv[1]}/clusters-postgres.csv")
print(f"clusters: sqlite {len(a)}, postgres {len(b)}, {'identical partitions' if a == b else f'{len(a ^ b)} clusters differ'}")
PY

lookup() { # engine label, store, port
  "$BIN" export clusters --kind person --store "$2" | tail -n +2 | cut -d, -f3 | sort -u > "$OUT/ids-$1.txt"
  local token
  token=$("$BIN" keys create --role reader --jurisdiction national --label bench --json --store "$2" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
  "$BIN" serve --listen "127.0.0.1:$3" --threads 16 --store "$2" > "$OUT/serve-$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$3/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fs "http://127.0.0.1:$3/readyz" >/dev/null || { cat "$OUT/serve-$1.log" >&2; echo "bench: serve on $1 is not ready" >&2; exit 1; }
  for conns in 16 64; do
    wrk -t2 -c"$conns" -d"${DURATION}s" --latency --timeout 10s -s bench/api.lua "http://127.0.0.1:$3" -- person "$OUT/ids-$1.txt" "$token" \
      | grep '^BENCH' | sed "s/^BENCH/$1 person lookup c$conns/" | tee -a "$OUT/summary.txt"
  done
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  SERVER=""
}
lookup sqlite "$SQLITE" 18090
lookup postgres "$PG" 18091
