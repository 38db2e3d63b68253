#!/usr/bin/env bash
# Daemon sync-job bench (release build): what one scheduled run of a population source costs
#   1. full load: the first run of a PERSONS-person XML export into a fresh store (decode, map, stage, resolve);
#   2. unchanged: the next run on the same file (size + SHA-256 match the checkpoint: nothing decoded);
#   3. 1% changed: the export again with every 100th person's address detail changed (a new file: decoded whole; the
#      records whose fingerprint is stored are counted, not mapped; the changed ones mapped, staged, re-resolved and
#      published).
# Each run is `lienthong jobs run population --config …` — the code path of the daemon's scheduler.
# MODE=snapshot configures the source as full snapshots (what an export leaves out is retired), and adds
#   4. 1% deleted: the export without every 100th person (their mentions retired, their entities retired).
# Usage: bench/sync.sh [PERSONS]   (default 100000; BIN=path skips the build). Figures quoted in docs come from here.
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS="${1:-${PERSONS:-100000}}"
MODE="${MODE:-incremental}"
OUT="bench/out/sync-$PERSONS-$MODE"
. bench/lib.sh
if [ -z "${BIN:-}" ]; then release_binary; fi
rm -rf "$OUT"; mkdir -p "$OUT/export"
"$BIN" generate --persons "$PERSONS" --seed 3 --out "$OUT/data" >/dev/null
cp "$OUT/data/population.xml" "$OUT/export/population.xml"
cat > "$OUT/lienthong.yaml" <<YAML
store: sqlite:$PWD/$OUT/store.db
sources:
  - name: population
    registry: population
    mapping: $PWD/Mappings/population.yaml
    connector:
      file: $PWD/$OUT/export/population.xml
    schedule: "@daily"
    mode: $MODE
YAML

run() { # label
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$OUT/.rss" "$BIN" jobs run population --config "$OUT/lienthong.yaml" > "$OUT/$1.txt"
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v r="$(cat "$OUT/.rss")" -v l="$1" -v t="$(head -c 150 "$OUT/$1.txt")" \
    'BEGIN { printf "%-12s %8.2f s  peak RSS %7.1f MB  %s\n", l, e - s, r / 1024, t }'
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }' > "$OUT/$1.seconds"
}

echo "LienThong sync bench: $PERSONS persons ($MODE), $(stat -c %s "$OUT/export/population.xml") bytes of XML, $(nproc) cores"
sleep 3   # the file connector waits for a file to settle (2 s) before taking it
run full
run unchanged
python3 - "$OUT/export/population.xml" <<'PY'
import sys
path = sys.argv[1]
parts = open(path, encoding="utf-8").read().split("<cong_dan ")
for i in range(100, len(parts), 100):   # every 100th person moves within the street: a changed address detail
    parts[i] = parts[i].replace("<chi_tiet>", "<chi_tiet>Tổ 9, ", 1)
open(path + ".tmp", "w", encoding="utf-8").write("<cong_dan ".join(parts))
PY
mv "$OUT/export/population.xml.tmp" "$OUT/export/population.xml"
sleep 3
run changed-1pct
awk -v f="$(cat "$OUT/full.seconds")" -v u="$(cat "$OUT/unchanged.seconds")" -v c="$(cat "$OUT/changed-1pct.seconds")" \
  'BEGIN { printf "unchanged = %.2f%% of a full load; 1%% changed = %.1f%% of a full load\n", 100 * u / f, 100 * c / f }' \
  | tee "$OUT/summary.txt"
if [ "$MODE" = snapshot ]; then
  python3 - "$OUT/export/population.xml" <<'PY'
import sys
path = sys.argv[1]
parts = open(path, encoding="utf-8").read().split("<cong_dan ")
last = parts[-1]
end = last.index("</cong_dan>") + len("</cong_dan>")
parts[-1], tail = last[:end], last[end:]
kept = [p for i, p in enumerate(parts) if i == 0 or i % 100 != 50]   # every 100th person gone from the register
open(path + ".tmp", "w", encoding="utf-8").write("<cong_dan ".join(kept) + tail)
PY
  mv "$OUT/export/population.xml.tmp" "$OUT/export/population.xml"
  sleep 3
  run deleted-1pct
  awk -v f="$(cat "$OUT/full.seconds")" -v d="$(cat "$OUT/deleted-1pct.seconds")" \
    'BEGIN { printf "1%% deleted = %.1f%% of a full load\n", 100 * d / f }' | tee -a "$OUT/summary.txt"
fi
