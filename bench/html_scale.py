#!/usr/bin/env python3
"""The HTML report at scale.

    bench/html_scale.py [--build DIR] [--files N] [--per-file K]
                        [--repeat R] [--chromium BIN] [--keep]

Writes N generated sources (200 lines each) and a coroguard JSON report of
K findings per file (each with two notes, one of them in another file, and
a fix-it), then measures:

- `coroguard merge --format=html` of that report: wall time;
- the size of index.html, and the largest ratio of a file page to its
  source;
- how long headless Chromium takes to open index.html and run its script
  (whole process, `--dump-dom`), against the same for an empty page: the
  difference is the index's own cost; the median of R runs;
- the same with a filter in the address (?check=...), which the script
  applies to every row.

Every figure is printed; nothing is asserted (docs/output.md quotes them).
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHECKS = ["coroguard-blocking-call", "coroguard-unawaited-task",
          "coroguard-unmanaged-resource", "coroguard-suppressed-exception",
          "coroguard-missing-awaited-cleanup"]


def source_text(i):
    lines = ["#include <task.h>", "", "namespace unit%d {" % i]
    n = 0
    while len(lines) < 196:
        lines += ["testlib::task<int> fetch%d();" % n,
                  "testlib::task<> handler%d() {  // \"a <string>\"" % n,
                  "  fetch%d();" % n, "  co_return;", "}"]
        n += 1
    lines += ["}  // namespace", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--per-file", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chromium", default=shutil.which("chromium"))
    parser.add_argument("--keep", action="store_true",
                        help="keep the generated project and report")
    args = parser.parse_args()
    coroguard = os.path.join(args.build, "bin", "coroguard")

    work = tempfile.mkdtemp(prefix="coroguard-html-scale-")
    src = os.path.join(work, "src")
    os.makedirs(src)
    paths, texts = [], []
    for i in range(args.files):
        path = os.path.join(src, "dir%d" % (i % 40), "unit%d.cpp" % i)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        text = source_text(i)
        with open(path, "w") as f:
            f.write(text)
        paths.append(path)
        texts.append(text)

    def offset_of(text, line, column):
        starts = [0] + [k + 1 for k, c in enumerate(text) if c == "\n"]
        return starts[line - 1] + column - 1

    diagnostics = []
    for i, path in enumerate(paths):
        other = paths[(i + 1) % len(paths)]
        for k in range(args.per_file):
            line = 6 + 5 * k
            offset = offset_of(texts[i], line, 3)
            diagnostics.append({
                "check": CHECKS[k % len(CHECKS)], "severity": "warning",
                "message": "task returned by 'fetch%d' is discarded, so it "
                           "never runs" % k,
                "file": path, "line": line, "column": 3, "offset": offset,
                "identity": "%016x:0" % (i * 100 + k),
                "notes": [
                    {"message": "declared here", "file": path,
                     "line": line - 2, "column": 1,
                     "offset": offset_of(texts[i], line - 2, 1)},
                    {"message": "and used here", "file": other,
                     "line": line, "column": 3,
                     "offset": offset_of(texts[(i + 1) % len(paths)],
                                         line, 3)}],
                "fixes": [{"file": path, "offset": offset, "length": 0,
                           "replacement": "co_await "}]})
    report = os.path.join(work, "report.json")
    with open(report, "w") as f:
        json.dump({"version": 1, "tool": {"name": "coroguard"},
                   "analysed": paths, "diagnostics": diagnostics,
                   "errors": []}, f)

    out = os.path.join(work, "html")
    start = time.perf_counter()
    subprocess.run([coroguard, "merge", "--quiet", "--project-root=" + work,
                    "--format=html", "--output=" + out, report],
                   check=False)
    written = time.perf_counter() - start
    index = os.path.getsize(os.path.join(out, "index.html"))
    pages = os.listdir(os.path.join(out, "files"))
    by_name = {}
    for path in paths:
        by_name.setdefault(os.path.basename(path), path)
    worst = 0.0
    for name in pages:
        base = name.rsplit("-", 1)[0]
        source = by_name.get(base)
        if source:
            worst = max(worst, os.path.getsize(
                os.path.join(out, "files", name)) / os.path.getsize(source))
    print("%d findings over %d files: written in %.2f s; index.html %.1f MB;"
          " %d file pages, the largest %.2fx its source" % (
              len(diagnostics), len(paths), written, index / 1e6,
              len(pages), worst))

    if not args.chromium:
        print("no chromium: the browser figures are not measured")
        return 0
    empty = os.path.join(work, "empty.html")
    with open(empty, "w") as f:
        f.write("<!DOCTYPE html><title>empty</title>")

    def opened(url):
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            subprocess.run([args.chromium, "--headless", "--no-sandbox",
                            "--disable-gpu", "--no-first-run",
                            "--user-data-dir=" + os.path.join(work, "profile"),
                            "--dump-dom", url],
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    base = opened("file://" + empty)
    whole = opened("file://" + os.path.join(out, "index.html"))
    filtered = opened("file://" + os.path.join(out, "index.html") +
                      "?check=" + CHECKS[0])
    print("chromium --dump-dom (median of %d): empty page %.2f s, index %.2f s"
          " (+%.2f s), index filtered by check %.2f s (+%.2f s)" % (
              args.repeat, base, whole, whole - base, filtered,
              filtered - base))
    if args.keep:
        print("kept in", work)
    else:
        shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
