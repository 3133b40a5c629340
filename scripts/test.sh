#!/usr/bin/env bash
# Runs every test in the solution: unit, integration and browser tests. README and CI call this one command.
set -euo pipefail
cd "$(dirname "$0")/.."

# The browser tests drive the system Chromium (Playwright's own browser download is not used) and fail without it.
if [[ ! -x /usr/bin/chromium ]]; then
  if [[ "$(id -u)" == "0" ]]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  else
    echo "warning: /usr/bin/chromium is missing and this is not root; the browser tests will fail (apt-get install chromium)" >&2
  fi
fi

dotnet test Digest.sln -c Release "$@"
