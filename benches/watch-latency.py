#!/usr/bin/env python3
"""Measures `trame watch`: the time from saving one post to its updated files on disk.

Usage: benches/watch-latency.py PROJECT [RUNS]   (build the release binary first; TRAME=path
       to measure another binary)

It starts `trame watch` on PROJECT, waits for the first build, then RUNS times rewrites one
post (a new title), and times two moments from the save: the post's page holding the new title,
and the end of the rebuild (trame prints "Rebuilt" — "Reconstruit" in French — once every file is in place, board, list,
feeds and calendar.json included). trame's debounce (100 ms by default) is part of both.
"""
import os
import re
import statistics
import subprocess
import sys
import threading
import time

root = os.path.abspath(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 10
binary = os.environ.get("TRAME") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "target", "release", "trame"
)
debounce_ms = 100

proc = subprocess.Popen(
    [binary, "watch", "--today", "2026-11-24", "--root", root],
    stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
)
done = []
lock = threading.Condition()


def reader():
    for line in proc.stderr:
        # English or French projects: "Built in" / "Construit en", "Rebuilt in" / "Reconstruit en".
        if line.startswith(("Built in", "Rebuilt in", "Construit en", "Reconstruit en")):
            with lock:
                done.append((time.monotonic(), line.strip()))
                lock.notify_all()


threading.Thread(target=reader, daemon=True).start()


def wait_builds(n, timeout=120):
    end = time.monotonic() + timeout
    with lock:
        while len(done) < n:
            if not lock.wait(timeout=end - time.monotonic()):
                sys.exit("trame did not finish a build in time")


wait_builds(1)
print("first build:", done[0][1])
posts = []
for d, _, files in os.walk(os.path.join(root, "content", "posts")):
    posts += [os.path.join(d, f) for f in files if f.endswith(".md")]
posts.sort()
post = posts[len(posts) // 2]
page = os.path.join(root, "output", "posts", os.path.basename(post)[:-3], "index.html")
original = open(post, encoding="utf-8").read()
page_ms, end_ms = [], []
try:
    for i in range(runs):
        marker = f"Mesure {i} {time.time_ns()}"
        text = re.sub(r"^title: .*$", f'title: "{marker}"', original, count=1, flags=re.M)
        time.sleep(0.5)
        t0 = time.monotonic()
        with open(post, "w", encoding="utf-8") as f:
            f.write(text)
        while True:
            try:
                if marker in open(page, encoding="utf-8").read():
                    break
            except OSError:
                pass
            time.sleep(0.002)
        page_ms.append((time.monotonic() - t0) * 1000)
        wait_builds(2 + i)
        end_ms.append((done[1 + i][0] - t0) * 1000)
        print(f"run {i + 1}: page {page_ms[-1]:.0f} ms, all files {end_ms[-1]:.0f} ms  ({done[1 + i][1]})")
finally:
    with open(post, "w", encoding="utf-8") as f:
        f.write(original)
    time.sleep(1)
    proc.terminate()


def show(name, xs):
    median = statistics.median(xs)
    p90 = sorted(xs)[min(len(xs) - 1, int(len(xs) * 0.9))]
    print(f"{name}: median {median:.0f} ms, p90 {p90:.0f} ms, max {max(xs):.0f} ms"
          f" (beyond the {debounce_ms} ms debounce: median {median - debounce_ms:.0f} ms,"
          f" p90 {p90 - debounce_ms:.0f} ms)")


show("save -> post page on disk", page_ms)
show("save -> every file on disk", end_ms)
