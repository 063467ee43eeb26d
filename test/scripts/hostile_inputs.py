#!/usr/bin/env python3
"""hostile_inputs.py --coroguard=BIN --inputs=DIR WORK

Bad input gets one clear error line and exit 2, the other files are still
analysed, and nothing is lost or damaged:

  write errors       --output, standard output and --export-fixes on a full
                     device; a device given as --output stays a device;
  compiler errors    a -Werror'd warning is an error (exit 2, errors[]), not
                     a finding; compiler warnings only when asked for;
  bad databases      empty, not an array, truncated, an entry without a
                     file, a missing source: one line naming the database;
  bad options        a --header-filter that is no regular expression;
  --fix              a read-only file is refused (also for root), a hard
                     link keeps pointing at one file, the count says what
                     was written, a report written over a source is refused
                     before anything runs.

Prints one line per scenario and exits non-zero if any failed."""
import argparse
import json
import os
import shutil
import stat
import subprocess
import sys

FAILED = []
GOOD = """#include <task.h>
#include <unistd.h>
testlib::task<int> fetch(int);
testlib::task<> handler() {
  sleep(1);
  fetch(1);
  co_return;
}
"""


def check(condition, what):
    if not condition:
        FAILED.append(what)
        print("FAIL " + what)
    return condition


def run(args, argv, cwd=None, stdout=subprocess.PIPE):
    return subprocess.run([args.coroguard] + argv, cwd=cwd, stdout=stdout,
                          stderr=subprocess.PIPE, text=True)


def errors(result):
    return [l for l in result.stderr.splitlines() if "error" in l]


def one_error(name, result, *words):
    lines = errors(result)
    ok = (check(result.returncode == 2, name + ": exit %d, not 2" %
                result.returncode) and
          check(len(lines) == 1, name + ": %d error lines, not 1:\n%s" %
                (len(lines), result.stderr)) and
          all(check(w in lines[0], name + ": '%s' not in: %s" % (w, lines[0]))
              for w in words))
    if ok:
        print("ok " + name)


def flags(args):
    return ["-std=c++20", "-nostdinc", "-isystem",
            os.path.join(args.inputs, "std"), "-isystem",
            os.path.join(args.inputs, "posix"), "-isystem",
            os.path.join(args.inputs, "testlib")]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def write_errors(args):
    good = os.path.join(args.work, "good.cpp")
    write(good, GOOD)
    cmd = [good, "--"] + flags(args)
    one_error("--output=/dev/full", run(args, ["--quiet", "--output=/dev/full"]
                                        + cmd), "/dev/full")
    with open("/dev/full", "w") as full:
        one_error("standard output on /dev/full",
                  run(args, ["--quiet"] + cmd, stdout=full),
                  "standard output")
    one_error("--export-fixes=/dev/full",
              run(args, ["--quiet", "--export-fixes=/dev/full"] + cmd),
              "/dev/full")
    run(args, ["--quiet", "--output=/dev/null"] + cmd)
    check(stat.S_ISCHR(os.stat("/dev/null").st_mode),
          "--output=/dev/null replaced the device")
    print("ok --output=/dev/null leaves the device alone")


def compiler_errors(args):
    src = os.path.join(args.work, "nodiscard.cpp")
    write(src, "[[nodiscard]] int compute();\nvoid f() { compute(); }\n")
    r = run(args, ["--quiet", "--format=json", src, "--", "-std=c++20",
                   "-Werror=unused-result"])
    report = json.loads(r.stdout)
    check(r.returncode == 2 and not report["diagnostics"] and
          len(report["errors"]) == 1,
          "-Werror: exit %d, %s" % (r.returncode, r.stdout))
    r = run(args, ["--quiet", "--format=json", src, "--", "-std=c++20"])
    check(r.returncode == 0 and not json.loads(r.stdout)["diagnostics"],
          "a compiler warning is reported without being asked for")
    r = run(args, ["--quiet", "--format=json",
                   "--checks=clang-diagnostic-unused-result", src, "--",
                   "-std=c++20"])
    check(r.returncode == 1 and len(json.loads(r.stdout)["diagnostics"]) == 1,
          "a compiler warning asked for is not reported")
    print("ok compiler errors and warnings")


