#!/usr/bin/env bash
# Compares two trame binaries on one project, alternating them run after run (the machines are
# noisy: alternating spreads the drift over both). Prints the median wall time of each for:
#   fresh    `build` into an empty output folder
#   current  `build` again, the output up to date
#   changed  `build` after 20 posts changed
#   check    `check`
# Usage: benches/compare.sh OLD_BIN NEW_BIN PROJECT [RUNS]   (default 5 runs)
# Put PROJECT (and so its output) on tmpfs (/dev/shm) to measure trame rather than the disk.
set -euo pipefail
old="$1"; new="$2"; project="$3"; runs="${4:-5}"
today=2026-11-24
out="$(mktemp -d -p "$(dirname "$project")")"
trap 'rm -rf "$out"' EXIT

# Each run starts with nothing waiting to be written, so that no run pays for another's writes.
ms() { local s e; sync; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A t
mapfile -t posts < <(find "$project/content/posts" -name '*.md' | sort | head -n 20)
for kind in fresh current changed check; do for b in old new; do t[$kind-$b]=""; done; done
for i in $(seq "$runs"); do
  for b in old new; do
    bin=${!b}
    rm -rf "$out/$b" "$project/.trame"
    t[fresh-$b]+="$(ms "$bin" build --force --quiet --today "$today" --root "$project" --output "$out/$b") "
    t[current-$b]+="$(ms "$bin" build --force --quiet --today "$today" --root "$project" --output "$out/$b") "
  done
  for p in "${posts[@]}"; do printf '\nChangé au tour %s.\n' "$i" >> "$p"; done
  for b in old new; do
    bin=${!b}
    t[changed-$b]+="$(ms "$bin" build --force --quiet --today "$today" --root "$project" --output "$out/$b") "
    t[check-$b]+="$(ms "$bin" check --quiet --today "$today" --root "$project") "
  done
done
printf "%-8s %10s %10s %8s\n" "" "old (ms)" "new (ms)" "new/old"
for kind in fresh current changed check; do
  o=$(tr ' ' '\n' <<<"${t[$kind-old]}" | grep . | median)
  n=$(tr ' ' '\n' <<<"${t[$kind-new]}" | grep . | median)
  printf "%-8s %10s %10s %8s\n" "$kind" "$o" "$n" "$(awk -v a="$n" -v b="$o" 'BEGIN {printf "%.2f", a / b}')"
done
