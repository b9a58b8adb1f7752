#!/usr/bin/env bash
# One broadcast to every client of a room spread over several processes
# sharing one Redis, against the same room in a single process:
#
#   bash bench/redis/run.sh [PROCS] [CLIENTS_PER_PROC] [ROUNDS]   (default 4 10000 3)
#
# Servers run bench/redis/server.js (scripts/chat/room.js with RedisBus or
# LocalBus, broadcast over WebSocket); gonode and, when npm can install ws
# and redis@3, Node v20 with the same file. Each server gets its own load
# process (bench/redis/load) holding CLIENTS_PER_PROC clients (this machine
# allows ~20,000 open files per process). A sender client on the first
# server sends ROUNDS messages 2 s apart; every client records each one's
# delay. Prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
P=${1:-4}
PER=${2:-10000}
ROUNDS=${3:-3}
ulimit -n 20000 2>/dev/null || true
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

go build -o "$work/gonode" ./cmd/gonode
go build -o "$work/load" ./bench/redis/load
NODE_OK=0
if command -v node >/dev/null && (cd "$work" && npm install ws@8 redis@3 --no-audit --no-fund --silent >/dev/null 2>&1); then NODE_OK=1; fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
RPORT=$(free_port)
redis-server --port "$RPORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$work" --loglevel warning >"$work/redis.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do redis-cli -p "$RPORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
REDIS=redis://127.0.0.1:$RPORT

# run_case NAME PROCS REDIS_URL|"" CMD...
run_case() {
  local name=$1 procs=$2 url=$3; shift 3
  local spids=() lpids=() ports=()
  redis-cli -p "$RPORT" flushall >/dev/null
  for i in $(seq 1 "$procs"); do
    local port; port=$(free_port)
    REDIS_URL=$url NODE_PATH="$work/node_modules" "$@" bench/redis/server.js "$port" >"$work/$name.s$i.log" 2>&1 &
    spids+=($!); ports+=("$port")
  done
  for i in $(seq 1 "$procs"); do
    for _ in $(seq 100); do grep -q "bench server on" "$work/$name.s$i.log" 2>/dev/null && break; sleep 0.1; done
  done
  for i in $(seq 1 "$procs"); do
    "$work/load" -url "ws://127.0.0.1:${ports[$((i-1))]}/" -n "$PER" -rounds "$ROUNDS" -out "$work/$name.l$i.lat" >"$work/$name.l$i.log" 2>&1 &
    lpids+=($!)
  done
  for i in $(seq 1 "$procs"); do
    for _ in $(seq 1200); do grep -q "^connected" "$work/$name.l$i.log" 2>/dev/null && break; sleep 0.1; done
  done
  "$work/load" -send -url "ws://127.0.0.1:${ports[0]}/" -rounds "$ROUNDS" -gap 2s
  for p in "${lpids[@]}"; do wait "$p" || true; done
  for p in "${spids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  python3 - "$name" "$procs" "$PER" "$ROUNDS" "$work" <<'PY'
import sys, glob, json
name, procs, per, rounds, work = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
lats = []
for f in glob.glob(f"{work}/{name}.l*.lat"):
    lats += [float(x) for x in open(f).read().split()]
lats.sort()
conn = 0
for f in glob.glob(f"{work}/{name}.l*.log"):
    for line in open(f):
        if line.startswith("{"): conn += json.loads(line)["connected"]
pct = lambda p: lats[min(len(lats) - 1, int(p * len(lats)))] if lats else float('nan')
json.dump({"name": name, "procs": procs, "clients": conn, "received": len(lats), "expected": conn * rounds,
           "p50": pct(0.5), "p99": pct(0.99), "max": pct(1.0)}, open(f"{work}/{name}.json", "w"))
print(f"{name}: {conn} clients, {len(lats)}/{conn*rounds} deliveries, p50 {pct(0.5):.1f} ms, p99 {pct(0.99):.1f} ms, max {pct(1.0):.1f} ms", file=sys.stderr)
PY
  sleep 2
}

echo "procs $P x $PER clients, $ROUNDS rounds   $(date -u +%FT%TZ)   $(node --version 2>/dev/null)   $(go version | cut -d' ' -f3)   $(redis-server --version | cut -d' ' -f3)" >&2
run_case gonode-1-local 1 "" "$work/gonode"
run_case gonode-1-redis 1 "$REDIS" "$work/gonode"
run_case gonode-$P-redis "$P" "$REDIS" "$work/gonode"
if [ "$NODE_OK" = 1 ]; then
  run_case node-1-local 1 "" node
  run_case node-1-redis 1 "$REDIS" node
  run_case node-$P-redis "$P" "$REDIS" node
fi

python3 - "$work" "$P" "$PER" <<'PY'
import json, sys, os
work, P, per = sys.argv[1], sys.argv[2], sys.argv[3]
def get(n):
    f = f"{work}/{n}.json"
    return json.load(open(f)) if os.path.exists(f) else None
print()
print("| setup | clients | deliveries | p50 (ms) | p99 (ms) | max (ms) | p99 vs Node, same setup |")
print("|---|---|---|---|---|---|---|")
for g, n, label in [("gonode-1-local", "node-1-local", "1 process, in-process room"),
                    ("gonode-1-redis", "node-1-redis", "1 process, room on Redis"),
                    (f"gonode-{P}-redis", f"node-{P}-redis", f"{P} processes, room on Redis")]:
    for who, key in (("gonode", g), ("Node v20 + ws + redis@3", n)):
        r = get(key) if key else None
        if not r: continue
        other = get(n) if who == "gonode" and n else None
        ratio = f"{r['p99'] / other['p99']:.2f}" if other and other['p99'] else ""
        print(f"| {who}: {label} | {r['clients']} | {r['received']}/{r['expected']} | {r['p50']:.1f} | {r['p99']:.1f} | {r['max']:.1f} | {ratio} |")
PY
