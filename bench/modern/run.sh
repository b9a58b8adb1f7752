#!/usr/bin/env bash
# Buffer/JSON round-trips of a chat message and a 100 MiB stream pipe,
# gonode against Node v20 in the same run. Each case runs ROUNDS times per
# runtime, alternating, and the best of each is compared (the machine is
# shared; the best run is the least disturbed one).
#   bench/modern/run.sh            # SECS=2 ROUNDS=3 MIB=100
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/gonode" ./cmd/gonode
SECS=${SECS:-2} ROUNDS=${ROUNDS:-3} MIB=${MIB:-100}
for r in $(seq "$ROUNDS"); do
  for rt in node "$out/gonode"; do
    name=$([ "$rt" = node ] && echo node || echo gonode)
    "$rt" bench/modern/chat_roundtrip.js "$SECS" | sed "s/^/$name /" >>"$out/results"
    "$rt" bench/modern/stream_pipe.js "$MIB" | sed "s/^/$name /" >>"$out/results"
  done
done
python3 - "$out/results" <<'PY'
import sys, collections
best = collections.defaultdict(float)
for line in open(sys.argv[1]):
    rt, case, v = line.split()
    best[(rt, case)] = max(best[(rt, case)], float(v))
cases = ["json", "buffer", "buffer_base64", "json_buffer", "stream_pipe_MiBps"]
units = {"stream_pipe_MiBps": "MiB/s"}
print(f"{'case':<20}{'node':>14}{'gonode':>14}{'gonode/node':>13}")
for c in cases:
    n, g = best[("node", c)], best[("gonode", c)]
    u = units.get(c, "ops/s")
    print(f"{c:<20}{n:>12.0f} {u[0]:1}{g:>12.0f} {u[0]:1}{g/n:>12.3f}")
print("(higher is better; o = ops/s, M = MiB/s)")
PY
