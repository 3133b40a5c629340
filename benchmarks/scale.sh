#!/usr/bin/env bash
# The app at the scale of arXiv: a realistic corpus of PAPERS papers, imported with the CLI and measured end to end.
#   benchmarks/scale.sh PAPERS          e.g. 1000000 or 2700000 (on a quiet machine; develop at 50000 or less)
# Measures, and prints as a Markdown table plus raw lines:
#   corpus   generating it (the benchmarks' corpus verb, from papers-dev.jsonl)
#   import   the CLI ingest: wall time, CPU time, peak RSS; store (digest.db + wal) and index size
#   start    cold start: process start to the first answered /api/search; RSS at rest
#   latency  /api/search p50/p99 over benchmarks/scale/queries.tsv (150 keyword, 150 questions), one at a time after a warm-up pass
#   facets   the cost of facet counting with millions of distinct authors (what the API offers to compare)
#   wrk      full /search pages per second under wrk (2 threads, 8 connections) and the app's RSS under that load
#   verbs    topics reassign, export, backup and reindex with the CLI (the app stopped first: they share the data dir)
# DIGEST_BENCH_CORPUS=PATH keeps the corpus there (a folder of part-NNNN.jsonl) and reuses it when it exists (or a file).
# DIGEST_BENCH_DATA=DIR keeps the data directory there and reuses it when it holds a store (skips the import).
# DIGEST_BENCH_SKIP=corpus,import,... skips parts (start is needed by latency, facets and wrk; corpus by import).
# DIGEST_BENCH_WARMUP (10s) and DIGEST_BENCH_DURATION (20s): wrk's warm-up and measurement.
# DIGEST_BENCH_SEMANTIC=1 keeps the semantic index on (it then embeds the whole corpus in the background meanwhile).
# DIGEST_BENCH_DROP_CACHES=1 drops the page cache before the cold start (root; the whole machine's cache).
set -euo pipefail
cd "$(dirname "$0")/.."
PAPERS="${1:?usage: benchmarks/scale.sh PAPERS}"
# shellcheck source=benchmarks/app-at-scale.sh
source benchmarks/app-at-scale.sh

