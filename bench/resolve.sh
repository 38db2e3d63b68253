#!/usr/bin/env bash
# Identity-resolution bench (release build) on generated registries with known truth:
#   1. ingest + resolve the four registries of PERSONS generated persons into a fresh SQLite store: wall time and peak RSS;
#   2. pairwise precision, recall and F1 of `lienthong export clusters` against truth.csv;
#   3. an incremental delta of 1,000 land rows (500 changed, 500 new owners of new parcels) against that store.
# Usage: bench/resolve.sh [PERSONS]   (default 200000). Figures quoted in docs and closing notes come from this script.
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS="${1:-${PERSONS:-200000}}"
OUT="bench/out/resolve-$PERSONS"
. bench/lib.sh
release_binary
rm -rf "$OUT"; mkdir -p "$OUT"
STORE="sqlite:$OUT/store.db"
"$BIN" generate --persons "$PERSONS" --seed 1 --out "$OUT/data" >/dev/null

echo "LienThong resolution bench: $PERSONS persons, seed 1, $(nproc) cores"
start=$(date +%s.%N)
peak=0
for pair in population.yaml:population.xml land.yaml:land.csv enterprise.yaml:enterprise.json commune_legacy.yaml:commune_legacy.csv; do
  /usr/bin/time -f "%M" -o "$OUT/.rss" "$BIN" ingest --mapping "Mappings/${pair%%:*}" "$OUT/data/${pair##*:}" --store "$STORE" >/dev/null
  rss=$(cat "$OUT/.rss"); [ "$rss" -gt "$peak" ] && peak=$rss
done
end=$(date +%s.%N)
mentions=$(( $(wc -l < "$OUT/data/truth.csv") - 1 ))
awk -v n="$mentions" -v s="$start" -v e="$end" -v r="$peak" \
  'BEGIN { printf "ingest + resolve       %8d person mentions  %8.2f s  %8.0f mentions/s  peak RSS %7.1f MB\n", n, e - s, n / (e - s), r / 1024 }'

"$BIN" export clusters --store "$STORE" > "$OUT/clusters.csv"
python3 - "$OUT/data/truth.csv" "$OUT/clusters.csv" <<'PY'
import csv, sys
from collections import defaultdict
def table(path, column):
    with open(path, encoding="utf-8") as f:
        return {(r["source"], r["source_record_key"]): r[column] for r in csv.DictReader(f)}
truth, predicted = table(sys.argv[1], "person_uid"), table(sys.argv[2], "cluster_id")
common = truth.keys() & predicted.keys()
def pairs(groups):
    members = defaultdict(list)
    for key in common: members[groups[key]].append(key)
    return sum(len(m) * (len(m) - 1) // 2 for m in members.values())
cells = defaultdict(int)
for key in common: cells[(predicted[key], truth[key])] += 1
correct = sum(n * (n - 1) // 2 for n in cells.values())
p_pairs, t_pairs = pairs(predicted), pairs(truth)
precision, recall = correct / max(p_pairs, 1), correct / max(t_pairs, 1)
f1 = 2 * precision * recall / max(precision + recall, 1e-12)
print(f"clusters vs truth      {len(common):8d} mentions  precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}"
      f"  ({correct} of {p_pairs} predicted pairs right, {t_pairs} true pairs)")
PY

# The delta: 500 changed land rows (new area) and 500 new parcels owned by population persons (no 12-digit number given).
python3 - "$OUT/data" <<'PY'
import csv, sys, xml.etree.ElementTree as ET
out = sys.argv[1]
with open(f"{out}/land.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
delta = []
for row in body[:500]:
    row = list(row); row[4] = f"{float(row[4] or 0) + 1:.1f}"; delta.append(row)
people = []
for _, element in ET.iterparse(f"{out}/population.xml"):
    if element.tag == "cong_dan":
        people.append(element); 
        if len(people) >= 500: break
for k, person in enumerate(people):
    name, born = person.findtext("ho_ten") or "", person.findtext("ngay_sinh") or ""
    y, m, d = (born.split("-") + ["", "", ""])[:3]
    commune = person.findtext("noi_thuong_tru/ma_xa") or ""
    detail = person.findtext("noi_thuong_tru/chi_tiet") or ""
    sex = person.findtext("gioi_tinh") or ""
    delta.append([f"LDX{k:07d}", commune, "900", str(k + 1), "150.0", "ONT", "", name, f"{d}/{m}/{y}" if d else y, sex, "", "", detail])
with open(f"{out}/land-delta.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f); w.writerow(header); w.writerows(delta)
PY
start=$(date +%s.%N)
"$BIN" ingest --mapping Mappings/land.yaml "$OUT/data/land-delta.csv" --store "$STORE" --json > "$OUT/delta.json"
end=$(date +%s.%N)
python3 - "$OUT/delta.json" "$start" "$end" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))[0]["counts"]
print(f"incremental delta      {report['read']:8d} land rows        {float(sys.argv[3]) - float(sys.argv[2]):8.2f} s  "
      f"({report['mentionsChanged']} mentions changed, {report['feedEvents']} feed events; process start and decode included)")
PY
