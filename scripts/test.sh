#!/usr/bin/env bash
# Runs every test: unit, integration (real SQLite, Lucene and web host) and browser tests (real Chromium).
# The browser tests need Debian's chromium; as root this installs it when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The browser tests need /usr/bin/chromium: sudo apt-get install chromium" >&2
    exit 2
  fi
fi

dotnet test Digest.sln -c Release "$@"
