#!/usr/bin/env python3
"""Times coroguard against `clang++ -fsyntax-only` on the same files.

    bench/benchmark.py [--build DIR] [--repeat N] [--corpus N]

Sets measured (whole-process wall time, median of N runs, one job):
  examples     the example project (its compile_commands.json, built by
               scripts/demo.sh into build/example)
  test-inputs  the check tests under test/checks and test/profiles, with
               the mock headers
  generated-K  one coroutine with K blocks (5 statements and one async
               resource each), for K, 2K, 4K and 8K: the analysis time
               (coroguard minus parsing) must grow linearly; and the peak
               memory of a run against one clang++ parse of the same file.
  -j2 / -j1    the example project at -j1 and -j2, next to clang++ run one
               and two at a time on the same files (what the cores allow).
  corpus-N     a generated project of N asio translation units
               (bench/corpus.py): a full run against clang++ on the same
               files; with the result cache, an unchanged re-run and a run
               after editing a header that a fifth of the units include,
               against the first run; -j2 against -j1.
  --instructions  the analysis's instruction count at 1x and 4x the
               generated function (valgrind), which a busy machine does not
               blur as it does wall time.
  test-heavy   a generated GoogleTest and a doctest file (Debian's gtest and
               doctest, copied so that each is included with -I as a
               vendored framework is): many
               TESTs whose coroutine lambdas make assertions, the shape
               of async libraries' own test files; against clang++, and
               the analysis share.
  one-line-N   generated code with N findings all on one line (minified or
               generated sources): time and peak memory of the CLI against
               the clang-tidy plugin on the same file (goal: at most 1.5x
               on both), and of the same code one statement per line.

Every run but the cache's own is made with --no-cache. Prints one line per
set: seconds for clang++, for coroguard, their ratio,
and the analysis overhead in percent. Not a test: timings depend on the
machine; read them, do not assert them.
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

import corpus

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


def measured(argv):
    """Wall time in seconds and peak resident memory in MiB of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit("failed (%d): %s" % (code, " ".join(argv)))
    return seconds, usage.ru_maxrss / 1024.0


def one_line_source(statements, separator):
    """Coroutines that each discard 100 awaitable close() calls: one
    unawaited-task finding per statement."""
    parts = ["#include <resources.h>"]
    body = []
    for i in range(0, statements, 100):
        body.append("testlib::task<> f%d(testlib::connection &c) {" % i)
        body += ["c.close();"] * min(100, statements - i)
        body.append("co_return; }")
    return parts[0] + "\n" + separator.join(body) + "\n"


def one_line(build, coroguard, statements, tmp):
    plugin = os.path.join(build, "lib", "CoroGuardTidyModule.so")
    tidy = "/usr/lib/llvm-22/bin/clang-tidy"
    testlib = MOCK_FLAGS + ["-isystem", os.path.join(ROOT, "test/Inputs/testlib")]
    results = {}
    for layout, separator in (("one line", " "), ("one per line", "\n")):
        path = os.path.join(tmp, "one_line_%d_%d.cpp" % (statements, len(results)))
        with open(path, "w") as f:
            f.write(one_line_source(statements, separator))
        cli = measured([coroguard, "--no-cache", "--quiet", "-j", "1", path, "--"] + testlib)
        tidy_run = measured([tidy, "-load", plugin, "--quiet",
                             "--checks=-*,coroguard-*", path, "--"] + testlib)
        size = os.path.getsize(path) / 1024.0
        print("one-line-%-6d %-12s %6.0f KB  coroguard %6.2fs %7.1f MiB  "
              "plugin %6.2fs %7.1f MiB  ratio time %4.2f memory %4.2f"
              % (statements, layout, size, cli[0], cli[1], tidy_run[0],
                 tidy_run[1], cli[0] / tidy_run[0], cli[1] / tidy_run[1]))


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


