#!/usr/bin/env bash
# Idle WebSocket connections and one broadcast: gonode vs Node v20 + ws,
# both running scripts/chat.js (the same file), one after the other in the
# same run, measured by the same Go load tool (bench/ws/load).
#
#   bash bench/ws/run.sh [clients]        (default 15000)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-15000}
ulimit -n 20000
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

go build -o "$work/gonode" ./cmd/gonode
go build -o "$work/load" ./bench/ws/load
(cd "$work" && npm install ws@8 --no-audit --no-fund --silent >/dev/null)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

run_one() { # name cmd...
  local name=$1; shift
  local port; port=$(free_port)
  PORT=$port NODE_PATH="$work/node_modules" "$@" scripts/chat.js "$port" >"$work/$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do
    grep -q "chat: " "$work/$name.log" 2>/dev/null && break
    sleep 0.1
  done
  "$work/load" -name "$name" -url "ws://127.0.0.1:$port/chat" -pid "$pid" -n "$N" | tee "$work/$name.json"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  sleep 2
}

echo "clients: $N   $(date -u +%FT%TZ)   $(node --version)   $(go version | cut -d' ' -f3)"
run_one gonode "$work/gonode"
run_one node node

python3 - "$work/gonode.json" "$work/node.json" <<'PY'
import json, sys
g = json.load(open(sys.argv[1])); n = json.load(open(sys.argv[2]))
print()
print("| | gonode | Node v20 + ws | gonode / Node |")
print("|---|---|---|---|")
def row(label, k, fmt="{:.2f}"):
    a, b = g[k], n[k]
    r = (a / b) if b else float('nan')
    print(f"| {label} | {fmt.format(a)} | {fmt.format(b)} | {r:.2f} |")
row("clients connected", "connected", "{}")
row("server RSS per idle connection (KB)", "per_conn_kb")
row("server RSS with all idle (KB)", "rss_idle_kb", "{}")
row("first broadcast received by", "received", "{}")
row("broadcast p50 latency (ms, median of 9 rounds)", "p50_ms")
row("broadcast p99 latency (ms, median of 9 rounds)", "p99_ms")
row("broadcast max latency (ms, median of 9 rounds)", "max_ms")
row("server CPU per broadcast (ms)", "server_cpu_ms_per_broadcast")
row("connect time for all (s)", "connect_secs")
PY
