#!/usr/bin/env bash
# Throughput of full search pages (HTML, facets, snippets) at 100k papers, measured with wrk.
#   benchmarks/search-pages.sh [PAPERS] [DURATION]     defaults: 100000 papers, 30s (after a 40s warm-up)
# Builds Release, generates a corpus from papers-dev.jsonl, ingests it with the app's CLI into a temporary data
# directory, starts the app on 127.0.0.1 and runs wrk (2 threads) over 200+ realistic /search URLs.
# DIGEST_BENCH_DATA=DIR keeps the ingested data directory there and reuses it on the next run (skips the ingest).
# DIGEST_BENCH_WARMUP=DURATION sets the warm-up under load before the measurement.
# DIGEST_BENCH_SIGNED_IN=1 measures the same pages twice, alternating: signed out, then as a signed-in reader (every
# page then loads the reader's session, votes and saves, and draws the upvote and save buttons).
set -euo pipefail
cd "$(dirname "$0")/.."
PAPERS="${1:-100000}"
DURATION="${2:-30s}"
# shellcheck source=benchmarks/app-at-scale.sh
source benchmarks/app-at-scale.sh

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }

# wrk is one client with 8 connections: let all of them search at once (the per-client search limit, 1 by
# default, would answer most of them 429 and the figures would measure refusals).
export Digest__Search__MaxConcurrentPerClient=8
export Digest__Search__MaxConcurrent=8
export Digest__Search__ClientSearchTimePerSecond=00:00:00   # wrk is one address asking for hundreds of pages a second
start_app_at_scale "$PAPERS"

echo "== urls"
python3 benchmarks/search-pages/make-urls.py "$WORK/urls.txt"

if [[ -n "${DIGEST_BENCH_HOLD:-}" ]]; then echo "app running on port $PORT (pid $APP_PID); holding ${DIGEST_BENCH_HOLD}s"; sleep "$DIGEST_BENCH_HOLD"; fi

# Steady state, as a server that has been up a while: the JIT compiles the hot code again, optimised, once it has
# run a while under load. Measured here: the first 25 s of load cost 11.6 ms CPU per page, the next 20 s 4.4 ms.
WARMUP="${DIGEST_BENCH_WARMUP:-40s}"
echo "== warm-up ($WARMUP)"
DIGEST_URLS="$WORK/urls.txt" wrk -t2 -c8 -d"$WARMUP" -s benchmarks/search-pages/urls.lua "http://127.0.0.1:$PORT" > /dev/null

# The app's own CPU time gives a figure that holds on a busy machine too: pages per CPU-second of the app.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
measure() { # LABEL [wrk options...]
  local label="$1"; shift
  local ticks_before ticks_after pages
  ticks_before=$(cpu_ticks)
  echo "== wrk ($label): 2 threads, 8 connections, $DURATION"
  DIGEST_URLS="$WORK/urls.txt" wrk -t2 -c8 -d"$DURATION" --latency "$@" -s benchmarks/search-pages/urls.lua "http://127.0.0.1:$PORT" | tee "$WORK/wrk.txt"
  ticks_after=$(cpu_ticks)
  pages=$(awk '/^pages:/ { sub(",", "", $2); print $2 }' "$WORK/wrk.txt")
  python3 - "$pages" "$ticks_before" "$ticks_after" "$(getconf CLK_TCK)" <<'PY'
import sys
pages, before, after, hz = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
cpu = (after - before) / hz
print(f"app CPU: {cpu:.1f} s for {pages} pages = {1000 * cpu / max(pages, 1):.2f} ms CPU per page; "
      f"{pages / cpu if cpu else 0:.0f} pages per CPU-second (about {2 * pages / cpu if cpu else 0:.0f}/s on 2 idle cores)")
PY
}
if [[ -n "${DIGEST_BENCH_SIGNED_IN:-}" ]]; then
  sign_in_admin pages@example.org
  for round in 1 2; do
    measure "signed out, round $round"
    measure "signed in, round $round" -H "Cookie: $COOKIE"
  done
else
  measure "signed out"
fi
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