def gtest_source(tests):
    """TESTs that run an asio coroutine lambda full of assertions."""
    lines = ["#include <gtest/gtest.h>", "#include <asio.hpp>",
             "#include <string>", "#include <vector>", "",
             "asio::awaitable<int> compute(int x) { co_return x * 2; }",
             "asio::awaitable<std::string> name(int x) "
             "{ co_return std::to_string(x); }", ""]
    for i in range(tests):
        lines.append("""TEST(Coroutines, Case%(i)d) {
  asio::io_context io;
  int result = 0;
  std::vector<int> seen;
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    int v = co_await compute(%(i)d);
    EXPECT_EQ(v, %(twice)d);
    std::string s = co_await name(v);
    EXPECT_FALSE(s.empty()) << "case " << %(i)d;
    EXPECT_STREQ(s.c_str(), std::to_string(%(twice)d).c_str());
    seen.push_back(v);
    result = v;
  }, [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  io.run();
  EXPECT_EQ(result, %(twice)d);
  EXPECT_EQ(seen.size(), 1u);
  EXPECT_THROW(throw std::runtime_error("x"), std::runtime_error);
}
""" % {"i": i, "twice": 2 * i})
    return "\n".join(lines) + "\n"


def doctest_source(tests):
    """doctest TEST_CASEs (named with __COUNTER__ by the framework) that run
    an asio coroutine lambda full of assertions."""
    lines = ["#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN",
             "#include <doctest/doctest.h>", "#include <asio.hpp>",
             "#include <string>", "#include <vector>", "",
             "asio::awaitable<int> compute(int x) { co_return x * 2; }",
             "asio::awaitable<std::string> name(int x) "
             "{ co_return std::to_string(x); }", ""]
    for i in range(tests):
        lines.append("""TEST_CASE("coroutine case %(i)d") {
  asio::io_context io;
  int result = 0;
  std::vector<int> seen;
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    int v = co_await compute(%(i)d);
    CHECK(v == %(twice)d);
    std::string s = co_await name(v);
    CHECK_FALSE(s.empty());
    REQUIRE(s == std::to_string(%(twice)d));
    seen.push_back(v);
    result = v;
  }, [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  io.run();
  CHECK(result == %(twice)d);
  CHECK(seen.size() == 1u);
  CHECK_THROWS_AS(throw std::runtime_error("x"), std::runtime_error);
}
""" % {"i": i, "twice": 2 * i})
    return "\n".join(lines) + "\n"


def test_heavy(coroguard, tests, repeat, tmp):
    """A GoogleTest and a doctest file, each framework's headers copied
    into the project (vendored, as projects do) so that coroguard analyses
    its assertion macros as user code would be."""
    frameworks = [("gtest", "/usr/include/gtest", gtest_source),
                  ("doctest", "/usr/include/doctest", doctest_source)]
    if not os.path.exists("/usr/include/asio.hpp"):
        print("test-heavy: needs libasio-dev")
        return
    for name, include, source in frameworks:
        if not os.path.isdir(include):
            print("test-heavy-%s: needs %s (scripts/setup.sh --test)" %
                  (name, include))
            continue
        vendored = os.path.join(tmp, "vendored-" + name)
        shutil.copytree(include, os.path.join(vendored,
                                              os.path.basename(include)))
        path = os.path.join(tmp, "%s_heavy.cpp" % name)
        with open(path, "w") as f:
            f.write(source(tests))
        flags = ["-std=c++20", "-DASIO_HAS_CO_AWAIT",
                 "-DASIO_HAS_STD_COROUTINE", "-I", vendored]
        clang = clang_time([(tmp, flags + [path])], repeat)
        run = [coroguard, "--no-cache", "--quiet", "-j", "1", path,
               "--"] + flags
        report("test-heavy-%s-%d" % (name, tests), clang, timed(run, repeat),
               timed(run[:1] + ["--checks=-*"] + run[1:], repeat))


def commands_of(database):
    """(directory, flags) of each entry of a compile_commands.json, for
    clang++ -fsyntax-only: the compiler, -c and the output dropped."""
    commands = []
    for e in json.load(open(database)):
        argv = e.get("arguments") or e["command"].split()
        flags = [a for a in argv[1:] if a not in ("-c",)]
        if "-o" in flags:
            i = flags.index("-o")
            del flags[i:i + 2]
        commands.append((e["directory"], flags))
    return commands


