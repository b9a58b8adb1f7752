#!/bin/sh
# Regenerates the module table for docs/compatibility.md: runs list.js under
# node v20 and gonode (built from this tree) and prints the markdown.
#   docs/compat/gen.sh > /tmp/table.md
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/gonode" ./cmd/gonode)
node "$here/list.js" > "$tmp/node.json" 2>/dev/null
"$tmp/gonode" "$here/list.js" > "$tmp/gonode.json"
node "$here/gen.js" "$tmp/node.json" "$tmp/gonode.json"
