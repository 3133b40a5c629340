#!/usr/bin/env python3
"""Prints the four Lighthouse category scores of each report, and the audits that cost points.

usage: scores.py REPORT.json...   (each named PAGE.THEME.json)
"""
import json
import os
import sys

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
rows, failures = [], []
for path in sys.argv[1:]:
    name = os.path.basename(path)[: -len(".json")]
    page, theme = name.rsplit(".", 1)
    report = json.load(open(path, encoding="utf-8"))
    scores = [report["categories"][c]["score"] for c in CATEGORIES]
    rows.append((page, theme, [round(100 * s) if s is not None else None for s in scores]))
    for category in CATEGORIES[1:]:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                failures.append(f"{page} ({theme}) {category}: {audit['id']} — {audit['title']}")

width = max(len(r[0]) for r in rows) if rows else 4
print(f"{'page':<{width}}  theme  perf  a11y  best  seo")
for page, theme, scores in rows:
    print(f"{page:<{width}}  {theme:<5}  " + "  ".join(f"{s if s is not None else '-':>4}" for s in scores))
lowest = min((s for _, _, scores in rows for s in scores if s is not None), default=None)
print(f"lowest score: {lowest}")
for line in failures:
    print("  " + line)
