#!/usr/bin/env bash
# Makes sure the Debian packages Satchel's tests and demo need are installed:
#   prosody          the XMPP server the integration/e2e tests and `npm start` run privately
#   lua-dbi-sqlite3  SQL storage for Prosody's pubsub/PEP (file storage is ~60x slower)
#   chromium         the browser the e2e tests drive (playwright-core, never a downloaded one)
#   sqlite3          writes a large node straight into Prosody's SQL archive (largeNode test, the bench's imported nodes)
# As root it installs what is missing; otherwise it prints one line saying what to run.
#
# Usage: ensureSystemPackages.sh [--prosody-only] [--optional]
#   --prosody-only  check prosody and lua-dbi-sqlite3 only (npm start needs no browser)
#   --optional      quiet: apt's output goes to a log, and a failed install only prints the
#                   one-line instruction (exit 1) so the caller can carry on without Prosody
set -euo pipefail

prosody_only=0
optional=0
for arg in "$@"; do
  case "$arg" in
    --prosody-only) prosody_only=1 ;;
    --optional) optional=1 ;;
    *) echo "ensureSystemPackages.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

wanted=(prosody lua-dbi-sqlite3)
if [ "$prosody_only" -eq 0 ]; then wanted+=(chromium sqlite3); fi

is_installed() {
  case "$1" in
    prosody) [ -x /usr/bin/prosody ] && [ -x /usr/bin/prosodyctl ] ;;
    chromium) [ -x /usr/bin/chromium ] ;;
    sqlite3) [ -x /usr/bin/sqlite3 ] ;;
    *) dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed' ;;
  esac
}

missing=()
for package in "${wanted[@]}"; do
  is_installed "$package" || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

instruction="Satchel needs: sudo apt-get install ${wanted[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "$instruction"
  exit 1
fi

install_missing() {
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
}

echo "Installing ${missing[*]} (apt-get)..."
if [ "$optional" -eq 1 ]; then
  log="$(mktemp -t satchel-apt.XXXXXX.log)"
  if ! install_missing >"$log" 2>&1; then
    echo "$instruction (apt-get failed; see $log)"
    exit 1
  fi
else
  install_missing
fi

# Debian's package starts its own system-wide Prosody; ours run privately on free ports.
if printf '%s\n' "${missing[@]}" | grep -qx prosody; then
  service prosody stop >/dev/null 2>&1 || true
fi

for package in "${missing[@]}"; do
  if ! is_installed "$package"; then
    echo "$instruction ($package still missing after apt-get)"
    exit 1
  fi
done
