# Shared by the wrk-driven benchmarks (bench/http/run.sh, compare.sh,
# body.sh, bench/tls/run.sh): servers on fixed ports, wrk against them in
# interleaved rounds (the machine is shared: alternating spreads the
# noise), the server's CPU per request from /proc, best and median.
# Source it after `set -euo pipefail`. It traps EXIT to kill the servers
# it started; a script with more to clean up replaces the trap and calls
# cleanup itself.

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

declare -A PID PORT RUNS CPUUS

# start NAME PORT CMD...: runs CMD PORT in the background and waits until
# the port answers.
start() {
  local name=$1 port=$2; shift 2
  if (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "port $port is busy" >&2; exit 1; fi
  "$@" "$port" >/dev/null 2>&1 &
  PID[$name]=$!; PORT[$name]=$port; PIDS+=($!)
  for _ in $(seq 50); do (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null && break; sleep 0.1; done
}

cpu() { awk '{print $14+$15}' /proc/$1/stat; } # utime+stime in clock ticks
HZ=$(getconf CLK_TCK)

# wrk_rounds ROUNDS URL_PREFIX WRK_ARGS...: ROUNDS times, for each server
# in NAMES, wrk WRK_ARGS URL_PREFIX<port>/; appends the req/s to RUNS[name]
# and the server's CPU µs per request to CPUUS[name].
wrk_rounds() {
  local rounds=$1 prefix=$2 r n c0 c1 out reqs; shift 2
  for r in $(seq "$rounds"); do
    for n in "${NAMES[@]}"; do
      c0=$(cpu "${PID[$n]}")
      out=$(wrk "$@" "$prefix${PORT[$n]}/")
      c1=$(cpu "${PID[$n]}")
      RUNS[$n]+="$(echo "$out" | awk '/Requests\/sec/ {print $2}') "
      reqs=$(echo "$out" | awk '/requests in/ {print $1}')
      CPUUS[$n]+="$(awk -v c=$((c1-c0)) -v hz="$HZ" -v q="$reqs" 'BEGIN{printf "%.1f", c/hz*1e6/q}') "
    done
  done
}

best() { tr ' ' '\n' | grep -v '^$' | sort -g | tail -1; }
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
