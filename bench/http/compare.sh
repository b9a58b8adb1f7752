#!/usr/bin/env bash
# A/B: two gonode binaries (say, main before and after a change) and Node
# v20 on the hello servers, interleaved in one run, so a change's cost is
# measured on the same machine at the same time.
#
#   bench/http/compare.sh BEFORE_BIN AFTER_BIN [rounds] [seconds]
#   S1=echo-data.js S2=echo-pipe.js WRKARGS="-s post.lua" bench/http/compare.sh ...
#
# S1 and S2 (default hello-modern.js and hello-2009.js) are the two server
# scripts; node runs S1 (and S2 too when S2 is not a 2009 script).
# Reports wrk req/s (best, median) and the server's CPU µs per request
# (from /proc: independent of what else the machine is doing).
set -euo pipefail
cd "$(dirname "$0")"
A=$1 B=$2 ROUNDS=${3:-5} SECS=${4:-5}
. ../wrk-lib.sh
S1=${S1:-hello-modern.js} S2=${S2:-hello-2009.js} WRKARGS=${WRKARGS:-}
start node 9301 node "$S1"
start s1-A 9302 "$A" "$S1"
start s1-B 9303 "$B" "$S1"
start s2-A 9304 "$A" "$S2"
start s2-B 9305 "$B" "$S2"
NAMES=(node s1-A s1-B s2-A s2-B)
if [ "$S2" != hello-2009.js ]; then start node2 9306 node "$S2"; NAMES+=(node2); fi
wrk_rounds "$ROUNDS" http://127.0.0.1: -t2 -c100 -d${SECS}s $WRKARGS
echo "== wrk -t2 -c100 -d${SECS}s $WRKARGS, $ROUNDS interleaved rounds ($(date -u +%FT%RZ)); S1=$S1 S2=$S2 A=$A B=$B"
printf "%-9s %12s %12s %11s %10s %10s\n" target best_req/s median_req/s cpu_us/req best/node cpu/node
nb=$(echo ${RUNS[node]} | best); nc=$(echo ${CPUUS[node]} | median)
for n in "${NAMES[@]}"; do
  b=$(echo ${RUNS[$n]} | best); c=$(echo ${CPUUS[$n]} | median)
  awk -v n=$n -v b=$b -v m=$(echo ${RUNS[$n]} | median) -v c=$c -v nb=$nb -v nc=$nc \
    'BEGIN{printf "%-9s %12s %12s %11s %9.2fx %9.2fx\n", n, b, m, c, b/nb, nc/c}'
done
