#!/usr/bin/env bash
# trame at agency scale, in one run:
#   1. the scaling curve: `check` and `build` (into an empty output folder) on generated projects
#      of 1,000, 10,000, 30,000 and 100,000 posts, wall time and peak memory;
#   2. the comparison with Hugo on the 10,000-post project: Hugo renders the same Markdown files
#      with a minimal theme (one page per post, one list page), the two alternated run after run;
#   3. what the 10,000-post site weighs (files, bytes), and the cost per post of each size.
# Usage: benches/scale.sh [RUNS]        (default 3 runs per measure; 1 at 100,000 posts)
#        TRAME=/tmp/old/trame benches/scale.sh   to measure another binary
#        SIZES="1000 10000" benches/scale.sh   to measure fewer sizes
# Projects are generated under /dev/shm when it exists (tmpfs: trame is measured, not the disk),
# else under $TMPDIR. Needs GNU time (/usr/bin/time); Hugo is optional (Debian's `hugo`).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
sizes="${SIZES:-1000 10000 30000 100000}"
base="/dev/shm"; [ -d "$base" ] && [ -w "$base" ] || base="${TMPDIR:-/tmp}"
work="$(mktemp -d -p "$base" trame-scale.XXXXXX)"
trap 'rm -rf "$work"' EXIT
today=2026-11-24
cargo build --release --quiet --bin trame --example generate
bin="${TRAME:-$PWD/target/release/trame}"   # TRAME=path/to/another/trame to measure it
gen="$PWD/target/release/examples/generate"

# One measure: "seconds kilobytes" of a command (output thrown away, its exit code ignored).
measure() {
  sync
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
  cat "$work/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
col() { awk -v c="$1" '{print $c}'; }

printf "## Scaling (%s, %s cores, %s)\n\n" "$(date -u +%Y-%m-%d)" "$(nproc)" "$(uname -m)"
printf "| posts | check (s) | check peak (MB) | build (s) | build peak (MB) | build ms/post | build KB/post |\n"
printf "|---:|---:|---:|---:|---:|---:|---:|\n"
for n in $sizes; do
  p="$work/p$n"
  "$gen" "$p" "$n" 2>/dev/null
  r=$runs; [ "$n" -ge 100000 ] && r=1
  checks=""; builds=""
  for _ in $(seq "$r"); do
    checks+="$(measure "$bin" check --quiet --today "$today" --root "$p")"$'\n'
    rm -rf "$p/out" "$p/.trame"
    builds+="$(measure "$bin" build --force --quiet --today "$today" --root "$p" --output "$p/out")"$'\n'
  done
  ct=$(grep . <<<"$checks" | col 1 | median); cm=$(grep . <<<"$checks" | col 2 | median)
  bt=$(grep . <<<"$builds" | col 1 | median); bm=$(grep . <<<"$builds" | col 2 | median)
  printf "| %s | %s | %d | %s | %d | %.3f | %.1f |\n" "$n" "$ct" $((cm / 1024)) "$bt" $((bm / 1024)) \
    "$(awk -v t="$bt" -v n="$n" 'BEGIN {print t * 1000 / n}')" "$(awk -v m="$bm" -v n="$n" 'BEGIN {print m / n}')"
  if [ "$n" = 10000 ]; then
    files=$(find "$p/out" -type f | wc -l); bytes=$(du -sb "$p/out" | col 1)
    json=$(stat -c %s "$p/out/calendar.json"); ics=$(stat -c %s "$p/out/calendar.ics")
    list=$(stat -c %s "$p/out/list/index.html"); board=$(stat -c %s "$p/out/board/index.html")
    weight="10,000-post site: $files files, $((bytes / 1024 / 1024)) MB; calendar.json $((json / 1024)) KB, calendar.ics $((ics / 1024)) KB, list page $((list / 1024)) KB, board $((board / 1024)) KB"
  else
    rm -rf "$p"
  fi
done
echo
[ -n "${weight:-}" ] && echo "$weight" && echo

p="$work/p10000"
if [ -d "$p" ] && command -v hugo >/dev/null; then
  h="$work/hugo"
  mkdir -p "$h/layouts/_default"
  printf 'baseURL = "https://example.com/"\ntitle = "bench"\ncontentDir = "%s"\ndisableKinds = ["taxonomy", "term"]\n' "$p/content" > "$h/hugo.toml"
  cat > "$h/layouts/_default/baseof.html" <<'EOF'
<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>
EOF
  echo '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date }}</time>{{ .Content }}</article>{{ end }}' > "$h/layouts/_default/single.html"
  echo '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}' > "$h/layouts/_default/list.html"
  cp "$h/layouts/_default/list.html" "$h/layouts/index.html"
  tb=""; hb=""
  for _ in $(seq "$runs"); do
    rm -rf "$p/out" "$p/.trame"
    tb+="$(measure "$bin" build --force --quiet --today "$today" --root "$p" --output "$p/out")"$'\n'
    rm -rf "$h/public" "$h/resources"
    hb+="$(cd "$h" && measure hugo --quiet -d "$h/public")"$'\n'
  done
  tt=$(grep . <<<"$tb" | col 1 | median); tm=$(grep . <<<"$tb" | col 2 | median)
  ht=$(grep . <<<"$hb" | col 1 | median); hm=$(grep . <<<"$hb" | col 2 | median)
  hf=$(find "$h/public" -type f | wc -l)
  printf "## trame and Hugo (%s), 10,000 posts, median of %s alternated runs\n\n" "$(hugo version | cut -d' ' -f2)" "$runs"
  printf "| | wall (s) | peak (MB) | files |\n|---|---:|---:|---:|\n"
  printf "| trame build | %s | %d | %s |\n" "$tt" $((tm / 1024)) "$(find "$p/out" -type f | wc -l)"
  printf "| hugo | %s | %d | %s |\n" "$ht" $((hm / 1024)) "$hf"
  printf "| trame / Hugo | %.2f× | %.2f× | |\n" "$(awk -v a="$tt" -v b="$ht" 'BEGIN {print a / b}')" "$(awk -v a="$tm" -v b="$hm" 'BEGIN {print a / b}')"
else
  echo "(Hugo not installed, or 10000 not among SIZES: no comparison. apt-get install hugo)"
fi
