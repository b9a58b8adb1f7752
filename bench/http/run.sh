#!/usr/bin/env bash
# HTTP benchmarks: gonode against Node v20, side by side in one run.
#
#   bench/http/run.sh [rounds] [seconds]
#
# For each target it reports wrk req/s (keep-alive, -t2 -c100) as the best
# and the median of `rounds` interleaved runs (the machine is shared, so
# runs alternate between servers and the best run is the least disturbed),
# and the server's CPU time per request (from /proc, independent of what
# else the machine is doing). Then the talk's `ab -c 100 -n 10000` and the
# 15,000 pending requests of scripts/hello.js (see pending.sh).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
ROUNDS=${1:-5}
SECS=${2:-5}
BIN=$(mktemp -d)/gonode
(cd "$ROOT" && go build -o "$BIN" ./cmd/gonode)
. ../wrk-lib.sh

start node 9201 node hello-modern.js
start modern 9202 "$BIN" hello-modern.js
start 2009 9203 "$BIN" hello-2009.js
NAMES=(node modern 2009)

wrk_rounds "$ROUNDS" http://127.0.0.1: -t2 -c100 -d${SECS}s
echo "== wrk -t2 -c100 -d${SECS}s, $ROUNDS interleaved rounds ($(date -u +%F))"
printf "%-8s %12s %12s %14s\n" target best_req/s median_req/s cpu_us/req
for n in "${NAMES[@]}"; do
  printf "%-8s %12s %12s %14s\n" "$n" "$(echo ${RUNS[$n]} | best)" "$(echo ${RUNS[$n]} | median)" "$(echo ${CPUUS[$n]} | median)"
done
nb=$(echo ${RUNS[node]} | best); nm=$(echo ${RUNS[node]} | median); nc=$(echo ${CPUUS[node]} | median)
for n in modern 2009; do
  awk -v n=$n -v b=$(echo ${RUNS[$n]} | best) -v m=$(echo ${RUNS[$n]} | median) -v c=$(echo ${CPUUS[$n]} | median) -v nb=$nb -v nm=$nm -v nc=$nc \
    'BEGIN{printf "ratio %-7s best %.2fx  median %.2fx  cpu/req %.2fx less\n", n, b/nb, m/nm, nc/c}'
done

echo "== ab -c 100 -n 10000 (a connection per request), best of $ROUNDS"
declare -A AB
for r in $(seq "$ROUNDS"); do
  for n in node 2009 modern; do
    v=$(ab -q -c 100 -n 10000 "http://127.0.0.1:${PORT[$n]}/" 2>/dev/null | awk '/Requests per second/ {print $4} /Failed requests/ {f=$3} END{if (f>0) print "FAILED"}' | head -1)
    AB[$n]+="$v "
  done
done
for n in node 2009 modern; do printf "%-8s best %10s median %10s\n" $n "$(echo ${AB[$n]} | best)" "$(echo ${AB[$n]} | median)"; done
for n in 2009 modern; do
  awk -v n=$n -v b=$(echo ${AB[$n]} | best) -v nb=$(echo ${AB[node]} | best) 'BEGIN{printf "ratio %-7s ab best %.2fx\n", n, b/nb}'
done
