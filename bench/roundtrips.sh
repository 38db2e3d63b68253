#!/usr/bin/env bash
# Round trips to PostgreSQL per ingested record (release build): PERSONS generated persons, each registry ingested
# into a fresh database of a throwaway server (scripts/with-postgres.sh), the gateway's sends counted by the kernel
# (`perf stat -e syscalls:sys_enter_sendto`: one per round trip, a few for a large pipelined batch, so an upper
# bound on round trips), with the wall time.
# Usage: bench/roundtrips.sh [PERSONS]   (default 20000; BIN=path skips the build)
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS="${1:-${PERSONS:-20000}}"
OUT="bench/out/roundtrips-$PERSONS"
if [ -z "${LIENTHONG_TEST_POSTGRES:-}" ]; then exec scripts/with-postgres.sh "$0" "$@"; fi
. bench/lib.sh
if [ -z "${BIN:-}" ]; then release_binary; fi
for tool in perf psql; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (scripts/install-deps.sh --with-bench --with-postgres)" >&2; exit 1; }
done
if ! perf stat -e syscalls:sys_enter_sendto -o /dev/null true 2>/dev/null; then
  echo "bench/roundtrips.sh: skipped: perf may not count system calls here (kernel.perf_event_paranoid, or no tracefs)" >&2
  exit 0
fi
rm -rf "$OUT"; mkdir -p "$OUT"
"$BIN" generate --persons "$PERSONS" --seed 1 --out "$OUT/data" >/dev/null
echo "LienThong round trips to PostgreSQL: $PERSONS persons (seed 1), each registry into an empty database"
for pair in population.yaml:population.xml land.yaml:land.csv enterprise.yaml:enterprise.json; do
  database="roundtrips_$(date +%s%N)"
  psql -q "$LIENTHONG_TEST_POSTGRES" -c "CREATE DATABASE $database TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'"
  start=$(date +%s.%N)
  perf stat -x, -e syscalls:sys_enter_sendto -o "$OUT/.perf" \
    "$BIN" ingest --mapping "Mappings/${pair%%:*}" "$OUT/data/${pair##*:}" --store "${LIENTHONG_TEST_POSTGRES%/*}/$database" --json > "$OUT/.json"
  end=$(date +%s.%N)
  python3 - "${pair##*:}" "$OUT/.json" "$OUT/.perf" "$start" "$end" <<'PY'
import json, sys
name, report, perf, start, end = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
read = json.load(open(report))[0]["counts"]["read"]
sends = next(int(line.split(",")[0]) for line in open(perf) if "sendto" in line)
print(f"{name:<20} {read:>8} records  {sends:>9} sends  {sends / read:6.2f} per record  {end - start:7.2f} s")
PY
done
