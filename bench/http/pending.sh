#!/usr/bin/env bash
# scripts/hello.js itself with 15,000 requests pending at once (each waits
# for its 2 s timer), against Node v20 running the same server in today's
# vocabulary (hello-delay.js). Reports failures and server memory per
# pending request. gonode's side needs port 8000 free (hello.js is the
# talk's script, verbatim, and listens on 8000).
#
#   bench/http/pending.sh [n]
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
N=${1:-15000}
TMP=$(mktemp -d)
(cd "$ROOT" && go build -o "$TMP/gonode" ./cmd/gonode && go build -o "$TMP/pending" ./bench/http/pending)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
waitport() { for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return; sleep 0.1; done; }

echo "== gonode scripts/hello.js, $N pending ($(date -u +%F))"
"$TMP/gonode" "$ROOT/scripts/hello.js" >/dev/null 2>&1 & PIDS+=($!); G=$!
waitport 8000
"$TMP/pending" -addr 127.0.0.1:8000 -pid $G -n "$N"
kill $G

echo "== node hello-delay.js, $N pending"
node hello-delay.js 9299 >/dev/null 2>&1 & PIDS+=($!); P=$!
waitport 9299
"$TMP/pending" -addr 127.0.0.1:9299 -pid $P -n "$N"
