#!/usr/bin/env bash
# Java Lucene 4.10's plain indexing of the same papers Digest ingests, for the ingest benchmark's comparison.
#   benchmarks/java-lucene.sh [CORPUS.jsonl|DIR-OF-PARTS] [PAPERS]     default: papers-dev.jsonl, all papers
# Installs Debian's liblucene4.10-java when missing (as root), converts the JSON Lines to TSV (not timed: this measures
# indexing only, with 2 threads, English analysis, author and category facets as doc values), compiles and runs
# java-lucene/IndexPapers.java. Digest's figure to compare is `ingest` (benchmarks: ingest), which also parses,
# validates, merges, files topics and stores in SQLite.
set -euo pipefail
cd "$(dirname "$0")"
SOURCE="${1:-/work/shared/data/papers-dev.jsonl}"
LIMIT="${2:-0}"
JARS=/usr/share/java/lucene-core-4.10.4.jar:/usr/share/java/lucene-analyzers-common-4.10.4.jar
if [[ ! -f /usr/share/java/lucene-core-4.10.4.jar ]]; then
  [[ "$(id -u)" = "0" ]] || { echo "needs liblucene4.10-java: sudo apt-get install liblucene4.10-java" >&2; exit 2; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq liblucene4.10-java >/dev/null
fi
WORK="$(mktemp -d /tmp/java-lucene.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
python3 - "$SOURCE" "$LIMIT" "$WORK/papers.tsv" <<'PY'
import json, os, sys
source, limit, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
files = sorted(os.path.join(source, f) for f in os.listdir(source)) if os.path.isdir(source) else [source]
clean = lambda s: (s or "").replace("\t", " ").replace("\n", " ").replace("|", " ")
count = 0
with open(out, "w", encoding="utf-8") as tsv:
    for path in files:
        for line in open(path, encoding="utf-8"):
            if not line.strip(): continue
            p = json.loads(line)
            day = (p.get("published") or "").replace("-", "")
            tsv.write("\t".join([clean(p.get("id") or p.get("arxiv_id")), clean(p.get("title")), clean(p.get("abstract")),
                                 "|".join(clean(a) for a in p.get("authors") or []), "|".join(clean(c) for c in p.get("categories") or []), day]) + "\n")
            count += 1
            if limit and count >= limit: break
        if limit and count >= limit: break
print(f"{count:,} papers converted to TSV")
PY
javac -cp "$JARS" -d "$WORK" java-lucene/IndexPapers.java
java -Xmx2g -cp "$JARS:$WORK" IndexPapers "$WORK/papers.tsv" "$WORK/index"
echo "index size: $(du -sm "$WORK/index" | cut -f1) MB"