def corpus_runs(coroguard, units, repeat, tmp):
    """The generated asio project: a full run against parsing, the result
    cache against the first run, -j2 against -j1."""
    build = corpus.write_corpus(os.path.join(tmp, "corpus"), units)
    commands = commands_of(os.path.join(build, "compile_commands.json"))
    name = "corpus-%d" % units
    clang = clang_time(commands, 1)
    full = [coroguard, "--quiet", "-p", build]
    one_job = timed(full + ["--no-cache", "-j1"], 1)
    print("%-22s clang++ %7.3fs  coroguard %7.3fs  ratio %5.2f (goal: at "
          "most 1.05)" % (name, clang, one_job, one_job / clang))
    parallel(coroguard, one_job, ["-p", build], commands, 1, name)

    cached = full + ["-j1", "--cache-dir=" + os.path.join(tmp, "cache")]
    first = timed(cached, 1)
    again = timed(cached, repeat)
    header = os.path.join(os.path.dirname(build), "include", "protocol.h")
    edited = []
    for r in range(repeat):
        with open(header, "a") as f:
            f.write("// edited %d\n" % r)
        edited.append(timed(cached, 1))
    share = len(range(0, units, 5)) / units
    facts, total = summary_share(os.path.join(tmp, "cache"))
    print("%-22s whole-project facts and waiting findings: %d of %d bytes "
          "of the cache entries, %.2f%% (goal: at most 5%%)" % (
              name + " cache", facts, total, 100.0 * facts / max(total, 1)))
    print("%-22s first run %7.3fs  unchanged re-run %6.3fs  ratio %5.3f "
          "(goal: at most 0.05)" % (name + " cache", first, again,
                                    again / first))
    print("%-22s after editing a header %d of %d units include: %6.3fs  "
          "ratio %5.3f (their share: %.2f)" % (
              name + " cache", len(range(0, units, 5)), units,
              statistics.median(edited), statistics.median(edited) / first,
              share))


def summary_share(cache):
    """Bytes of the cache entries that hold whole-project facts and the
    findings waiting for them, and the bytes of all entries."""
    facts = total = 0
    for directory, _, names in os.walk(cache):
        for name in names:
            path = os.path.join(directory, name)
            try:
                variants = json.load(open(path))
            except (ValueError, UnicodeDecodeError):
                continue
            if isinstance(variants, dict):
                variants = variants.get("variants")
            if not isinstance(variants, list):
                continue
            total += os.path.getsize(path)
            for v in variants:
                if not isinstance(v, dict):
                    continue
                if "facts" in v:
                    facts += len(json.dumps(v["facts"]))
                facts += sum(len(json.dumps(e)) for e in v.get("errors", [])
                             if "\n#coroguard-if " in e["message"]["message"])
    return facts, total


