#!/bin/sh
# Wall time and peak memory (max RSS) of the CE v2 conformance suite on the release binary, at --jobs 1 and --jobs 2.
# Usage: scripts/bench-conform.sh [BUILD.js] [RUNS]   (defaults: sdk-js/ce.js, 3 runs per job count)
# Needs GNU time (/usr/bin/time -v; `apt-get install time`). Prints one line per run, then the best wall time and the
# largest RSS per job count. `cargo bench --features bench-internals --bench perf -- suite` measures the same without
# GNU time.
set -eu
cd "$(dirname "$0")/.."
SDK="${1:-sdk-js/ce.js}"
RUNS="${2:-3}"
cargo build --release --quiet
BIN=target/release/sdkhost
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
for jobs in 1 2; do
  best=""
  peak=0
  i=1
  while [ "$i" -le "$RUNS" ]; do
    /usr/bin/time -v "$BIN" conform --sdk "$SDK" --jobs "$jobs" --format json --out /dev/null 2>"$LOG" || {
      echo "the suite failed on $SDK:" >&2; cat "$LOG" >&2; exit 1; }
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$LOG" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$LOG")
    echo "jobs=$jobs run=$i wall_s=$wall max_rss_kib=$rss"
    if [ -z "$best" ] || awk "BEGIN { exit !($wall < $best) }"; then best=$wall; fi
    if [ "$rss" -gt "$peak" ]; then peak=$rss; fi
    i=$((i + 1))
  done
  echo "jobs=$jobs best_wall_s=$best max_rss_mib=$(awk "BEGIN { printf \"%.1f\", $peak / 1024 }")"
done
