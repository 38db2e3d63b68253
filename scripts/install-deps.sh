#!/usr/bin/env bash
# Installs the Debian packages LienThong builds and tests with, only those that are missing.
# Idempotent and quiet; needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(pkg-config libxml2-dev libcurl4-openssl-dev libsqlite3-dev libpq-dev libmicrohttpd-dev libyaml-dev libssl-dev libxml2-utils python3)
for option in "$@"; do
  case "$option" in
    --with-postgres) packages+=(postgresql) ;;
    --with-bench) packages+=(time wrk curl linux-perf python3-venv) ;;
    *) echo "install-deps: unknown option $option" >&2; exit 2 ;;
  esac
done

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: missing ${missing[*]} and not root (no sudo)" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
