#!/usr/bin/env bash
# Request bodies: a 1 KiB POST echoed with 'data'/'end' (echo-data.js) and
# with req.pipe(res) (echo-pipe.js, stream state per request), gonode
# against Node v20, interleaved in one run.
#
#   bench/http/body.sh [rounds] [seconds] [gonode-binary]
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
ROUNDS=${1:-3}
SECS=${2:-5}
BIN=${3:-}
if [ -z "$BIN" ]; then BIN=$(mktemp -d)/gonode; (cd "$ROOT" && go build -o "$BIN" ./cmd/gonode); fi
. ../wrk-lib.sh
start node-data 9401 node echo-data.js
start gonode-data 9402 "$BIN" echo-data.js
start node-pipe 9403 node echo-pipe.js
start gonode-pipe 9404 "$BIN" echo-pipe.js
NAMES=(node-data gonode-data node-pipe gonode-pipe)
wrk_rounds "$ROUNDS" http://127.0.0.1: -t2 -c100 -d${SECS}s -s post.lua
echo "== 1 KiB POST echo, wrk -t2 -c100 -d${SECS}s -s post.lua, $ROUNDS interleaved rounds ($(date -u +%FT%RZ))"
printf "%-12s %12s %12s %11s\n" target best_req/s median_req/s cpu_us/req
for n in "${NAMES[@]}"; do
  printf "%-12s %12s %12s %11s\n" $n "$(echo ${RUNS[$n]} | best)" "$(echo ${RUNS[$n]} | median)" "$(echo ${CPUUS[$n]} | median)"
done
for m in data pipe; do
  awk -v m=$m -v b=$(echo ${RUNS[gonode-$m]} | best) -v nb=$(echo ${RUNS[node-$m]} | best) \
    -v c=$(echo ${CPUUS[gonode-$m]} | median) -v nc=$(echo ${CPUUS[node-$m]} | median) \
    'BEGIN{printf "ratio %-5s best %.2fx  cpu/req %.2fx less\n", m, b/nb, nc/c}'
done
