#!/usr/bin/env bash
# End-to-end check of the container image: build, run with a volume, wait for /readyz, ingest through
# `exec ... digest ingest` and through POST /api/ingest, restart, and check that the papers survived, that search
# (or the status API) finds them, and that the app does not run as root. Prints a summary and the image size.
#
#   usage: scripts/docker-smoke.sh [--engine docker|podman] [--network host] [--port N] [--ca-bundle FILE] [--keep]
#
# The engine is auto-detected: docker when its daemon answers, else podman. With podman, the flags printed by
# offline-dotnet-images.sh --env are used when that tool is found (set OFFLINE_IMAGES_TOOL to its path).
# --network host: for machines without a container network (the app then listens on --port on the host).
# --ca-bundle FILE (podman): a CA bundle mounted into the build, for networks whose HTTPS proxy has its own root
#   certificate (default with podman: $SSL_CERT_FILE, else the host's /etc/ssl/certs/ca-certificates.crt). The
#   Dockerfile itself stays unchanged.
set -euo pipefail

engine="" network="" port=18080 keep=no ca_bundle=""
while [ $# -gt 0 ]; do
  case "$1" in
    --engine) engine=$2; shift 2 ;;
    --network) network=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --keep) keep=yes; shift ;;
    --ca-bundle) ca_bundle=$2; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

started=$(date +%s)
cd "$(dirname "$0")/.."

if [ -z "$engine" ]; then
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then engine=docker
  elif command -v podman >/dev/null; then engine=podman
  else echo "neither a docker daemon nor podman is available" >&2; exit 2
  fi
fi
engine_flags=()
build_flags=()
if [ "$engine" = podman ]; then
  # The OCI image format has no HEALTHCHECK; the docker format keeps it.
  build_flags+=(--format docker)
  tool=${OFFLINE_IMAGES_TOOL:-/work/shared/tools/offline-dotnet-images.sh}
  if [ -f "$tool" ]; then
    eval "$(bash "$tool" --env | grep '^export ')"
    engine_flags=(--storage-driver vfs --runtime /usr/sbin/runc)
    # vfs copies the whole file system for every cached layer; one commit per stage is much faster here.
    build_flags+=(--pull=never --layers=false)
  fi
  # The host's trust store goes into the build: a network whose HTTPS proxy has its own root certificate is trusted
  # by the host but not by the stand-in base image. Without SSL_CERT_FILE (a CI environment), the system bundle.
  ca_bundle=${ca_bundle:-${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}}
  if [ -n "$ca_bundle" ] && [ -f "$ca_bundle" ]; then build_flags+=(-v "$ca_bundle:/etc/ssl/certs/ca-certificates.crt:ro"); fi
fi
ce() { "$engine" "${engine_flags[@]}" "$@"; }

name=digest-smoke-$$
volume=$name-data
image=localhost/digest:smoke
key=smoke-test-key-0123456789
run_flags=(-e "Digest__IngestApiKey=$key" -e Digest__SeedSampleDigest=false -e "Digest__IndexSyncInterval=00:00:01")
net_flags=()
if [ "$network" = host ]; then
  net_flags=(--network host)
  build_flags+=(--network host)
  run_flags+=(--network host -e "ASPNETCORE_HTTP_PORTS=$port")
else
  run_flags+=(-p "127.0.0.1:$port:8080")
fi
base=http://127.0.0.1:$port