def bad_databases(args):
    good = os.path.join(args.work, "db", "good.cpp")
    write(good, GOOD)
    entry = {"directory": os.path.dirname(good), "file": good,
             "arguments": ["clang++"] + flags(args) + ["-c", good]}
    cases = {
        "empty database": "",
        "database not an array": json.dumps({"file": good}),
        "truncated database": json.dumps([entry, entry])[:-40],
        "entry without a file": json.dumps([{"directory": "/",
                                             "command": "c++ x.cpp"}]),
        "command not a string": json.dumps([{"directory": "/", "file": good,
                                             "command": 7}]),
    }
    for name, text in cases.items():
        build = os.path.join(args.work, "db", name.replace(" ", "-"))
        write(os.path.join(build, "compile_commands.json"), text)
        r = run(args, ["-p", build])
        check(not r.stdout.strip(), name + ": something was analysed")
        one_error(name, r, "compile_commands.json")
    build = os.path.join(args.work, "db", "missing-source")
    missing = dict(entry, file=os.path.join(os.path.dirname(good), "gone.cpp"))
    write(os.path.join(build, "compile_commands.json"),
          json.dumps([missing, entry]))
    r = run(args, ["--quiet", "-p", build])
    check("good.cpp:5:3: warning" in r.stdout,
          "missing source: the good file was not reported")
    one_error("missing source", r, "gone.cpp", "no such file")


def bad_options(args):
    good = os.path.join(args.work, "good.cpp")
    one_error("--header-filter='(['",
              run(args, ["--header-filter=([", good, "--"] + flags(args)),
              "--header-filter")


def fixes(args):
    d = os.path.join(args.work, "fix")
    shutil.rmtree(d, ignore_errors=True)
    locked, open_ = os.path.join(d, "locked.cpp"), os.path.join(d, "open.cpp")
    write(locked, GOOD)
    write(open_, GOOD)
    os.chmod(locked, 0o444)
    r = run(args, ["--fix", locked, open_, "--"] + flags(args))
    check(open(locked).read() == GOOD, "--fix changed a read-only file")
    check("co_await fetch(1);" in open(open_).read(),
          "--fix did not fix the writable file next to a read-only one")
    check("applied 1 fix\n" in r.stderr, "--fix count: " + r.stderr)
    one_error("--fix on a read-only file", r, "locked.cpp", "read-only")
    os.chmod(locked, 0o644)

    linked, other = os.path.join(d, "linked.cpp"), os.path.join(d, "alias.cpp")
    write(linked, GOOD)
    os.link(linked, other)
    r = run(args, ["--quiet", "--fix", linked, "--"] + flags(args))
    check(os.stat(linked).st_ino == os.stat(other).st_ino and
          "co_await fetch(1);" in open(other).read(),
          "--fix broke a hard link")
    print("ok --fix keeps hard links")

    src = os.path.join(d, "victim.cpp")
    write(src, GOOD)
    for option in ("--output", "--export-fixes"):
        r = run(args, ["%s=%s" % (option, src), src, "--"] + flags(args))
        check(open(src).read() == GOOD, option + " overwrote a source")
        one_error(option + " naming a source", r, option, "analysed")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--coroguard", required=True)
    parser.add_argument("--inputs", required=True)
    parser.add_argument("work")
    args = parser.parse_args()
    args.work = os.path.abspath(args.work)
    args.coroguard = os.path.abspath(args.coroguard)
    args.inputs = os.path.abspath(args.inputs)
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    write_errors(args)
    compiler_errors(args)
    bad_databases(args)
    bad_options(args)
    fixes(args)
    if FAILED:
        print("%d failure(s)" % len(FAILED))
        return 1
    print("all hostile inputs handled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
