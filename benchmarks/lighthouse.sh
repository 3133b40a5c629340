#!/usr/bin/env bash
# Lighthouse scores (performance, accessibility, best practices, SEO) and Nu HTML checker errors of the main pages
# at 100k papers, in the light and the dark theme.
#   benchmarks/lighthouse.sh [PAPERS]     default: 100000 papers
# Starts the app as search-pages.sh does (benchmarks/app-at-scale.sh; DIGEST_BENCH_DATA=DIR reuses an ingest), installs
# lighthouse 12.2.3 and vnu-jar 26.9.27 into DIGEST_TOOLS (default ~/.cache/digest-bench/tools) when missing, and runs
# Lighthouse (its default: a simulated mid-range phone) with Debian's chromium against /, a search, a paper, /topics,
# a topic, /digests, a digest day, /trending (day, week and month of the latest digest day) and /signin, then, as a
# signed-in admin with a few saved papers, /account, /saved, /submit, /admin, a paper and a search (they show the
# reader's buttons and the curator tools). Target: >= 95 in every category, no vnu errors.
# Needs node/npm, java (apt-get install -y default-jre-headless) and chromium (CHROME_PATH, default /usr/bin/chromium).
# Run it on a quiet machine: performance is measured in wall time, and the load average is printed before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
PAPERS="${1:-100000}"
TOOLS="${DIGEST_TOOLS:-$HOME/.cache/digest-bench/tools}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
# shellcheck source=benchmarks/app-at-scale.sh
source benchmarks/app-at-scale.sh

command -v npm >/dev/null || { echo "npm is missing" >&2; exit 1; }
command -v java >/dev/null || { echo "java is missing: apt-get install -y default-jre-headless" >&2; exit 1; }
[[ -x "$CHROME_PATH" ]] || { echo "no chromium at $CHROME_PATH: apt-get install -y chromium" >&2; exit 1; }
LIGHTHOUSE="$TOOLS/node_modules/.bin/lighthouse"
VNU="$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar"
if [[ ! -x "$LIGHTHOUSE" || ! -f "$VNU" ]] \
   || ! grep -q '"version": "12.2.3"' "$TOOLS/node_modules/lighthouse/package.json" \
   || ! grep -q '"version": "26.9.27"' "$TOOLS/node_modules/vnu-jar/package.json"; then
  echo "== installing lighthouse 12.2.3 and vnu-jar 26.9.27 into $TOOLS"
  # Lighthouse 13 needs Node 22; 12.2.3 runs on this machine's Node 20. vnu-jar's own Java download is not needed.
  mkdir -p "$TOOLS" && (cd "$TOOLS" && npm i -E lighthouse@12.2.3 vnu-jar@26.9.27 --no-audit --no-fund --ignore-scripts)
fi

# Lighthouse loads one page at a time from one address, as a reader does: the per-client search time budget
# (meant for floods) would still refuse some of its back-to-back loads.
export Digest__Search__ClientSearchTimePerSecond=00:00:00
# A fresh store embeds every paper in the background (minutes of both cores at 100k): that would measure the embedder,
# not the pages. Pages search lexically until it is done, as they do here.
export Digest__Semantic__Enabled=false
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start_app_at_scale "$PAPERS"

echo "== pages"
paper=$(curl -fs "$BASE_URL/api/search?q=diffusion" | python3 -c 'import json,sys; print(json.load(sys.stdin)["results"][0]["url"].split("?")[0])')
topic=$(curl -fs "$BASE_URL/topics" | grep -o 'href="/topics/[^"]*"' | head -n 1 | cut -d'"' -f2)
day=$(curl -fs "$BASE_URL/digests" | grep -o 'href="/digests/[^"]*"' | head -n 1 | cut -d'"' -f2)
latest="${day##*/}"
PAGES=(/ "/search?q=diffusion+models&category=cs.LG" "$paper" /topics "$topic" /digests "$day"
  "/trending?period=day&date=$latest" "/trending?period=week&date=$latest" "/trending?period=month&date=$latest" /signin)
