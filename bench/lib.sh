# Shared by the bench scripts (sourced from the repository root): builds the release binary and sets BIN (SCRATCH=DIR
# builds with --scratch-path DIR instead of .build). A failed build stops the bench instead of timing a stale binary;
# /usr/bin/time (peak RSS) must be present.
release_binary() {
  local log
  log=$(mktemp)
  if ! swift build -c release --product lienthong ${SCRATCH:+--scratch-path "$SCRATCH"} >"$log" 2>&1; then
    grep -E "error" "$log" >&2 || cat "$log" >&2
    rm -f "$log"
    echo "bench: release build failed" >&2
    exit 1
  fi
  grep -E "warning:" "$log" >&2 || true
  rm -f "$log"
  command -v /usr/bin/time >/dev/null || { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
  BIN=${SCRATCH:-$PWD/.build}/release/lienthong
}
