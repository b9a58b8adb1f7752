#!/usr/bin/env bash
# TLS benchmarks: gonode against Node v20, side by side in one run.
#
#   bench/tls/run.sh [rounds] [seconds]
#
# 1. https hello world under wrk (keep-alive, -t2 -c50): best and median
#    req/s of `rounds` interleaved runs, and server CPU time per request.
# 2. tls-pipe.js: 64 MiB through a TLS connection, server and client in
#    one process (hyperfine).
# 3. tls-pingpong.js: 20000 sequential small round trips over one TLS
#    connection, server and client in one process (hyperfine).
# 4. ws-echo.js: 5000 sequential round trips with npm's ws, ws:// and
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
. ../wrk-lib.sh
trap 'cleanup; rm -rf "$TMP"' EXIT

start node 9301 node "$HERE/https-hello.js"
start gonode 9302 "$BIN" "$HERE/https-hello.js"
NAMES=(node gonode)
wrk_rounds "$ROUNDS" https://127.0.0.1: -t2 -c50 -d${SECS}s
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
echo "== tls-pingpong.js 20000 round trips (small writes)"
hyperfine -w 1 -r 5 -N "node $HERE/tls-pingpong.js 20000" "$BIN $HERE/tls-pingpong.js 20000" 2>&1 | grep -E "Time|±|faster|Benchmark|^ +[0-9.]+ ± "

echo
echo "== ws-echo.js 5000 round trips (npm ws)"
(cd "$TMP" && npm install --no-audit --no-fund --no-package-lock --loglevel=error ws@8.18.0 >/dev/null)
cp "$HERE/ws-echo.js" "$TMP/"
for mode in ws wss; do
  hyperfine -w 1 -r 5 -N "node $TMP/ws-echo.js 5000 $mode" "$BIN $TMP/ws-echo.js 5000 $mode" 2>&1 | grep -E "Time|faster|Benchmark|^ +[0-9.]+ ± "
done
