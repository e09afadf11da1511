#!/usr/bin/env bash
# Server throughput (server.cached_rps, server.cached_p99_ms, server.uncached_rps): starts the example server's demo
# (embedded PostgreSQL, simulated tenancy, demo user) from its fat jar with the per-token rate limit raised, then runs
#   wrk -t2 -c32 -d20s  with the demo user's Bearer token against GET /dashboard/{user_id} on loopback,
# once served from the cache and once with force_refresh=true on every request. Any non-2xx response fails the run.
#
# Usage (from the project root, after `mvn -B -q package -DskipTests`):
#   bash cloudey-bench/scripts/server-wrk.sh [duration, default 20s]
# Environment: PORT (default 18080), JAVA_OPTS (default -Xmx1g), WRK_THREADS (2), WRK_CONNECTIONS (32).
set -euo pipefail
cd "$(dirname "$0")/../.."

duration="${1:-20s}"
port="${PORT:-18080}"
threads="${WRK_THREADS:-2}"
connections="${WRK_CONNECTIONS:-32}"
jar=$(ls cloudey-server-example/target/cloudey-server-example-*-all.jar 2>/dev/null | head -1 || true)
if [ -z "$jar" ]; then
  echo "no cloudey-server-example/target/*-all.jar: run 'mvn -B -q package -DskipTests' first" >&2
  exit 2
fi
if ! command -v wrk >/dev/null; then
  echo "installing wrk..."
  if [ "$(id -u)" -eq 0 ]; then sudo_cmd=(); else sudo_cmd=(sudo); fi
  ${sudo_cmd[@]+"${sudo_cmd[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -q
  ${sudo_cmd[@]+"${sudo_cmd[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -q wrk
fi

work=$(mktemp -d /tmp/cloudey-server-wrk.XXXXXX)
log="$work/server.log"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "starting the demo server on port $port (data in $work)..."
# a fresh data directory: embedded PostgreSQL, generated key; the scheduler stays on as in the demo
CLOUDEY_DATA_DIR="$work/data" PORT="$port" HOST=127.0.0.1 CLOUDEY_RATE_LIMIT=10000000 LOG_LEVEL=WARN \
  java ${JAVA_OPTS:--Xmx1g} -jar "$jar" >"$log" 2>&1 &
server_pid=$!

token=""
for _ in $(seq 1 600); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "the server stopped:" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  token=$(sed -n 's/^API token of [^:]*: //p' "$log" | tail -1)
  [ -n "$token" ] && break
  sleep 1
done
if [ -z "$token" ]; then
  echo "the demo was not ready after 10 minutes" >&2
  exit 1
fi
base="http://127.0.0.1:$port"
auth="Authorization: Bearer $token"
user_id=$(curl -fsS -H "$auth" "$base/user/demo@cloudey.app" | sed -n 's/.*"user_id":\([0-9]*\).*/\1/p')
echo "demo ready: user $user_id"
curl -fsS -o /dev/null -H "$auth" "$base/dashboard/$user_id" # warm the cache

run() {
  local name=$1 url=$2 out="$work/$1.txt"
  echo
  echo "== $name: wrk -t$threads -c$connections -d$duration --timeout 10s --latency -H 'Authorization: Bearer ...' $url"
  wrk -t"$threads" -c"$connections" -d"$duration" --timeout 10s --latency -H "$auth" "$url" | tee "$out"
  if grep -q "Non-2xx or 3xx responses" "$out"; then
    echo "FAILED: $name had non-2xx responses" >&2
    exit 1
  fi
  if grep -q "Socket errors" "$out"; then
    echo "FAILED: $name had socket errors" >&2
    exit 1
  fi
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p99=$(awk '$1 == "99%" {print $2}' "$out")
  echo "RESULT ${name}_rps=$rps ${name}_p99=$p99"
}

run cached "$base/dashboard/$user_id"
run uncached "$base/dashboard/$user_id?force_refresh=true"
echo
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
