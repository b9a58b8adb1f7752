#!/bin/sh
# TCP echo throughput and connection rate: gonode (net and the 2009 tcp
# module) vs Node v20's net echo server, alternating in the same run.
# Usage: bench/tcp/run.sh [rounds] [seconds-per-measurement]
set -e
cd "$(dirname "$0")/../.."
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
go build -o "$TMP/gonode" ./cmd/gonode
go build -o "$TMP/load" ./bench/tcp/load
echo "$(date -u +%Y-%m-%dT%H:%MZ) $(node --version) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$TMP/load" -mode compare -gonode "$TMP/gonode" -dir bench/tcp -rounds "${1:-3}" -d "${2:-3}s"