printf '  %s\n' "${PAGES[@]}"

echo "== signing in"
sign_in_admin lighthouse@example.org
# A reading list with a few papers, saved through the paper buttons' own form post.
token=$(curl -fs -c "$JAR" -b "$JAR" "$BASE_URL$paper" | form_token)
for id in $(curl -fs "$BASE_URL/api/search?q=transformer" | python3 -c 'import json,sys; print(*[r["id"] for r in json.load(sys.stdin)["results"][:3]])'); do
  curl -fs -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "paper=$id" --data-urlencode "on=true" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE_URL/actions/save"
done
READER_PAGES=(/account /saved /submit /admin "$paper" "/search?q=diffusion+models&category=cs.LG")
printf '  signed in: %s\n' "${READER_PAGES[@]}"

# Lighthouse has no colour-scheme setting: Chromium's own switches set prefers-color-scheme (0 dark, 1 light), and
# --force-dark-mode sets the browser's theme to match. color-scheme.cjs checks the theme the page actually renders.
declare -A THEME_FLAGS=(
  [light]="--headless=new --no-sandbox --blink-settings=preferredColorScheme=1"
  [dark]="--headless=new --no-sandbox --force-dark-mode --blink-settings=preferredColorScheme=0"
)
for theme in light dark; do
  # shellcheck disable=SC2086
  seen=$(NODE_PATH="$TOOLS/node_modules" node benchmarks/lighthouse/color-scheme.cjs "$BASE_URL/" ${THEME_FLAGS[$theme]})
  echo "  $theme theme renders as: $seen"
  [[ "$seen" == "$theme "* ]] || { echo "the $theme flags do not give the $theme theme" >&2; exit 1; }
done

mkdir -p "$WORK/reports" "$WORK/html"
# A report's name: the path without its query, but with the trending period; signed-in pages start with "reader-".
name_of() {
  local n="${2#/}" period=""
  [[ "$2" =~ period=([a-z]+) ]] && period="-${BASH_REMATCH[1]}"
  n="${n%%\?*}"; n="${n//\//-}"; echo "$1${n:-home}$period"
}
# score PREFIX COOKIE PATH...: a Lighthouse report per theme and the HTML for vnu of each path, sending COOKIE if set.
score() {
  local prefix="$1" cookie="$2" path name
  local headers=() curl_cookie=()
  if [[ -n "$cookie" ]]; then headers=(--extra-headers "{\"Cookie\":\"$cookie\"}"); curl_cookie=(-H "Cookie: $cookie"); fi
  shift 2
  for path in "$@"; do
    name=$(name_of "$prefix" "$path")
    for theme in light dark; do
      echo "== lighthouse $prefix$path ($theme)"
      "$LIGHTHOUSE" "$BASE_URL$path" --quiet --output=json --output-path="$WORK/reports/$name.$theme.json" "${headers[@]}" \
        --only-categories=performance,accessibility,best-practices,seo --chrome-flags="${THEME_FLAGS[$theme]}"
    done
    curl -fs "${curl_cookie[@]}" "$BASE_URL$path" -o "$WORK/html/$name.html"
  done
}
score "" "" "${PAGES[@]}"
score reader- "$COOKIE" "${READER_PAGES[@]}"

echo "== scores (Lighthouse 12.2.3, $PAPERS papers)"
python3 benchmarks/lighthouse/scores.py "$WORK"/reports/*.json
echo "== Nu HTML checker (vnu-jar 26.9.27), errors only"
if java -jar "$VNU" --errors-only --format gnu "$WORK"/html/*.html; then echo "no errors in $(( ${#PAGES[@]} + ${#READER_PAGES[@]} )) pages"; else echo "vnu found errors (above)"; fi
if [[ -n "${DIGEST_LIGHTHOUSE_KEEP:-}" ]]; then mkdir -p "$DIGEST_LIGHTHOUSE_KEEP" && cp -r "$WORK/reports" "$WORK/html" "$DIGEST_LIGHTHOUSE_KEEP/"; fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
