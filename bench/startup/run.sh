#!/usr/bin/env bash
# Startup time: `gonode -e ''` against `node -e ''`, measured in the same run
# by hyperfine (apt-get install -y hyperfine). Prints both means and the ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/gonode" ./cmd/gonode
hyperfine --warmup 10 --runs "${RUNS:-100}" -N --export-json "$out/startup.json" \
  "$out/gonode -e ''" "node -e ''" >/dev/null
python3 - "$out/startup.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
g, n = r[0]["mean"] * 1000, r[1]["mean"] * 1000
print(f"gonode -e '': {g:.2f} ms (±{r[0]['stddev']*1000:.2f})")
print(f"node -e '':   {n:.2f} ms (±{r[1]['stddev']*1000:.2f})")
print(f"gonode/node time ratio: {g/n:.3f} (target <= 0.5)")
PY
