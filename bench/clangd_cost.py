#!/usr/bin/env python3
"""What the coroguard checks add to an editor's reparse.

    bench/clangd_cost.py [--build DIR] [--repeat N] [--files N]
                         [--project BUILD_DIR]

Runs `coroguard-clangd --check=<file> --check-locations=false` (one parse
of the file as the editor does it, with clang-tidy) on the check tests'
inputs (test/checks, test/profiles; the mock headers), once with no
configuration (the coroguard checks on, clangd's own defaults too) and
once with a user configuration that removes `coroguard-*`. Whole-process
wall time, the median of N runs of each; prints the ratio per file and of
the sums. With --project, the files of that compilation database instead
(the example project: build/example, which scripts/demo.sh makes). The
time includes clangd's start and the preamble (the headers), which an
editor builds once and reuses, so the share of the checks in a reparse is
larger than the ratio says. The checks are marked fast for clangd's fast-check filter on
the strength of this figure (docs/editors.md).
"""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--files", type=int, default=20)
    parser.add_argument("--project")
    args = parser.parse_args()

    clangd = os.path.join(args.build, "bin", "coroguard-clangd")
    inputs = os.path.join(ROOT, "test", "Inputs")
    flags = ["-std=c++20", "-nostdinc"]
    for d in sorted(os.listdir(inputs)):
        flags += ["-isystem", os.path.join(inputs, d)]
    files = sorted(glob.glob(os.path.join(ROOT, "test", "checks", "*.cpp")) +
                   glob.glob(os.path.join(ROOT, "test", "profiles",
                                          "*.cpp")))
    # Spread over the list, not its first N.
    step = max(1, len(files) // args.files)
    files = files[::step][:args.files]

    work = tempfile.mkdtemp(prefix="coroguard-clangd-cost-")
    if args.project:
        with open(os.path.join(args.project, "compile_commands.json")) as f:
            entries = json.load(f)
        files = sorted(os.path.join(e["directory"], e["file"])
                       for e in entries)[:args.files]
        with open(os.path.join(work, "compile_commands.json"), "w") as f:
            json.dump(entries, f)
    else:
        with open(os.path.join(work, "compile_commands.json"), "w") as f:
            json.dump([{"directory": os.path.dirname(p), "file": p,
                        "arguments": ["clang++"] + flags + ["-c", p]}
                       for p in files], f)
    configs = {"on": os.path.join(work, "on"),
               "off": os.path.join(work, "off")}
    os.makedirs(os.path.join(configs["on"], "clangd"))
    os.makedirs(os.path.join(configs["off"], "clangd"))
    with open(os.path.join(configs["off"], "clangd", "config.yaml"),
              "w") as f:
        f.write("Diagnostics:\n  ClangTidy:\n    Remove: [coroguard-*]\n")

    def timed(path, config):
        env = dict(os.environ, XDG_CONFIG_HOME=config)
        cmd = [clangd, "--check=" + path, "--check-locations=false",
               "--resource-dir=/usr/lib/llvm-22/lib/clang/22",
               "--compile-commands-dir=" + work, "--log=error"]
        start = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
        return time.perf_counter() - start

    total = {"on": 0.0, "off": 0.0}
    print("%-48s %8s %8s %6s" % ("file", "on (s)", "off (s)", "ratio"))
    for path in files:
        medians = {}
        for name, config in configs.items():
            medians[name] = statistics.median(
                timed(path, config) for _ in range(args.repeat))
            total[name] += medians[name]
        print("%-48s %8.3f %8.3f %6.3f" % (
            os.path.relpath(path, ROOT), medians["on"], medians["off"],
            medians["on"] / medians["off"]))
    print("%-48s %8.2f %8.2f %6.3f" % ("all %d files" % len(files),
                                       total["on"], total["off"],
                                       total["on"] / total["off"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
