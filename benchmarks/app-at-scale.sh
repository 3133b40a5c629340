# Sourced by the page benchmarks (search-pages.sh, lighthouse.sh, scale.sh); not run on its own.
#   start_app_at_scale PAPERS
#   (its steps, for scripts that time them: publish_app, use_data_dir, launch_app, wait_for_app; stop_app)
#   sign_in_admin EMAIL         (after the start) sets COOKIE to a signed-in admin's session and JAR to its cookie jar
# Builds Release, generates a PAPERS-paper corpus from papers-dev.jsonl (search-pages/make-corpus.py), ingests it with
# the app's CLI into a data directory, starts the app on 127.0.0.1:$PORT and waits until its index is in step with
# the store. Sets WORK (a temporary directory), APP_PID and BASE_URL; on exit the app is stopped and WORK removed.
# DIGEST_BENCH_DATA=DIR keeps the ingested data directory there and reuses it on the next run (skips the ingest).
# DIGEST_SEED=FILE and DIGEST_PORT=PORT change the seed papers and the port. Settings for the app are exported
# Digest__* variables, set by the caller before the call.
SEED="${DIGEST_SEED:-/work/shared/data/papers-dev.jsonl}"
PORT="${DIGEST_PORT:-5187}"
BASE_URL="http://127.0.0.1:$PORT"
WORK="$(mktemp -d /tmp/digest-bench.XXXXXX)"
APP_PID=""
stop_app() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  APP_PID=""
}
stop_app_at_scale() {
  stop_app
  rm -rf "$WORK"
}
trap stop_app_at_scale EXIT

publish_app() {
  echo "== build (Release)"
  dotnet publish src/Digest.Web -c Release -o "$WORK/app" --nologo -v quiet
}

# The app and its CLI read the data directory from these settings.
use_data_dir() {
  export Digest__DataDirectory="${DIGEST_BENCH_DATA:-$WORK/data}"
  export Digest__SeedSampleDigest=false
  export Digest__WatchInbox=false
}

launch_app() {
  # No result cache exists in the app; every request runs the search and renders the page.
  ASPNETCORE_URLS="$BASE_URL" Logging__LogLevel__Default=Warning \
    dotnet "$WORK/app/Digest.Web.dll" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
}

wait_for_app() {
  for _ in $(seq 1 120); do
    curl -fs "$BASE_URL/search?q=learning" -o /dev/null && break
    sleep 1
  done
  curl -fs "$BASE_URL/search?q=learning" -o /dev/null || { cat "$WORK/app.log"; exit 1; }
  # The app indexes what the store holds beyond its index (everything, when the index format changed) before it is ready.
  echo "== waiting for the index to be in step with the store"
  for _ in $(seq 1 600); do
    curl -fs "$BASE_URL/readyz" -o /dev/null && break
    sleep 1
  done
  curl -fs "$BASE_URL/readyz" || { echo "the index did not catch up"; cat "$WORK/app.log"; exit 1; }
  echo
}

start_app_at_scale() {
  local papers="$1"
  publish_app
  use_data_dir
  if [[ -f "$Digest__DataDirectory/digest.db" ]]; then
    echo "== reusing $Digest__DataDirectory"
  else
    echo "== corpus: $papers papers from $SEED"
    python3 benchmarks/search-pages/make-corpus.py "$SEED" "$papers" "$WORK/corpus.jsonl"
    echo "== ingest"
    time dotnet "$WORK/app/Digest.Web.dll" ingest "$WORK/corpus.jsonl" > "$WORK/ingest.log"
    tail -n 3 "$WORK/ingest.log"
  fi

  echo "== start app on 127.0.0.1:$PORT"
  launch_app
  wait_for_app
}

# A session without a browser, as a new admin gets one: the CLI prints a one-time link, its page's form (antiforgery
# cookie and token) posts it back, and the answer sets the digest_session cookie. Callers send "Cookie: $COOKIE".
form_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | cut -d'"' -f6; }
sign_in_admin() {
  local email="$1" link token session
  JAR="$WORK/cookies.txt"
  link=$(dotnet "$WORK/app/Digest.Web.dll" users invite "$email" --admin | grep -o '/signin/link?token=[^ ]*')
  token=$(curl -fs -c "$JAR" -b "$JAR" "$BASE_URL$link" | form_token)
  curl -fs -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "token=${link#*token=}" \
    --data-urlencode "__RequestVerificationToken=$token" "$BASE_URL/signin/link"
  session=$(awk '$6 == "digest_session" { print $7 }' "$JAR")
  [[ -n "$session" ]] || { echo "signing in gave no digest_session cookie" >&2; exit 1; }
  COOKIE="digest_session=$session"
}
