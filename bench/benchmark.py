#!/usr/bin/env python3
"""Times coroguard against `clang++ -fsyntax-only` on the same files.

    bench/benchmark.py [--build DIR] [--repeat N]

Sets measured (whole-process wall time, median of N runs, one job):
  examples     the example project (its compile_commands.json, built by
               scripts/demo.sh into build/example)
  test-inputs  the check tests under test/checks and test/profiles, with
               the mock headers
  generated-K  one coroutine with K blocks (5 statements and one async
               resource each), for K and 2K: the analysis time (coroguard
               minus parsing) must roughly double, not quadruple.

Prints one line per set: seconds for clang++, for coroguard, their ratio,
and the analysis overhead in percent. Not a test: timings depend on the
machine; read them, do not assert them.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLANG = "/usr/lib/llvm-22/bin/clang++"
RESOURCE_DIR = "/usr/lib/llvm-22/lib/clang/22"
MOCK_FLAGS = ["-std=c++20", "-nostdinc",
              "-isystem", os.path.join(ROOT, "test/Inputs/std"),
              "-isystem", os.path.join(ROOT, "test/Inputs/posix"),
              "-isystem", os.path.join(ROOT, "test/Inputs/testlib")]


def timed(argv, repeat):
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(argv, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            sys.exit("failed (%d): %s" % (result.returncode, " ".join(argv)))
    return statistics.median(samples)


def clang_time(commands, repeat):
    """Sum over translation units of `clang++ -fsyntax-only` with each
    unit's own flags."""
    total = 0.0
    for directory, args in commands:
        argv = [CLANG, "-fsyntax-only", "-resource-dir=" + RESOURCE_DIR] + args
        start = os.getcwd()
        os.chdir(directory)
        try:
            total += timed(argv, repeat)
        finally:
            os.chdir(start)
    return total


def report(name, clang, coroguard, parse_only):
    """parse_only: coroguard with no check enabled (same process, same
    parsing); the difference to a full run is the analysis itself."""
    analysis = max(coroguard - parse_only, 0.0)
    print("%-22s clang++ %7.3fs  coroguard %7.3fs  ratio %5.2f  "
          "analysis %6.3fs (%4.1f%% of the run)"
          % (name, clang, coroguard, coroguard / clang, analysis,
             analysis / coroguard * 100))
    return analysis


def generated_source(blocks):
    lines = ["#include <resources.h>",
             "testlib::task<> big(testlib::database &db, int x) {"]
    for i in range(blocks):
        lines += [
            "  {",
            "    testlib::connection c%d = co_await db.connect(\"db://\");" % i,
            "    if (x == %d) co_return;" % i,
            "    co_await c%d.send(\"payload\");" % i,
            "    testlib::log(\"sent\");",
            "    co_await c%d.close();" % i,
            "  }",
        ]
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--blocks", type=int, default=2000)
    args = parser.parse_args()
    coroguard = os.path.join(args.build, "bin", "coroguard")

    example_db = os.path.join(args.build, "example", "compile_commands.json")
    if os.path.exists(example_db):
        entries = json.load(open(example_db))
        commands = []
        for e in entries:
            argv = e.get("arguments") or e["command"].split()
            # Drop the compiler and the output; keep flags and the file.
            flags = [a for a in argv[1:] if a not in ("-c",)]
            if "-o" in flags:
                i = flags.index("-o")
                del flags[i:i + 2]
            commands.append((e["directory"], flags))
        clang = clang_time(commands, args.repeat)
        run = [coroguard, "--quiet", "-j", "1", "-p", os.path.dirname(example_db)]
        report("examples", clang, timed(run, args.repeat),
               timed(run + ["--checks=-*"], args.repeat))
    else:
        print("examples: run scripts/demo.sh first (no %s)" % example_db)

    files = []
    for sub in ("test/checks", "test/profiles"):
        directory = os.path.join(ROOT, sub)
        if os.path.isdir(directory):
            files += sorted(os.path.join(directory, f)
                            for f in os.listdir(directory) if f.endswith(".cpp"))
    flags = MOCK_FLAGS + ["-isystem", os.path.join(ROOT, "test/Inputs")]
    for eco in sorted(os.listdir(os.path.join(ROOT, "test/Inputs"))):
        flags += ["-isystem", os.path.join(ROOT, "test/Inputs", eco)]
    # Tests that need flags of their own (a -D selecting a framework, a
    # vendored include directory) are left out.
    files = [f for f in files if subprocess.run(
        [CLANG, "-fsyntax-only", "-resource-dir=" + RESOURCE_DIR] + flags +
        [f], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        == 0]
    clang = clang_time([(ROOT, flags + [f]) for f in files], args.repeat)
    run = [coroguard, "--quiet", "-j", "1"] + files + ["--"] + flags
    report("test-inputs (%d)" % len(files), clang, timed(run, args.repeat),
           timed(run[:1] + ["--checks=-*"] + run[1:], args.repeat))

    analysis = {}
    with tempfile.TemporaryDirectory() as tmp:
        for blocks in (args.blocks, 2 * args.blocks):
            path = os.path.join(tmp, "generated_%d.cpp" % blocks)
            with open(path, "w") as f:
                f.write(generated_source(blocks))
            clang = clang_time([(tmp, MOCK_FLAGS + [path])], args.repeat)
            run = [coroguard, "--quiet", "-j", "1", path, "--"] + MOCK_FLAGS
            analysis[blocks] = report(
                "generated-%d" % blocks, clang, timed(run, args.repeat),
                timed(run[:1] + ["--checks=-*"] + run[1:], args.repeat))
    small, large = analysis[args.blocks], analysis[2 * args.blocks]
    if small > 0:
        print("doubling the generated function multiplies the analysis time "
              "by %.2f (linear: 2, quadratic: 4)" % (large / small))


if __name__ == "__main__":
    main()
