#!/usr/bin/env bash
# Benchmarks (release build): generate N persons, then ingest the four registries through the shipped
# mappings (decode → map → stage → exact resolve) into a fresh SQLite store. Prints records/s and peak RSS.
# Usage: bench/run.sh [PERSONS]   (default 100000). Figures quoted in docs come from this script.
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS="${1:-${PERSONS:-100000}}"
SEED=1
OUT="bench/out/$PERSONS"
. bench/lib.sh
release_binary
rm -rf "$OUT"; mkdir -p "$OUT"
STORE="sqlite:$OUT/store.db"

measure() { # label, records, command...
  local label="$1" records="$2"; shift 2
  local start end rss
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/.rss" "$@" >/dev/null
  end=$(date +%s.%N)
  rss=$(cat "$OUT/.rss")
  awk -v l="$label" -v n="$records" -v s="$start" -v e="$end" -v r="$rss" \
    'BEGIN { t = e - s; printf "%-28s %9d records  %7.2f s  %10.0f records/s  peak RSS %6.1f MB\n", l, n, t, n / t, r / 1024 }'
}

echo "LienThong bench: $PERSONS persons, seed $SEED, $(nproc) cores"
measure "generate" "$PERSONS" "$BIN" generate --persons "$PERSONS" --seed "$SEED" --out "$OUT/data"
for pair in population.yaml:population.xml land.yaml:land.csv enterprise.yaml:enterprise.json commune_legacy.yaml:commune_legacy.csv; do
  mapping="${pair%%:*}"; file="${pair##*:}"
  case "$file" in
    *.xml) records=$(grep -c '<cong_dan ' "$OUT/data/$file") ;;
    *.json) records=$(grep -c '"ma_so_doanh_nghiep"' "$OUT/data/$file") ;;
    *) records=$(( $(wc -l < "$OUT/data/$file") - 1 )) ;;
  esac
  measure "ingest $file" "$records" "$BIN" ingest --mapping "Mappings/$mapping" "$OUT/data/$file" --store "$STORE"
done
total=$(( $(wc -l < "$OUT/data/truth.csv") - 1 ))
"$BIN" status --store "$STORE"
measure "re-ingest unchanged (all)" "$total" sh -c "for p in population.yaml:population.xml land.yaml:land.csv enterprise.yaml:enterprise.json commune_legacy.yaml:commune_legacy.csv; do $BIN ingest --mapping Mappings/\${p%%:*} $OUT/data/\${p##*:} --store $STORE || exit 1; done"
