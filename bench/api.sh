#!/usr/bin/env bash
# Query API bench (release build, issue 7): `lienthong serve` on a SQLite store of PERSONS generated persons (four
# registries ingested and resolved), loaded with wrk (bench/api.lua) for DURATION seconds per scenario and connection
# count:
#   person  GET /v1/persons/{id}                     over every person entity ID (`export clusters`, third column)
#   feed    GET /v1/feed?after=RANDOM&limit=1000     full pages only; events/s = requests/s × events per page
#   search  GET /v1/persons/search?name=…            over real folded full names from the population register
# Every request sends a national reader key and X-Purpose: bench; every person read (and every search result) is
# written to the hash-chained access log before the response, which `audit verify` checks at the end.
# Usage: bench/api.sh [PERSONS]   (default 20000)
#   env: BIN=path/to/lienthong (skip the build)  SCRATCH=dir (build with --scratch-path)  PORT (18080)
#        THREADS (server request threads, 16)  CONNECTIONS ("16 64")  WRK_THREADS (2)  DURATION (15)
# Needs wrk (apt-get install -y wrk), curl and python3. Outputs in bench/out/api-PERSONS/, summary in summary.txt.
# wrk runs on the same machine as the server: on few cores the figures are a lower bound for the server.
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS="${1:-${PERSONS:-20000}}"
PORT="${PORT:-18080}"
THREADS="${THREADS:-16}"
CONNECTIONS="${CONNECTIONS:-16 64}"
WRK_THREADS="${WRK_THREADS:-2}"
DURATION="${DURATION:-15}"
OUT="bench/out/api-$PERSONS"
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install -y $tool)" >&2; exit 1; }
done
. bench/lib.sh
if [ -n "${BIN:-}" ]; then
  [ -x "$BIN" ] || { echo "bench: BIN=$BIN is not an executable" >&2; exit 1; }
else
  release_binary
fi
rm -rf "$OUT"; mkdir -p "$OUT"
STORE="sqlite:$OUT/store.db"
URL="http://127.0.0.1:$PORT"

"$BIN" generate --persons "$PERSONS" --seed 1 --out "$OUT/data" >/dev/null
for pair in population.yaml:population.xml land.yaml:land.csv enterprise.yaml:enterprise.json commune_legacy.yaml:commune_legacy.csv; do
  "$BIN" ingest --mapping "Mappings/${pair%%:*}" "$OUT/data/${pair##*:}" --store "$STORE" >/dev/null
done
"$BIN" export clusters --kind person --store "$STORE" | tail -n +2 | cut -d, -f3 | sort -u > "$OUT/person-ids.txt"
python3 - "$OUT/data/population.xml" "$OUT/names.txt" <<'PY'
import sys, unicodedata, urllib.parse, xml.etree.ElementTree as ET
def fold(text):  # what the API folds names to: no diacritics, đ → d, lower case
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())
names = set()
for _, element in ET.iterparse(sys.argv[1]):
    if element.tag == "cong_dan":
        name = fold(element.findtext("ho_ten") or "")
        if name: names.add(name)
        element.clear()
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for name in sorted(names): f.write(urllib.parse.quote_plus(name) + "\n")
PY
TOKEN=$("$BIN" keys create --role reader --jurisdiction national --label bench --json --store "$STORE" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')

"$BIN" serve --listen "127.0.0.1:$PORT" --threads "$THREADS" --store "$STORE" >"$OUT/serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs "$URL/readyz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$OUT/serve.log" >&2; echo "bench: the server did not start" >&2; exit 1; }
  sleep 0.2
done
curl -fs "$URL/readyz" >/dev/null || { echo "bench: the server is not ready after 20 s" >&2; exit 1; }

# The feed: the highest cursor that still gives a full page of 1,000, and the events per page measured on samples.
python3 - "$URL" "$TOKEN" "$OUT" <<'PY'
import json, random, sys, urllib.request
url, token, out = sys.argv[1:4]
def page(after, limit):
    request = urllib.request.Request(f"{url}/v1/feed?after={after}&limit={limit}",
                                     headers={"Authorization": f"Bearer {token}", "X-Purpose": "bench"})
    return json.load(urllib.request.urlopen(request))
low, high = 0, 1 << 40  # the head: the largest cursor with something after it, by bisection
while low + 1 < high:
    middle = (low + high) // 2
    if page(middle, 1)["events"]: low = middle
    else: high = middle
head = high
max_after = max(head - 1000, 0)
random.seed(1)
sizes = [len(page(random.randint(0, max_after), 1000)["events"]) for _ in range(20)]
open(f"{out}/feed-max-after.txt", "w").write(f"{max_after}\n")
open(f"{out}/feed.txt", "w").write(f"head {head} events_per_page {sum(sizes) / len(sizes):.1f} min {min(sizes)}\n")
PY
read -r _ FEED_HEAD _ EVENTS_PER_PAGE _ < "$OUT/feed.txt"

{
  echo "LienThong query API bench: $PERSONS persons (seed 1), $(wc -l < "$OUT/person-ids.txt") person entities, feed head $FEED_HEAD"
  echo "server --threads $THREADS; wrk -t$WRK_THREADS, ${DURATION}s per run; $(nproc) cores shared by wrk and the server"
  printf '%-8s %5s %11s %9s %9s %9s %8s %12s\n' scenario conns "requests/s" "p50 ms" "p99 ms" "max ms" "non-2xx" "events/s"
} | tee "$OUT/summary.txt"
for scenario in person:person-ids.txt feed:feed-max-after.txt search:names.txt; do
  mode="${scenario%%:*}"; list="$OUT/${scenario##*:}"
  for conns in $CONNECTIONS; do
    log="$OUT/wrk-$mode-c$conns.txt"
    wrk -t"$WRK_THREADS" -c"$conns" -d"${DURATION}s" --latency --timeout 10s -s bench/api.lua "$URL" -- "$mode" "$list" "$TOKEN" > "$log"
    line=$(grep '^BENCH ' "$log")
    python3 - "$mode" "$conns" "$EVENTS_PER_PAGE" "$line" <<'PY' | tee -a "$OUT/summary.txt"
import sys
mode, conns, per_page, line = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
f = dict(item.split("=") for item in line.split()[1:])
events = f"{float(f['rps']) * per_page:12.0f}" if mode == "feed" else f"{'':>12}"
print(f"{mode:<8} {conns:>5} {float(f['rps']):11.0f} {float(f['p50_ms']):9.2f} {float(f['p99_ms']):9.2f} {float(f['max_ms']):9.1f}"
      f" {int(f['non2xx']) + int(f['socket_errors']):8d} {events}")
PY
  done
done
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; trap - EXIT
{
  echo "feed: $EVENTS_PER_PAGE events per page of limit=1000 (sampled); events/s = requests/s × that"
  "$BIN" audit verify --store "$STORE" --json > "$OUT/audit.json" || true
  python3 - "$OUT/audit.json" <<'PY2'
import json, sys
v = json.load(open(sys.argv[1]))
state = "chain intact" if v.get("firstBrokenSequence") is None else f"BROKEN at {v['firstBrokenSequence']}: {v.get('problem')}"
print(f"access log: {v['entries']} entries, {state} (lienthong audit verify)")
PY2
} | tee -a "$OUT/summary.txt"
