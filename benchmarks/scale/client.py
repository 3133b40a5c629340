#!/usr/bin/env python3
"""The HTTP side of scale.sh: one request at a time, each timed on the client (urllib, a fresh connection each, as a
browser's first request would be).

usage:
  client.py first-search BASE_URL START_NS        waits for the first 200 of /api/search; prints seconds since START_NS
  client.py latency BASE_URL queries.tsv          a warm-up pass, then p50/p90/p99 per kind (keyword, question)
  client.py facets BASE_URL [ROUNDS]              the same searches with and without facet work (see below)
Lines it prints that start with "| " are rows for scale.sh's summary table. The API returns no timing of its own (no
Server-Timing header, no field), so the latencies are the client's: request sent to answer read, on 127.0.0.1.
"""
import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def get(base, path):
    """Milliseconds, status and parsed JSON (or None) of one GET."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:
            body = response.read()
            status = response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    elapsed = (time.perf_counter() - started) * 1000
    try:
        parsed = json.loads(body) if status == 200 else None
    except ValueError:
        parsed = None
    return elapsed, status, parsed


def search_path(query, extra=""):
    return "/api/search?q=" + urllib.parse.quote_plus(query) + extra


def percentile(values, p):
    """Nearest rank: the smallest value with at least p% of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(-(-p * len(ordered) // 100)) - 1))]


def first_search(base, start_ns):
    deadline = time.time() + 600
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(base + search_path("robot learning"), timeout=30) as response:
                if response.status == 200:
                    response.read()
                    print(f"{(time.time_ns() - int(start_ns)) / 1e9:.2f}")
                    return 0
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.02)
    print("never", file=sys.stderr)
    return 1


def latency(base, queries_path):
    queries = {}
    with open(queries_path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip() and not line.startswith("#"):
                kind, query = line.rstrip("\n").split("\t", 1)
                queries.setdefault(kind, []).append(query)
    # Warm-up: every query once (JIT, caches of the index files), not measured.
    for kind in queries:
        for query in queries[kind]:
            get(base, search_path(query))
    for kind, items in queries.items():
        times, failures, hits = [], 0, []
        for query in items:
            elapsed, status, body = get(base, search_path(query))
            times.append(elapsed)
            if status != 200:
                failures += 1
            elif body is not None:
                hits.append(body.get("total", 0))
        hits.sort()
        print(f"raw: /api/search {kind}: {len(times)} queries, p50 {percentile(times, 50):.1f} ms, p90 {percentile(times, 90):.1f} ms, "
              f"p99 {percentile(times, 99):.1f} ms, max {max(times):.1f} ms, mean {sum(times) / len(times):.1f} ms, non-200 {failures}, "
              f"median hits {hits[len(hits) // 2] if hits else 0:,}")
        print(f"| /api/search p50 / p99, {kind} ({len(times)}, sequential) | {percentile(times, 50):.1f} / {percentile(times, 99):.1f} ms |")
    return 0


def facets(base, rounds):
    """The API counts every facet (topic, category, year, code, author) in every search; it has no switch to leave
    one out. What it offers to compare: browsing everything (counts kept by the index reader, nothing counted), a
    filter that matches many papers (all facets counted over its hits, the author facet among millions of values),
    queries of many and of few hits, and the same queries with the most frequent author selected (a selected facet
    is counted drill-sideways, as if it were not selected)."""
    _, _, body = get(base, "/api/search?q=learning")
    authors = (body or {}).get("facets", {}).get("author", [])
    top_author = authors[0]["value"] if authors else None
    cases = [("browse everything (kept counts)", "/api/search"),
             ("filter year=2025 (counted)", "/api/search?year=2025"),
             ("filter category=cs.RO (counted)", "/api/search?category=cs.RO")]
    for query in ["learning", "robot", "language models", "segmentation"]:
        cases.append((f"q={query}", search_path(query)))
        if top_author:
            cases.append((f"q={query} & author selected", search_path(query, "&author=" + urllib.parse.quote_plus(top_author))))
    print(f"raw: facets: most frequent author among hits of 'learning': {top_author}")
    for label, path in cases:
        for _ in range(3):
            get(base, path)
        times = []
        for _ in range(rounds):
            elapsed, status, body = get(base, path)
            times.append(elapsed)
        total = (body or {}).get("total", 0)
        author_values = len((body or {}).get("facets", {}).get("author", []))
        print(f"raw: facets: {label}: {total:,} hits, p50 {percentile(times, 50):.1f} ms, p90 {percentile(times, 90):.1f} ms over {rounds} ({author_values} author values returned)")
        print(f"| facets: {label}, {total:,} hits | {percentile(times, 50):.1f} ms (p50 of {rounds}) |")
    return 0


if __name__ == "__main__":
    verb = sys.argv[1] if len(sys.argv) > 1 else ""
    if verb == "first-search" and len(sys.argv) == 4:
        sys.exit(first_search(sys.argv[2], sys.argv[3]))
    if verb == "latency" and len(sys.argv) == 4:
        sys.exit(latency(sys.argv[2], sys.argv[3]))
    if verb == "facets" and len(sys.argv) in (3, 4):
        sys.exit(facets(sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else 20))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
