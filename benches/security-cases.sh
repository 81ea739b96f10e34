#!/usr/bin/env bash
# The cases of the security issue, one line each, to compare two binaries:
#   benches/security-cases.sh target/release/trame
# Each case is also an end-to-end test (tests/security.rs, tests/cli.rs, tests/build.rs).
B="$(realpath "$1")"; T="$(mktemp -d)"; trap 'rm -rf "$T"' EXIT
FIX="$(cd "$(dirname "$0")/.." && pwd)/tests/fixtures/clean"
fresh() { rm -rf "$T/p"; cp -r "$FIX" "$T/p"; }
post() { printf -- "---\ntitle: \"%s\"\nnetworks: [linkedin]\ndate: 2026-12-03T10:00\n%s---\n%s\n" "$1" "$2" "$3"; }
say() { printf "%-4s %-60s %s\n" "$1" "$2" "$3"; }
run() { timeout "${TO:-20}" "$B" "$@" --today 2026-11-24 --root "$T/p" >"$T/out" 2>"$T/err"; echo $?; }

# 1 logo symlinked to /etc/passwd
fresh; ln -s /etc/passwd "$T/p/media/logo.png"; printf 'organisation: { name: Club, logo: media/logo.png }\n' >> "$T/p/trame.yaml"
rc=$(run build --force); leak=$(grep -rl "root:x:0" "$T/p/output" 2>/dev/null | head -1)
say 1a "logo -> /etc/passwd" "exit $rc, published: ${leak:+YES $leak}${leak:-no}, diag: $(grep -c logo "$T/err")"
fresh; ln -s /dev/zero "$T/p/media/logo.png"; printf 'organisation: { name: Club, logo: media/logo.png }\n' >> "$T/p/trame.yaml"
TO=15 rc=$(TO=15 run build --force); say 1b "logo -> /dev/zero" "exit $rc (124 = timeout)"
fresh; printf 'organisation: { name: Club, logo: ../outside.png }\n' >> "$T/p/trame.yaml"
rc=$(run check); say 1c "logo ../outside.png" "exit $rc, diag: $(cat "$T/out" "$T/err" | grep -ci logo)"
# 2 content symlinked outside
fresh; echo "SECRET-LINE" > "$T/secret.md"; ln -s "$T/secret.md" "$T/p/content/posts/leak.md"
rc=$(run build --force); say 2 "content symlink outside" "exit $rc, published: $(grep -rl SECRET-LINE "$T/p/output" 2>/dev/null | wc -l) files, printed: $(cat "$T/out" "$T/err" | grep -c SECRET-LINE)"
# 3 FIFO
fresh; mkfifo "$T/p/content/posts/fifo.md"; rc=$(TO=10 run check); say 3a "FIFO in content" "exit $rc"
fresh; mkfifo "$T/p/media/fifo.jpg"; post F "media: [{ path: media/fifo.jpg, alt: x }]\n" x > "$T/p/content/posts/f.md"; sed -i 's/\\n/\n/' "$T/p/content/posts/f.md"; rc=$(TO=10 run check); say 3b "FIFO as media" "exit $rc"
fresh; mkfifo "$T/p/media/logo.png"; printf 'organisation: { name: Club, logo: media/logo.png }\n' >> "$T/p/trame.yaml"; rc=$(TO=10 run build --force); say 3c "FIFO as logo" "exit $rc"
# 4 --output nonexistent/..
fresh; echo "MINE" > "$T/p/index.html"; rc=$(run build --output "$T/p/nonexistent/.."); say 4a "--output nonexistent/.." "exit $rc, user index.html kept: $(grep -c MINE "$T/p/index.html" 2>/dev/null)"
fresh; rc=$(run build --output "$T/p/content/../out2"); say 4b "--output content/../out2 accepted" "exit $rc, written: $(ls "$T/p/out2" 2>/dev/null | wc -l)"
# 5 existing folder without manifest
fresh; mkdir -p "$T/p/output/static"; echo MINE > "$T/p/output/index.html"; echo MINE > "$T/p/output/static/style.css"
rc=$(run build); say 5 "first build over user files" "exit $rc, kept: $(cat "$T/p/output/index.html" "$T/p/output/static/style.css" | grep -c MINE)/2"
# 6 symlinked folder inside output
fresh; run build >/dev/null; mkdir -p "$T/elsewhere"; echo keep > "$T/elsewhere/keep"; rm -rf "$T/p/output/posts"; ln -s "$T/elsewhere" "$T/p/output/posts"
echo >> "$T/p/content/posts/sortie.md"; rc=$(run build); say 6 "output/posts -> elsewhere" "exit $rc, written elsewhere: $(ls "$T/elsewhere" | grep -vc keep), keep kept: $(ls "$T/elsewhere" | grep -c keep)"
# 7 newline in a file name
fresh; post NL "" x > "$T/p/content/posts/$(printf 'a\nline').md"; rc=$(run build); say 7 "newline in a file name" "exit $rc, diag: $(grep -c 'control\|newline' "$T/err")"
# 8 CSS injection in focus
fresh; post F 'media: [{ path: media/photo.jpg, alt: x, focus: "center;position:fixed;inset:0" }]\n' x | sed 's/\\n/\n/' > "$T/p/content/posts/f.md"; rc=$(run build --force)
say 8 "focus CSS injection" "exit $rc, in a style attribute: $(grep -rl 'style="[^"]*position:fixed' "$T/p/output" 2>/dev/null | wc -l)"
# 9 ICS injection
fresh; printf -- "---\ntitle: E\nkind: event\ndate: 2026-12-05\n---\n" > "$T/p/content/calendar/$(printf 'e\r\nATTENDEE:x')".md; rc=$(run build --force)
say 9a "CRLF in an entry file name" "exit $rc, ATTENDEE lines: $(grep -c '^ATTENDEE' "$T/p/output/calendar.ics" 2>/dev/null)"
fresh; sed -i 's|^base_url:.*|base_url: "https://cal.example.org/\\r\\nATTENDEE:x"|' "$T/p/trame.yaml"; rc=$(run build --force)
say 9b "CRLF in base_url" "exit $rc, ATTENDEE lines: $(grep -c '^ATTENDEE' "$T/p/output/calendar.ics" 2>/dev/null)"
# 10 data: links
fresh; post D 'link: "DaTa:text/html,<script>alert(1)</script>"\n' x | sed 's/\\n/\n/' > "$T/p/content/posts/d.md"; rc=$(run build --force)
say 10 "data: link (mixed case)" "exit $rc, linked: $(grep -ril 'href="data:' "$T/p/output" 2>/dev/null | wc -l)"
# 11 media path with # ? %
fresh; cp "$T/p/media/photo.jpg" "$T/p/media/a#b?c%d.jpg"; post M 'media: [{ path: "media/a#b?c%d.jpg", alt: x }]\n' x | sed 's/\\n/\n/' > "$T/p/content/posts/m.md"; rc=$(run build --force)
src=$(grep -o '<img src="[^"]*a[^"]*"' "$T/p/output/posts/m/index.html" | head -1); say 11 "media path with # ? %" "exit $rc, $src"
# 12 ESC in a file name
fresh; post E "status: bogus\n" x | sed 's/\\n/\n/' > "$T/p/content/posts/$(printf 'e\033[31mred').md"; rc=$(NO_COLOR=1 run check); say 12a "ESC in a file name printed" "exit $rc, raw ESC: $(cat "$T/out" "$T/err" | grep -c $'\033')"
fresh; (cd "$T/p" && timeout 10 "$B" new post "$(printf 'Titre\n---\nstatus: x')" >/dev/null 2>&1); f=$(ls "$T/p/content/posts/" | grep -v sortie | head -1); rc=$(run check); say 12b "new post with newline + ---" "check exit $rc on $f"
# 13 nested lists
fresh; { printf -- "---\ntitle: N\nnetworks: [linkedin]\ndate: 2026-12-03T10:00\n---\n"; python3 -c "print('- '*10000 + 'x')"; } > "$T/p/content/posts/n.md"
/usr/bin/time -f "%e s %M KB" -o "$T/time" timeout 60 "$B" build --force --today 2026-11-24 --root "$T/p" >/dev/null 2>&1; rc=$?
say 13 "- x 10,000 nested list" "exit $rc, $(cat "$T/time" | tail -1), output $(du -sm "$T/p/output" 2>/dev/null | cut -f1) MB"
# 14 X counter
fresh; { printf -- "---\ntitle: X\nnetworks: [x]\ndate: 2026-12-03T10:00\n---\n"; python3 -c "print('a'*80000)"; } > "$T/p/content/posts/x.md"
/usr/bin/time -f "%e s %M KB" -o "$T/time" timeout 60 "$B" check --today 2026-11-24 --root "$T/p" >/dev/null 2>&1; rc=$?; say 14 "one word of 80,000 letters on X" "exit $rc, $(tail -1 "$T/time")"
# 15 mentions
fresh; { printf -- "---\ntitle: M\nnetworks: [linkedin]\ndate: 2026-12-03T10:00\n---\n"; python3 -c "print('@[nobody] '*10000)"; } > "$T/p/content/posts/m.md"
/usr/bin/time -f "%e s %M KB" -o "$T/time" timeout 60 "$B" check --today 2026-11-24 --root "$T/p" >/dev/null 2>&1; rc=$?; say 15 "100 KB of @[nobody]" "exit $rc, $(tail -1 "$T/time")"
# 16 far date
fresh; printf -- "---\ntitle: Loin\nkind: event\ndate: 9999-12-31\n---\n" > "$T/p/content/calendar/loin.md"
/usr/bin/time -f "%e s %M KB" -o "$T/time" timeout 60 "$B" build --force --today 2026-11-24 --root "$T/p" >/dev/null 2>"$T/err"; rc=$?; say 16 "an entry dated 9999-12-31" "exit $rc, $(tail -1 "$T/time"), files $(find "$T/p/output" -type f 2>/dev/null | wc -l), warned: $(grep -c 9999 "$T/err")"
