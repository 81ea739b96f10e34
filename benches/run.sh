#!/usr/bin/env bash
# Measures `trame check` and `trame build` on the demo and on a generated project.
# Usage: benches/run.sh [N]   (default 10000 posts). Uses hyperfine when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
big="${TMPDIR:-/tmp}/trame-bench-$n"
cargo build --release --quiet --bin trame --example generate
rm -rf "$big"
target/release/examples/generate "$big" "$n"
bin="$PWD/target/release/trame"
today=2026-11-24

run() {
  local name="$1"; shift
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 5 -i --export-markdown - -n "$name" "$*" | tail -n 1
  else
    local best=""
    for _ in 1 2 3 4 5; do
      local s e
      s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
      local ms=$(( (e - s) / 1000000 ))
      if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
    done
    echo "$name: best of 5 = ${best} ms"
  fi
}

run "check demo" "$bin" check --today "$today" --root .
run "build demo" "$bin" build --today "$today" --root . --output "$big-demo-out"
run "check $n posts" "$bin" check --today "$today" --root "$big"
run "build $n posts (--force)" "$bin" build --force --today "$today" --root "$big"
echo "peak memory, check $n posts:"
/usr/bin/time -v "$bin" check --today "$today" --root "$big" 2>&1 >/dev/null | grep -E "Maximum resident" || true
du -sh "$big/output" 2>/dev/null || true
