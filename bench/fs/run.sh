#!/bin/sh
# fs.readFile of a 1 MiB file: gonode against node v20, same machine, same
# run. Each form runs ROUNDS times, node and gonode interleaved; the table
# shows the median ops/s of each and the ratio gonode/node (>1: gonode
# faster). Usage: bench/fs/run.sh [N] [ROUNDS]
# GONODE_ENV="GOGC=300" bench/fs/run.sh runs gonode with that environment.
set -e
cd "$(dirname "$0")/../.."
N=${1:-1000}
ROUNDS=${2:-5}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
go build -o "$TMP/gonode" ./cmd/gonode
# 1 MiB of base64 text: valid UTF-8, so the utf8 form decodes real text
head -c 786432 /dev/urandom | base64 -w 100 | head -c 1048576 > "$TMP/1mib.txt"
echo "node $(node --version), gonode $(git rev-parse --short HEAD) ${GONODE_ENV:+($GONODE_ENV) }, $(nproc) cores, N=$N, rounds=$ROUNDS, load: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf '%-10s %12s %12s %8s\n' form node_ops/s gonode_ops/s ratio
for spec in "cb 1" "cb 8" "utf8 1" "sync 1" "promise 1" "promise 8"; do
  set -- $spec
  node bench/fs/readfile.js "$TMP/1mib.txt" "$1" 100 "$2" >/dev/null
  env $GONODE_ENV "$TMP/gonode" bench/fs/readfile.js "$TMP/1mib.txt" "$1" 100 "$2" >/dev/null
  : > "$TMP/n"; : > "$TMP/g"
  r=0
  while [ $r -lt "$ROUNDS" ]; do
    node bench/fs/readfile.js "$TMP/1mib.txt" "$1" "$N" "$2" | awk '{print $2}' >> "$TMP/n"
    env $GONODE_ENV "$TMP/gonode" bench/fs/readfile.js "$TMP/1mib.txt" "$1" "$N" "$2" | awk '{print $2}' >> "$TMP/g"
    r=$((r + 1))
  done
  nops=$(median < "$TMP/n"); gops=$(median < "$TMP/g")
  name=$1; [ "$2" -gt 1 ] && name="$1x$2"
  printf '%-10s %12s %12s %8s\n' "$name" "$nops" "$gops" "$(awk -v g="$gops" -v n="$nops" 'BEGIN{printf "%.2f", g/n}')"
done