def parallel(coroguard, one_job, inputs, commands, repeat, name="-j2 / -j1"):
    """-j2 against -j1 for coroguard, and the same for two clang++ processes
    at a time: how far two workers can scale on this machine at all."""
    two_jobs = timed([coroguard, "--no-cache", "--quiet", "-j", "2"] + inputs,
                     repeat)

    def clang_pairs():
        start = time.perf_counter()
        procs = []
        for directory, flags in commands:
            if len(procs) == 2:
                procs.pop(0).wait()
            procs.append(subprocess.Popen(
                [CLANG, "-fsyntax-only", "-resource-dir=" + RESOURCE_DIR] +
                flags, cwd=directory, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL))
        for p in procs:
            p.wait()
        return time.perf_counter() - start

    clang_one = clang_time(commands, repeat)
    clang_two = statistics.median(clang_pairs() for _ in range(repeat))
    print("%-22s coroguard -j1 %7.3fs  -j2 %7.3fs  speed-up %.2f   "
          "clang++ 1 at a time %7.3fs  2 at a time %7.3fs  speed-up %.2f" % (
              name + " -j2/-j1", one_job, two_jobs, one_job / two_jobs, clang_one,
              clang_two, clang_one / clang_two))


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--blocks", type=int, default=2000)
    parser.add_argument("--corpus", type=int, default=50,
                        help="translation units of the generated asio "
                        "project (0: leave it out)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the analysis's instructions at 1x "
                        "and 4x the generated function with valgrind "
                        "(minutes)")
    parser.add_argument("--only", choices=["corpus", "test-heavy"],
                        help="measure only this set")
    parser.add_argument("--tests", type=int, default=150,
                        help="tests of the generated GoogleTest and doctest "
                        "files")
    parser.add_argument("--one-line", type=int, nargs="*",
                        default=[20000, 60000],
                        help="findings per generated one-line file")
    args = parser.parse_args()
    coroguard = os.path.join(args.build, "bin", "coroguard")

    if args.only in (None, "corpus") and args.corpus:
        with tempfile.TemporaryDirectory() as tmp:
            corpus_runs(coroguard, args.corpus, args.repeat, tmp)
    if args.only in (None, "test-heavy"):
        with tempfile.TemporaryDirectory() as tmp:
            test_heavy(coroguard, args.tests, args.repeat, tmp)
    if args.only:
        return

    example_db = os.path.join(args.build, "example", "compile_commands.json")
    if os.path.exists(example_db):
        commands = commands_of(example_db)
        clang = clang_time(commands, args.repeat)
        run = [coroguard, "--no-cache", "--quiet", "-j", "1", "-p", os.path.dirname(example_db)]
        one_job = timed(run, args.repeat)
        report("examples", clang, one_job,
               timed(run + ["--checks=-*"], args.repeat))
        parallel(coroguard, one_job, ["-p", os.path.dirname(example_db)],
                 commands, args.repeat, "examples")
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
    run = [coroguard, "--no-cache", "--quiet", "-j", "1"] + files + ["--"] + flags
    report("test-inputs (%d)" % len(files), clang, timed(run, args.repeat),
           timed(run[:1] + ["--checks=-*"] + run[1:], args.repeat))

    analysis = {}
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 2, 4, 8):
            blocks = factor * args.blocks
            path = os.path.join(tmp, "generated_%d.cpp" % blocks)
            with open(path, "w") as f:
                f.write(generated_source(blocks))
            clang = clang_time([(tmp, MOCK_FLAGS + [path])], args.repeat)
            run = [coroguard, "--no-cache", "--quiet", "-j", "1", path, "--"] + MOCK_FLAGS
            analysis[factor] = report(
                "generated-%d" % blocks, clang, timed(run, args.repeat),
                timed(run[:1] + ["--checks=-*"] + run[1:], args.repeat))
            if factor == 1:
                peak_memory(coroguard, path, tmp)
        for statements in args.one_line:
            one_line(args.build, coroguard, statements, tmp)
        if args.instructions:
            analysis_instructions(coroguard, args.blocks, tmp)
    if analysis[1] > 0:
        print("analysis time at 2x, 4x, 8x the function: %s (linear: 2, 4, "
              "8; goal: 8x costs at most 8.8x)" % ", ".join(
                  "%.2fx" % (analysis[f] / analysis[1]) for f in (2, 4, 8)))


def instructions(argv, tmp):
    """Instructions a run executes, counted by valgrind's callgrind: the
    one figure a shared, noisy machine does not blur."""
    out = os.path.join(tmp, "callgrind.out")
    subprocess.run(["valgrind", "--tool=callgrind",
                    "--callgrind-out-file=" + out] + argv,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out) as f:
        for line in f:
            if line.startswith("summary:"):
                return int(line.split()[1])
    sys.exit("no callgrind summary for: " + " ".join(argv))


def analysis_instructions(coroguard, blocks, tmp):
    """Instructions of the analysis (a full run minus a run with no check)
    at 1x and 4x the generated function."""
    counts = {}
    for factor in (1, 4):
        path = os.path.join(tmp, "generated_ir_%d.cpp" % factor)
        with open(path, "w") as f:
            f.write(generated_source(factor * blocks))
        run = [coroguard, "--no-cache", "--quiet", "-j", "1", path, "--"] + \
            MOCK_FLAGS
        counts[factor] = (instructions(run, tmp) -
                          instructions(run[:1] + ["--checks=-*"] + run[1:],
                                       tmp))
    print("analysis instructions at 4x the function: %.2fx (%.2fG against "
          "%.2fG; linear: 4)" % (counts[4] / counts[1], counts[4] / 1e9,
                                 counts[1] / 1e9))


def peak_memory(coroguard, path, tmp):
    """Peak resident memory of a full run against one clang++ parse of the
    same file."""
    _, cli = measured([coroguard, "--no-cache", "--quiet", "-j", "1", path, "--"] +
                      MOCK_FLAGS)
    _, parse = measured([CLANG, "-fsyntax-only", "-resource-dir=" +
                         RESOURCE_DIR] + MOCK_FLAGS + [path])
    print("%-22s coroguard %7.1f MiB  clang++ %7.1f MiB  ratio %4.2f" % (
        "peak RSS", cli, parse, cli / parse))


if __name__ == "__main__":
    main()
