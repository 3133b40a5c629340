#!/usr/bin/env python3
"""Writes a JSON Lines corpus of N papers for the page benchmark, by varying the papers of a seed file.

Each output paper takes a seed paper's text with a new arXiv id, a date spread over 2019-2025, a digest day for
some, and shuffled authors, so facets and dates look like a real index of that size.
usage: make-corpus.py SEED.jsonl N OUT.jsonl
"""
import json
import random
import sys

seed_path, count, out_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(42)
seeds = []
with open(seed_path, encoding="utf-8") as seed:
    for line in seed:
        line = line.strip()
        if line:
            try:
                seeds.append(json.loads(line))
            except json.JSONDecodeError:
                pass
authors = sorted({a for p in seeds for a in (p.get("authors") or [])})
with open(out_path, "w", encoding="utf-8") as out:
    for i in range(count):
        base = seeds[i % len(seeds)]
        year = 2019 + (i * 7919) % 7
        month = 1 + (i * 104729) % 12
        day = 1 + (i * 31) % 28
        paper = {
            "arxiv_id": f"{year % 100:02d}{month:02d}.{i % 100000:05d}",
            "title": base.get("title", "Untitled") + ("" if i < len(seeds) else f" ({i // len(seeds)})"),
            "abstract": base.get("abstract", ""),
            "authors": random.sample(authors, k=min(len(authors), random.randint(1, 6))) if authors else [],
            "published": f"{year}-{month:02d}-{day:02d}",
            "categories": base.get("categories") or ["cs.LG"],
        }
        if i % 20 == 0:
            paper["digest_days"] = [f"{year}-{month:02d}-{day:02d}"]
        if i % 4 == 0:
            paper["code_urls"] = [f"https://github.com/example/repo{i}"]
        out.write(json.dumps(paper) + "\n")
