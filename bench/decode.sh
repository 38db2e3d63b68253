#!/usr/bin/env bash
# Decoder and mapping benchmarks (release build) on files of at least RECORDS records per format (default 1M):
# records/s, MB/s and peak RSS of `lienthong bench decode` per format, then the mapping + normalisation overhead
# of each shipped mapping (`lienthong bench map`). Figures quoted in docs and closing notes come from this script.
# Usage: bench/decode.sh [RECORDS]
set -euo pipefail
cd "$(dirname "$0")/.."
RECORDS="${1:-${RECORDS:-1000000}}"
OUT="bench/out/decode-$RECORDS"
. bench/lib.sh
release_binary
mkdir -p "$OUT"

# Generated registries: population.xml has one record per person; land.csv and enterprise.json are repeated
# (keys made unique per copy) until they hold RECORDS records.
if [ ! -f "$OUT/done" ]; then
  rm -rf "$OUT/data"
  "$BIN" generate --persons "$RECORDS" --seed 1 --out "$OUT/data" >/dev/null
  python3 - "$OUT/data" "$RECORDS" <<'PY'
import json, sys
out, wanted = sys.argv[1], int(sys.argv[2])
with open(f"{out}/land.csv", encoding="utf-8") as f:
    header, *rows = f.read().splitlines()
with open(f"{out}/land-big.csv", "w", encoding="utf-8") as f:
    f.write(header + "\n")
    for k in range(wanted):
        copy, row = divmod(k, len(rows))
        f.write((f"C{copy}-" if copy else "") + rows[row] + "\n")
with open(f"{out}/enterprise.json", encoding="utf-8") as f:
    items = json.load(f)
with open(f"{out}/enterprise-big.json", "w", encoding="utf-8") as f:
    f.write("[\n")
    for k in range(wanted):
        copy, i = divmod(k, len(items))
        item = dict(items[i])
        if copy: item["ma_so_doanh_nghiep"] = f"{item['ma_so_doanh_nghiep']}-{copy}"
        f.write(("," if k else "") + json.dumps(item, ensure_ascii=False) + "\n")
    f.write("]\n")
PY
  touch "$OUT/done"
fi

echo "LienThong decode bench: $RECORDS records per file, $(nproc) cores"
decode() { # label, file, extra flags...
  local label="$1" file="$2"; shift 2
  /usr/bin/time -f "%M" -o "$OUT/.rss" "$BIN" bench decode "$file" "$@" --json > "$OUT/.json"
  python3 - "$label" "$OUT/.json" "$(cat "$OUT/.rss")" <<'PY'
import json, sys
label, path, rss = sys.argv[1], sys.argv[2], int(sys.argv[3])
d = json.load(open(path))["decode"]
print(f"{label:<22} {d['records']:>9} records  {d['seconds']:7.2f} s  {d['recordsPerSecond']:>9.0f} records/s  {d['megabytesPerSecond']:6.1f} MB/s  peak RSS {rss/1024:6.1f} MB")
PY
}
decode "decode csv" "$OUT/data/land-big.csv"
decode "decode json" "$OUT/data/enterprise-big.json"
decode "decode xml" "$OUT/data/population.xml" --record cong_dan
decode "decode xml + xsd" "$OUT/data/population.xml" --record cong_dan --schema Schemas/population-export.xsd

map() { # mapping, file
  "$BIN" bench map --mapping "Mappings/$1" "$2" --json > "$OUT/.json"
  python3 - "$1" "$OUT/.json" <<'PY'
import json, sys
name, path = sys.argv[1], sys.argv[2]
r = json.load(open(path))
d, m = r["decode"], r["decodeAndMap"]
print(f"map {name:<22} decode {d['recordsPerSecond']:>9.0f}/s  decode+map {m['recordsPerSecond']:>9.0f}/s  mapping overhead {r['overheadPercent']:6.0f}%")
PY
}
map population.yaml "$OUT/data/population.xml"
map land.yaml "$OUT/data/land-big.csv"
map enterprise.yaml "$OUT/data/enterprise-big.json"
map commune_legacy.yaml "$OUT/data/commune_legacy.csv"
