#!/bin/sh
# Runs micro.js under node v20 and gonode in the same run and prints the
# ratio gonode/node per benchmark (> 1 means gonode is faster).
#   bench/modules/run.sh
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/gonode" ./cmd/gonode)
node "$here/micro.js" > "$tmp/node.txt"
"$tmp/gonode" "$here/micro.js" > "$tmp/gonode.txt"
printf '%-22s %14s %14s %8s\n' benchmark node-ops/s gonode-ops/s ratio
while read -r line; do
  name=${line% *}; n=${line##* }
  g=$(grep "^$name " "$tmp/gonode.txt" | awk '{print $NF}')
  awk -v name="$name" -v n="$n" -v g="$g" 'BEGIN { printf "%-22s %14d %14d %8.3f\n", name, n, g, g / n }'
done < "$tmp/node.txt"
