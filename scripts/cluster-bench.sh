#!/usr/bin/env bash
# What splitting a study costs: one shard's process, and merging N shards, measured with
# /usr/bin/time (wall seconds and peak resident memory of each process). Prints Markdown tables.
#
#   scripts/cluster-bench.sh [--scenario NAME] [--shards "8 32"] [--reps "1000 20000"]
#
# (a) one shard: `accords run SCENARIO --reps R --shard 0/1 --threads 1` for each R: the fixed cost
#     of a task (JVM start, loading, writing) and the cost per replication.
# (b) merge: N shards of R = N x 10 replications, then `accords merge`, for each N: linear in N?
# (c) merge: 8 shards of small and large R: flat in replications?
# Everything is written under a temporary folder, removed at the end.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scenario=baseline
shards_list="8 32"
reps_list="1000 20000"
while [ $# -gt 0 ]; do
  case "$1" in
    --scenario) scenario="$2"; shift 2 ;;
    --shards) shards_list="$2"; shift 2 ;;
    --reps) reps_list="$2"; shift 2 ;;
    *) echo "usage: $0 [--scenario NAME] [--shards \"8 32\"] [--reps \"1000 20000\"]" >&2; exit 2 ;;
  esac
done
command -v /usr/bin/time >/dev/null || { echo "cluster-bench: needs /usr/bin/time (Debian package time)" >&2; exit 2; }
accords="$repo/accords"
"$accords" --version >/dev/null   # builds the jar once, outside the timings
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# runs a command, prints "wall_seconds cpu_seconds peak_MB" (CPU time, user + system, is what a
# busy machine inflates least)
measure() {
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null
  awk '{printf "%.2f %.2f %.0f", $1, $2 + $3, $4 / 1024}' "$work/time"
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "Machine: $(nproc) CPUs, load average $(load) at the start"
echo

echo "## One shard ($scenario, 1 thread)"
echo
echo "| replications | wall s | CPU s | peak MB |"
echo "|---:|---:|---:|---:|"
for r in $reps_list; do
  read -r s c m <<<"$(measure "$accords" run "$scenario" --reps "$r" --shard 0/1 --threads 1 --quiet --out "$work/one-$r")"
  echo "| $r | $s | $c | $m |"
done

merge_row() { # N R label
  local n="$1" r="$2" k
  for k in $(seq 0 $((n - 1))); do
    "$accords" run "$scenario" --reps "$r" --shard "$k/$n" --threads 1 --quiet --out "$work/s-$n-$r/$k-of-$n"
  done
  read -r s c m <<<"$(measure "$accords" merge "$work/s-$n-$r" --out "$work/m-$n-$r" --quiet)"
  echo "| $n | $r | $s | $c | $m |"
  rm -rf "$work/s-$n-$r" "$work/m-$n-$r"
}

echo
echo "## Merge (whole process: JVM start, reading every shard, writing the folder with its charts)"
echo
echo "| shards | replications | wall s | CPU s | peak MB |"
echo "|---:|---:|---:|---:|---:|"
for n in $shards_list; do merge_row "$n" $((n * 10)); done
last=""; for r in $reps_list; do last="$r"; done
merge_row 8 80
merge_row 8 "$last"
echo
echo "Load average $(load) at the end."