skip() { [[ ",${DIGEST_BENCH_SKIP:-}," == *",$1,"* ]]; }
OUT="$WORK/out.txt"
log() { tee -a "$OUT"; }
rss_mb() { awk -v key="$1:" '$1 == key { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status"; }
# A missing file (no -wal after a checkpoint) counts as 0.
bytes_mb() { { du -cb "$@" 2>/dev/null || true; } | awk 'END { printf "%.0f", $1 / 1048576 }'; }
CLI=(dotnet "$WORK/app/Digest.Web.dll")
command -v wrk >/dev/null || skip wrk || { echo "wrk is missing: apt-get install -y wrk (or DIGEST_BENCH_SKIP=wrk)" >&2; exit 1; }

# wrk is one client with 8 connections, and the latency client asks hundreds of searches in a row: the per-client
# limits (1 search at a time, a share of search time per second) would answer them 429 and measure refusals.
export Digest__Search__MaxConcurrentPerClient=8
export Digest__Search__MaxConcurrent=8
export Digest__Search__ClientSearchTimePerSecond=00:00:00
# The semantic index embeds every paper in the background once the app runs (at 2.7M papers a backlog of days on two
# cores), which would share the CPU with every figure here: off unless DIGEST_BENCH_SEMANTIC=1.
[[ -n "${DIGEST_BENCH_SEMANTIC:-}" ]] || export Digest__Semantic__Enabled=false
echo "# scale benchmark: $PAPERS papers, $(nproc) cores, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)" | log

publish_app
use_data_dir
CORPUS="${DIGEST_BENCH_CORPUS:-$WORK/corpus}"
if [[ -f "$Digest__DataDirectory/digest.db" ]]; then
  echo "== reusing the data in $Digest__DataDirectory (no corpus, no import)" | log
else
  if ! skip corpus && [[ ! -f "$CORPUS" ]] && ! compgen -G "$CORPUS/part-*.jsonl" > /dev/null; then
    echo "== corpus: $PAPERS papers into $CORPUS"
    dotnet build -c Release benchmarks/Digest.Benchmarks --nologo -v quiet
    # Parts of 100,000 papers (about 185 MB): the app takes files up to 256 MB by default.
    python3 benchmarks/scale/measure.py "corpus generation" "$WORK/corpus.log" -- \
      dotnet benchmarks/Digest.Benchmarks/bin/Release/net10.0/Digest.Benchmarks.dll corpus --papers "$PAPERS" --part-papers 100000 --out "$CORPUS" --data "$SEED" | log
    grep -E '^(wrote|authors|categories|code links|papers per year)' "$WORK/corpus.log" | sed 's/^/raw: corpus: /' | log
  fi
  if ! skip import; then
    echo "== import (CLI ingest of $(bytes_mb "$CORPUS") MB)"
    python3 benchmarks/scale/measure.py "import (CLI ingest)" "$WORK/ingest.log" -- "${CLI[@]}" ingest "$CORPUS" | log
    tail -n 4 "$WORK/ingest.log" | sed 's/^/raw: ingest: /' | log
    store=$(bytes_mb "$Digest__DataDirectory"/digest.db "$Digest__DataDirectory"/digest.db-wal)
    index=$(bytes_mb "$Digest__DataDirectory/index")
    echo "raw: store (digest.db + wal) $store MB, index $index MB" | log
    echo "| store (digest.db + wal) / index size | $store MB / $index MB |" | log
  fi
fi

if ! skip start; then
  if [[ -n "${DIGEST_BENCH_DROP_CACHES:-}" ]]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
  echo "== cold start on 127.0.0.1:$PORT"
  started_ns=$(date +%s%N)
  launch_app
  cold=$(python3 benchmarks/scale/client.py first-search "$BASE_URL" "$started_ns") || { cat "$WORK/app.log"; exit 1; }
  # The app's CPU time by then holds on a busy machine too, where the wall clock mostly waits for a core.
  cold_cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$APP_PID/stat")
  echo "raw: cold start: process start to the first 200 of /api/search: $cold s, app CPU by then $cold_cpu s; RSS then $(rss_mb VmRSS) MB" | log
  echo "| cold start to the first answered search (wall / app CPU) | $cold s / $cold_cpu s |" | log
  wait_for_app
  sleep 5
  echo "raw: RSS at rest (ready, 5 s after the first search): $(rss_mb VmRSS) MB" | log
  echo "| RSS at rest | $(rss_mb VmRSS) MB |" | log

  if ! skip latency; then
    echo "== /api/search latency, one query at a time"
    python3 benchmarks/scale/client.py latency "$BASE_URL" benchmarks/scale/queries.tsv | log
    echo "raw: RSS after the query passes: $(rss_mb VmRSS) MB" | log
  fi
  if ! skip facets; then
    echo "== facet counting"
    python3 benchmarks/scale/client.py facets "$BASE_URL" 20 | log
  fi
  if ! skip wrk; then
    python3 benchmarks/search-pages/make-urls.py "$WORK/urls.txt"
    echo "== wrk warm-up (${DIGEST_BENCH_WARMUP:-10s})"
    DIGEST_URLS="$WORK/urls.txt" wrk -t2 -c8 -d"${DIGEST_BENCH_WARMUP:-10s}" -s benchmarks/search-pages/urls.lua "$BASE_URL" > /dev/null
    # RSS sampled five times a second while wrk runs; the largest sample is the figure.
    echo 0 > "$WORK/rss-max"
    ( max=0; while [[ -d /proc/$APP_PID ]]; do
        rss=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
        (( rss > max )) && max=$rss && echo "$max" > "$WORK/rss-max"
        sleep 0.2
      done ) &
    sampler=$!
    ticks_before=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
    echo "== wrk: 2 threads, 8 connections, ${DIGEST_BENCH_DURATION:-20s}"
    DIGEST_URLS="$WORK/urls.txt" wrk -t2 -c8 -d"${DIGEST_BENCH_DURATION:-20s}" --latency -s benchmarks/search-pages/urls.lua "$BASE_URL" > "$WORK/wrk.txt"
    ticks_after=$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat")
    kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
    grep -E '^(pages|requests/s|latency)' "$WORK/wrk.txt" | sed 's/^/raw: wrk: /' | log
    pages=$(awk '/^pages:/ { sub(",", "", $2); print $2 }' "$WORK/wrk.txt")
    per_second=$(awk '/^requests\/s:/ { print $2 }' "$WORK/wrk.txt")
    p99=$(awk '/^latency p99:/ { print $3 }' "$WORK/wrk.txt")
    cpu_ms=$(awk -v p="$pages" -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", 1000 * t / hz / (p > 0 ? p : 1) }')
    echo "raw: wrk: app CPU $cpu_ms ms per page; RSS max under load $(( $(cat "$WORK/rss-max") / 1024 )) MB, peak since start (VmHWM) $(rss_mb VmHWM) MB" | log
    echo "| full /search pages under wrk (2 threads, 8 connections) | $per_second pages/s, p99 $p99 ms, $cpu_ms ms app CPU per page |" | log
    echo "| RSS under load (max sample) / peak since start | $(( $(cat "$WORK/rss-max") / 1024 )) MB / $(rss_mb VmHWM) MB |" | log
  fi
  stop_app
fi

if ! skip verbs; then
  echo "== CLI verbs (app stopped)"
  python3 benchmarks/scale/measure.py "topics reassign" "$WORK/topics.log" -- "${CLI[@]}" topics reassign | log
  python3 benchmarks/scale/measure.py "export" "$WORK/export.log" -- "${CLI[@]}" export --out "$WORK/export.jsonl" | log
  echo "raw: export: $(bytes_mb "$WORK/export.jsonl") MB" | log
  rm -f "$WORK/export.jsonl"
  python3 benchmarks/scale/measure.py "backup" "$WORK/backup.log" -- "${CLI[@]}" backup --out "$WORK/backup" | log
  echo "raw: backup: $(bytes_mb "$WORK/backup") MB" | log
  rm -rf "$WORK/backup"
  python3 benchmarks/scale/measure.py "reindex" "$WORK/reindex.log" -- "${CLI[@]}" reindex | log
  cat "$WORK/topics.log" "$WORK/reindex.log" | sed 's/^/raw: cli: /' | log
fi

echo
echo "## Digest at $PAPERS papers ($(nproc) cores; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
echo
echo "| measure | value |"
echo "| --- | --- |"
grep '^| ' "$OUT"
echo
grep -v '^| ' "$OUT"
