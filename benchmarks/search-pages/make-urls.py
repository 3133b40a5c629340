#!/usr/bin/env python3
"""Writes the 274 realistic /search URLs (paths) the page benchmarks replay with wrk (search-pages.sh, scale.sh).

Thirty queries under nine filter and sort combinations, plus a few browsing pages.
usage: make-urls.py OUT.txt
"""
import itertools
import sys
import urllib.parse

words = ["learning", "language models", "diffusion", "reinforcement learning", "graph neural networks", "transformer",
         "robot", "segmentation", "\"large language models\"", "reasoning", "retrieval", "federated", "quantization",
         "speech", "detection", "agents", "optimization", "benchmark", "privacy", "time series", "attention",
         "fine-tuning", "contrastive", "video", "medical", "3D", "policy", "energy", "sparse", "title:survey"]
filters = ["", "&year=2024", "&category=cs.LG", "&code=1", "&year=2023&year=2024", "&category=cs.CV&code=1",
           "&sort=newest", "&page=2", "&from=2022-01-01&to=2023-12-31"]
paths = []
for word, extra in itertools.product(words, filters):
    paths.append("/search?q=" + urllib.parse.quote_plus(word) + extra)
paths += ["/search", "/search?year=2025", "/search?category=cs.CL&sort=oldest", "/search?code=1&page=3"]
open(sys.argv[1], "w").write("\n".join(paths) + "\n")
print(len(paths), "urls")
