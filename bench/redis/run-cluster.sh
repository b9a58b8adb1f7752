#!/usr/bin/env bash
# Start N chat processes sharing one Redis, on one machine:
#
#   bench/redis/run-cluster.sh [N] [BASE_PORT]        (defaults: 4, 8081)
#
# Uses REDIS_URL if set; otherwise starts a private redis-server (no
# persistence) on a free port and stops it at the end. Process i listens on
# BASE_PORT+i-1; open any of them in a browser: they are one room.
# GONODE (default: go run-built ./gonode) selects the binary. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-4}
BASE=${2:-8081}
GONODE=${GONODE:-}
if [ -z "$GONODE" ]; then
  GONODE=$(mktemp -d)/gonode
  go build -o "$GONODE" ./cmd/gonode
fi
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

if [ -z "${REDIS_URL:-}" ]; then
  command -v redis-server >/dev/null || { echo "redis-server not found (apt-get install -y redis-server)"; exit 1; }
  RPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  RDIR=$(mktemp -d)
  redis-server --port "$RPORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$RDIR" --loglevel warning >"$RDIR/redis.log" 2>&1 &
  pids+=($!)
  REDIS_URL=redis://127.0.0.1:$RPORT
  for _ in $(seq 50); do redis-cli -p "$RPORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
fi
echo "redis: $REDIS_URL"
ulimit -n 20000 2>/dev/null || true
for i in $(seq 1 "$N"); do
  port=$((BASE + i - 1))
  "$GONODE" scripts/chat.js "$port" --redis "$REDIS_URL" &
  pids+=($!)
done
echo "$N chat processes on ports $BASE..$((BASE + N - 1)); Ctrl-C stops them"
wait
