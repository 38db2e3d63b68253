#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server: initdb in a temporary directory as a non-root user, a free
# port on 127.0.0.1, stopped and deleted when the command ends (also when it fails or is interrupted).
# The command sees LIENTHONG_TEST_POSTGRES (a postgresql:// URL of the server's `postgres` database, for tests that
# create databases of their own) and LIENTHONG_REQUIRE_POSTGRES=1 (the PostgreSQL tests must run, not skip).
# Usage: scripts/with-postgres.sh COMMAND [ARGS…]   (make test runs `swift test` this way)
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bindir/initdb" ] || { echo "with-postgres: no PostgreSQL server (scripts/install-deps.sh --with-postgres)" >&2; exit 1; }

work=$(mktemp -d /tmp/lienthong-pg.XXXXXX)
run_as=()
stop() {
  status=$?
  if [ -f "$work/data/postmaster.pid" ]; then
    "${run_as[@]}" "$bindir/pg_ctl" -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$work/server.log" ]; then
    echo "with-postgres: server log tail:" >&2
    tail -20 "$work/server.log" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT TERM
# Only the server's user may enter the directory; clients connect over TCP with a password made for this run (the
# server is a superuser's: trust authentication would hand it to every local user).
chmod 700 "$work"
password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
printf '%s\n' "$password" > "$work/password"
# initdb refuses to run as root: run the server as an unprivileged system user (created once, kept for later runs)
# that owns only this directory.
if [ "$(id -u)" -eq 0 ]; then
  user=lienthong-pgtest
  id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
  chown "$user" "$work"
  run_as=(setpriv --reuid="$user" --regid="$(id -g "$user")" --clear-groups --)
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"${run_as[@]}" "$bindir/initdb" -D "$work/data" -U postgres --auth=scram-sha-256 --pwfile="$work/password" -E UTF8 --locale=C.UTF-8 -N \
  >"$work/initdb.log" 2>&1 \
  || { cat "$work/initdb.log" >&2; exit 1; }
# A throwaway server: no fsync (nothing here must survive a power cut), enough connections for parallel tests.
"${run_as[@]}" "$bindir/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300" start >/dev/null

export LIENTHONG_TEST_POSTGRES="postgresql://postgres:$password@127.0.0.1:$port/postgres"
export LIENTHONG_REQUIRE_POSTGRES=1
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
"$@"
