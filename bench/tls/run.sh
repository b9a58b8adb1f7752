#!/usr/bin/env bash
# TLS benchmarks: gonode against Node v20, side by side in one run.
#
#   bench/tls/run.sh [rounds] [seconds]
#
# 1. https hello world under wrk (keep-alive, -t2 -c50): best and median
#    req/s of `rounds` interleaved runs, and server CPU time per request.
# 2. tls-pipe.js: 64 MiB through a TLS connection, server and client in
#    one process (hyperfine).
# 3. ws-echo.js: 5000 sequential round trips with npm's ws, ws:// and
#    wss:// (hyperfine; ws is installed from npm into a temp folder).
# A throw-away self-signed certificate is made with openssl.
set -euo pipefail
cd "$(dirname "$0")"
HERE=$(pwd)
ROOT=$(cd ../.. && pwd)
ROUNDS=${1:-3}
SECS=${2:-5}
TMP=$(mktemp -d)
BIN=$TMP/gonode
(cd "$ROOT" && go build -o "$BIN" ./cmd/gonode)
export CERTS=$TMP
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$TMP/key.pem" \
  -out "$TMP/cert.pem" -days 2 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$TMP"; }
trap cleanup EXIT

declare -A PID PORT
start() { # name port cmd...
  local name=$1 port=$2; shift 2
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "port $port is busy" >&2; exit 1; fi
  "$@" "$port" >/dev/null 2>&1 &
  PID[$name]=$!
  PORT[$name]=$port
  PIDS+=($!)
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
}
cpu() { awk '{print $14+$15}' /proc/$1/stat; }
HZ=$(getconf CLK_TCK)
best() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -1; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

start node 9301 node "$HERE/https-hello.js"
start gonode 9302 "$BIN" "$HERE/https-hello.js"
NAMES=(node gonode)
declare -A RUNS CPUUS
for r in $(seq "$ROUNDS"); do
  for n in "${NAMES[@]}"; do
    c0=$(cpu ${PID[$n]})
    out=$(wrk -t2 -c50 -d${SECS}s "https://127.0.0.1:${PORT[$n]}/")
    c1=$(cpu ${PID[$n]})
    RUNS[$n]+="$(echo "$out" | awk '/Requests\/sec/ {print $2}') "
    reqs=$(echo "$out" | awk '/requests in/ {print $1}')
    CPUUS[$n]+="$(awk -v c=$((c1-c0)) -v hz=$HZ -v q=$reqs 'BEGIN{printf "%.1f", c/hz*1e6/q}') "
  done
done
echo "== https hello, wrk -t2 -c50 -d${SECS}s, $ROUNDS interleaved rounds ($(date -u +%F))"
printf "%-8s %12s %12s %12s\n" target best_req/s median_req/s cpu_us/req
for n in "${NAMES[@]}"; do
  printf "%-8s %12s %12s %12s\n" "$n" "$(echo ${RUNS[$n]} | best)" "$(echo ${RUNS[$n]} | median)" "$(echo ${CPUUS[$n]} | median)"
done
awk -v g="$(echo ${RUNS[gonode]} | median)" -v n="$(echo ${RUNS[node]} | median)" \
  -v gc="$(echo ${CPUUS[gonode]} | median)" -v nc="$(echo ${CPUUS[node]} | median)" \
  'BEGIN{printf "gonode/node: req/s %.2fx, cpu per request %.2fx\n", g/n, gc/nc}'

echo
echo "== tls-pipe.js 64 MiB"
hyperfine -w 1 -r 5 -N "node $HERE/tls-pipe.js 64" "$BIN $HERE/tls-pipe.js 64" 2>&1 | grep -E "Time|±|faster|Benchmark|^ +[0-9.]+ ± "

echo
echo "== ws-echo.js 5000 round trips (npm ws)"
(cd "$TMP" && npm install --no-audit --no-fund --no-package-lock --loglevel=error ws@8.18.0 >/dev/null)
cp "$HERE/ws-echo.js" "$TMP/"
for mode in ws wss; do
  hyperfine -w 1 -r 5 -N "node $TMP/ws-echo.js 5000 $mode" "$BIN $TMP/ws-echo.js 5000 $mode" 2>&1 | grep -E "Time|faster|Benchmark|^ +[0-9.]+ ± "
done