results=()
failures=0
check() { # description, then a command that must succeed
  local what=$1; shift
  if "$@"; then results+=("PASS  $what"); else results+=("FAIL  $what"); failures=$((failures + 1)); fi
}
cleanup() {
  if [ "$keep" = no ]; then
    ce rm -f -t 5 "$name" >/dev/null 2>&1 || true
    ce volume rm -f "$volume" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

wait_ready() { # waits up to 120 s for /readyz to answer 200
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null --max-time 2 "$base/readyz" 2>/dev/null; then return 0; fi
    if [ "$(ce inspect -f '{{.State.Running}}' "$name" 2>/dev/null)" != true ]; then ce logs "$name" 2>&1 | tail -30; return 1; fi
    sleep 0.5
  done
  ce logs "$name" 2>&1 | tail -30
  return 1
}
status_papers() { curl -fsS --max-time 5 "$base/api/status" | jq -r .papers; }

echo "== engine: $engine ${engine_flags[*]}"
echo "== building $image"
build_started=$(date +%s)
ce build "${build_flags[@]}" -t "$image" . >/tmp/"$name"-build.log 2>&1 || { tail -40 /tmp/"$name"-build.log; exit 1; }
build_seconds=$(( $(date +%s) - build_started ))

echo "== starting $name (volume $volume)"
ce volume create "$volume" >/dev/null
ce run -d --name "$name" "${run_flags[@]}" -v "$volume:/data" "$image" >/dev/null 2>&1
check "app became ready (/readyz 200)" wait_ready
check "/healthz answers ok" test "$(curl -fsS --max-time 2 "$base/healthz")" = ok
check "healthcheck verb in the image exits 0" ce exec "$name" digest healthcheck
check "image declares the HEALTHCHECK" sh -c "$engine ${engine_flags[*]} image inspect -f '{{json .Config.Healthcheck}}' $image | grep -q healthcheck"
if [ "$engine" = podman ]; then
  # Runs the image's HEALTHCHECK command as the engine would (podman schedules it through systemd, absent here).
  check "HEALTHCHECK command reports healthy" sh -c "$engine ${engine_flags[*]} healthcheck run $name 2>/dev/null"
else
  healthy() { for _ in $(seq 1 90); do [ "$(ce inspect -f '{{.State.Health.Status}}' "$name")" = healthy ] && return 0; sleep 1; done; return 1; }
  check "container reports healthy" healthy
fi

echo "== ingesting through exec and through HTTP"
paper() { # arxiv id, title
  printf '{"arxiv_id": "%s", "title": "%s", "abstract": "An abstract about %s that is long enough to be the real abstract of a research paper.", "authors": ["Smoke Tester"], "published": "2025-06-01", "categories": ["cs.LG"]}\n' "$1" "$2" "$2"
}
{ paper 2506.00001 "Quokka transformers for smoke tests"; paper 2506.00002 "Wombat attention"; paper 2506.00003 "Echidna retrieval"; } |
  ce exec -i "$name" sh -c 'cat > /data/smoke.jsonl'
check "exec ingest /data/smoke.jsonl exits 0" ce exec "$name" digest ingest /data/smoke.jsonl
http_code=$({ paper 2506.00004 "Platypus diffusion"; paper 2506.00005 "Kangaroo scaling laws"; } |
  curl -sS -o /tmp/"$name"-ingest.json -w '%{http_code}' -H "X-Api-Key: $key" -H 'Content-Type: application/x-ndjson' --data-binary @- "$base/api/ingest")
check "POST /api/ingest with the API key answers 200" test "$http_code" = 200
check "POST /api/ingest without the key is refused (401)" test "$(curl -sS -o /dev/null -w '%{http_code}' --data-binary 'x' "$base/api/ingest")" = 401
check "5 papers before restart" test "$(status_papers)" = 5

echo "== the first admin, bootstrapped with exec"
jar=/tmp/"$name"-cookies.txt
rm -f "$jar"
invite_out=$(ce exec "$name" digest users invite admin@lab.example --admin 2>&1 || true)
link_path=$(printf '%s' "$invite_out" | grep -o '/signin/link?token=[A-Za-z0-9_-]*' | head -1)
check "users invite --admin prints a sign-in link" test -n "$link_path"
signin_page=$(curl -sS -c "$jar" -b "$jar" "$base$link_path" || true)
antiforgery=$(printf '%s' "$signin_page" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1)
token=${link_path#*token=}
signin_code=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$antiforgery" --data-urlencode "token=$token" "$base/signin/link" || true)
check "the link's button signs in (302)" test "$signin_code" = 302
check "the signed-in admin opens /admin (200)" test "$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" "$base/admin")" = 200
check "signed out, /admin redirects to sign-in (302)" test "$(curl -sS -o /dev/null -w '%{http_code}' "$base/admin")" = 302

echo "== backup while running"
backup_out=$(ce exec "$name" digest backup --out /data/backups 2>/dev/null || true)
backup_db=$(printf '%s' "$backup_out" | grep -o '/data/backups/digest-[0-9-]*\.db' | head -1)
check "backup verb writes a .db and a .jsonl" test -n "$backup_db"
check "restore of a .db is refused while the app runs" sh -c "! $engine ${engine_flags[*]} exec $name digest restore $backup_db >/dev/null 2>&1"

echo "== stopping (SIGTERM) and starting again"
stop_started=$(date +%s)
ce stop -t 45 "$name" >/dev/null 2>&1
stop_seconds=$(( $(date +%s) - stop_started ))
check "stopped gracefully on SIGTERM (exit code 0, not killed)" test "$(ce inspect -f '{{.State.ExitCode}}' "$name")" = 0
check "restore of the .db backup with the app stopped" ce run --rm "${net_flags[@]}" -v "$volume:/data" "$image" restore "$backup_db"
ce start "$name" >/dev/null 2>&1
check "app ready again after restart" wait_ready
check "5 papers after restart (store on the volume)" test "$(status_papers)" = 5
sleep 2 # the index sync runs every second
check "index in step with the store" test "$(curl -fsS "$base/api/status" | jq '.index.documents')" = 5
check "the admin's session survived the restart (store and keys on the volume)" test "$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" "$base/admin")" = 200
search_code=$(curl -sS -o /tmp/"$name"-search.json -w '%{http_code}' "$base/api/search?q=quokka" || true)
if [ "$search_code" = 200 ]; then
  check "search finds the paper ingested through exec" grep -qi quokka /tmp/"$name"-search.json
else
  ce exec "$name" digest stats >/tmp/"$name"-stats.txt 2>&1 || true
  check "stats verb shows 5 papers (no /api/search in this build)" grep -q 'Papers: 5 ' /tmp/"$name"-stats.txt
fi
uid=$(ce exec "$name" id -u)
check "process is not root (uid $uid)" test "$uid" != 0
check "/data is owned by the app user" test "$(ce exec "$name" stat -c %u /data)" = "$uid"

size_bytes=$(ce image inspect -f '{{.Size}}' "$image")
total_seconds=$(( $(date +%s) - started ))
echo
echo "== summary ($engine)"
printf '%s\n' "${results[@]}"
echo "image: $image, $((size_bytes / 1024 / 1024)) MB"
echo "times: build ${build_seconds}s, graceful stop ${stop_seconds}s, total ${total_seconds}s"
if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed"; ce logs "$name" 2>&1 | tail -40; exit 1; fi
echo "all checks passed"
