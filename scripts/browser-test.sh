#!/usr/bin/env bash
# Renders the demo's month page and a post page in headless Chromium (Debian's package) and
# checks that the calendar chips and the preview cards are there, with scripts on (a filter
# applied from the URL) and off. Run by .ci/run; installs chromium when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo run --quiet --release -- build --today 2026-11-24 --output "$out/site" >/dev/null 2>&1

dump() { # dump URL [extra chromium flags…]
  local url="$1"; shift
  timeout 90 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$out")" "$@" --dump-dom "$url" 2>/dev/null | tr "\n" " "
}
fail() { echo "browser test: $*" >&2; exit 1; }

month="file://$out/site/calendar/2026/12/index.html"
post="file://$out/site/posts/2026-11-30-lancement-alti-trek/index.html"

# Scripts on, no filter: the filter form is shown, every chip visible.
dom=$(dump "$month")
chips=$(grep -o '<li class="chip' <<<"$dom" | wc -l)
[ "$chips" -ge 10 ] || fail "expected the December chips, found $chips"
grep -q '<form class="filters" aria-label' <<<"$dom" || fail "the script did not show the filters"
grep -q 'li class="chip[^>]*hidden' <<<"$dom" && fail "no chip should be hidden without a filter"

# Scripts on, filtered on Pinterest from the URL: the other chips are hidden.
dom=$(dump "$month?network=pinterest")
hidden=$(grep -o '<li class="chip[^>]*hidden' <<<"$dom" | wc -l)
shown=$(grep -o '<li class="chip[^>]*data-networks="[^"]*pinterest[^"]*"[^>]*>' <<<"$dom" | grep -vc hidden || true)
[ "$hidden" -ge 5 ] || fail "the network filter hid $hidden chips"
[ "$shown" -ge 2 ] || fail "the Pinterest chips should stay visible ($shown)"

# Scripts off: Chromium's --dump-dom needs scripts, so the same page is served without its
# <script> tag (a copy beside it, so that relative links still resolve).
noscript() { # noscript FILE -> URL of a script-less copy
  local copy="${1%.html}.noscript.html"
  sed 's#<script [^>]*></script>##' "$1" > "$copy"
  echo "file://$copy"
}
dom=$(dump "$(noscript "$out/site/calendar/2026/12/index.html")")
[ "$(grep -o '<li class="chip' <<<"$dom" | wc -l)" -eq "$chips" ] || fail "chips missing without scripts"
grep -q '<form class="filters" hidden' <<<"$dom" || fail "filters must stay hidden without scripts"
grep -q 'li class="chip[^>]*hidden' <<<"$dom" && fail "no chip is hidden without scripts"

# The post page: one preview card per network, the copy button shown by the script.
dom=$(dump "$post")
cards=$(grep -o '<article class="card"' <<<"$dom" | wc -l)
[ "$cards" -eq 5 ] || fail "expected 5 preview cards, found $cards"
grep -q 'class="copy"' <<<"$dom" || fail "no copy button"
dom=$(dump "$(noscript "$out/site/posts/2026-11-30-lancement-alti-trek/index.html")")
[ "$(grep -o '<article class="card"' <<<"$dom" | wc -l)" -eq 5 ] || fail "cards missing without scripts"
grep -q 'class="copy"[^>]*hidden' <<<"$dom" || fail "without scripts the copy button stays hidden"

echo "browser test: month page ($chips chips, filter hides $hidden) and post page ($cards cards) render, with and without scripts"
echo "browser: 4 passed, 0 failed"
