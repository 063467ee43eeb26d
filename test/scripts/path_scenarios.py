#!/usr/bin/env python3
"""path_scenarios.py --coroguard=BIN --clang=CLANG --inputs=DIR [--runs=N] WORK

Compile databases as CMake, Meson and people write them, run from several
working directories at -j1, -j2 and -j4:

  cmake   absolute "directory" and "file" entries;
  meson   "directory": "build", "file": "../src/x.cpp", a relative -I;
  hand    four d1..d4/a.cpp, each {"directory": ".../dN", "file": "a.cpp"}.

Checks that every reported path is absolute, canonical and names the file
that was analysed; that SARIF URIs are %SRCROOT%-relative or valid
file:/// URIs; that a relative --output lands in the working directory; that
--fix edits exactly the file each fix names (and the fixed files compile);
and that RUNS runs at -j2 and -j4 give byte-identical output to -j1 in every
format. Prints one line per scenario and exits non-zero on the first
failure."""
import argparse
import json
import os
import shutil
import subprocess
import sys

FAILED = []


def check(condition, what):
    if not condition:
        FAILED.append(what)
        print("FAIL " + what)
    return condition


def mock_flags(inputs):
    return ["-std=c++20", "-nostdinc", "-isystem", os.path.join(inputs, "std"),
            "-isystem", os.path.join(inputs, "posix"),
            "-isystem", os.path.join(inputs, "testlib")]


SOURCE = """#include <task.h>
#include "%s"
testlib::task<int> fetch%d();
testlib::task<> run%d() {
  fetch%d();
  co_return;
}
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def make_layouts(work, inputs):
    """Returns {layout: (build dir, {absolute source: marker})}."""
    flags = mock_flags(inputs)
    layouts = {}
    # CMake: everything absolute.
    root = os.path.join(work, "cmake")
    src = os.path.join(root, "src", "main.cpp")
    write(os.path.join(root, "include", "cfg.h"), "#define CFG 1\n")
    write(src, SOURCE % ("cfg.h", 0, 0, 0))
    build = os.path.join(root, "build")
    write(os.path.join(build, "compile_commands.json"), json.dumps([{
        "directory": build, "file": src,
        "arguments": ["clang++"] + flags +
        ["-I", os.path.join(root, "include"), "-c", src]}]))
    layouts["cmake"] = (build, {src: "fetch0"})
    # Meson: relative file and relative -I, resolved against "directory".
    root = os.path.join(work, "meson")
    src = os.path.join(root, "src", "x.cpp")
    write(os.path.join(root, "include", "cfg.h"), "#define CFG 1\n")
    write(src, SOURCE % ("cfg.h", 1, 1, 1))
    build = os.path.join(root, "build")
    write(os.path.join(build, "compile_commands.json"), json.dumps([{
        "directory": build, "file": "../src/x.cpp",
        "arguments": ["clang++"] + flags +
        ["-I", "../include", "-c", "../src/x.cpp"]}]))
    layouts["meson"] = (build, {src: "fetch1"})
    # By hand: four files of the same name, each relative to its directory,
    # each with a header of the same name that only its own -I finds.
    root = os.path.join(work, "hand")
    entries, expected = [], {}
    for n in range(1, 5):
        d = os.path.join(root, "d%d" % n)
        write(os.path.join(d, "inc", "local.h"), "#define LOCAL %d\n" % n)
        write(os.path.join(d, "a.cpp"), SOURCE % ("local.h", 10 + n, n, 10 + n))
        entries.append({"directory": d, "file": "a.cpp",
                        "command": " ".join(["clang++"] + flags +
                                            ["-I", "inc", "-c", "a.cpp"])})
        expected[os.path.join(d, "a.cpp")] = "fetch%d" % (10 + n)
    build = os.path.join(root, "build")
    write(os.path.join(build, "compile_commands.json"), json.dumps(entries))
    layouts["hand"] = (build, expected)
    return layouts


def run(args, argv, cwd):
    return subprocess.run([args.coroguard] + argv, cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)


def scenario_report(args, name, build, expected, cwd, jobs):
    label = "%s from %s -j%d" % (name, os.path.relpath(cwd, args.work), jobs)
    r = run(args, ["--quiet", "--format=json", "-j", str(jobs), "-p", build],
            cwd)
    if not check(r.returncode == 1, label + ": exit %d, stderr: %s" %
                 (r.returncode, r.stderr.strip())):
        return
    report = json.loads(r.stdout)
    files = [d["file"] for d in report["diagnostics"]]
    check(not report["errors"], label + ": errors " + str(report["errors"]))
    check(sorted(files) == sorted(expected),
          label + ": reported %s, expected %s" % (files, sorted(expected)))
    for d in report["diagnostics"]:
        path = d["file"]
        if not check(os.path.isabs(path) and os.path.normpath(path) == path,
                     label + ": not absolute and canonical: " + path):
            continue
        with open(path) as f:
            line = f.read().splitlines()[d["line"] - 1]
        check(expected.get(path, "?") in line,
              label + ": %s:%d is not the reported call" % (path, d["line"]))
    # Text keeps line:col; a relative --output lands in the working
    # directory; SARIF URIs are valid.
    r = run(args, ["--quiet", "-j", str(jobs), "-p", build], cwd)
    for line in r.stdout.splitlines():
        if ": warning:" in line:
            path, lineno, col = line.split(":")[:3]
            check(os.path.isabs(path) and lineno.isdigit() and col.isdigit(),
                  label + ": text line without an absolute path:line:col: " +
                  line)
    out = "out-%s-%d.sarif" % (name, jobs)
    target = os.path.join(cwd, out)
    if os.path.exists(target):
        os.remove(target)
    r = run(args, ["--quiet", "--format=sarif", "--output=" + out, "-j",
                   str(jobs), "-p", build], cwd)
    if check(os.path.exists(target), label + ": --output=%s not in %s" %
             (out, cwd)):
        sarif = json.load(open(target))
        run0 = sarif["runs"][0]
        base = run0.get("originalUriBaseIds", {}).get("%SRCROOT%", {})
        for result in run0["results"]:
            loc = result["locations"][0]["physicalLocation"]["artifactLocation"]
            uri = loc["uri"]
            if loc.get("uriBaseId") == "%SRCROOT%":
                check(not uri.startswith("/") and ".." not in uri.split("/")
                      and base.get("uri", "").startswith("file:///"),
                      label + ": bad %SRCROOT% URI " + uri)
            else:
                check(uri.startswith("file:///"),
                      label + ": not a file:/// URI: " + uri)
        os.remove(target)
    print("ok " + label)


def scenario_fix(args, name, layouts_dir, cwd_rel, jobs):
    work = os.path.join(args.work, "fix-%s-%d-%s" % (name, jobs,
                                                    cwd_rel.replace("/", "_")))
    shutil.rmtree(work, ignore_errors=True)
    layouts = make_layouts(work, args.inputs)
    build, expected = layouts[name]
    cwd = os.path.join(work, name, cwd_rel) if cwd_rel != "/" else "/"
    label = "--fix %s from %s -j%d" % (name, cwd_rel, jobs)
    r = run(args, ["--quiet", "--fix", "-j", str(jobs), "-p", build], cwd)
    check(r.returncode == 1, label + ": exit %d: %s" % (r.returncode,
                                                        r.stderr.strip()))
    for path, marker in expected.items():
        text = open(path).read() if os.path.exists(path) else ""
        check(text.count("co_await " + marker + "();") == 1 and
              text.count("co_await") == 1,
              label + ": %s is not fixed exactly once:\n%s" % (path, text))
    # The fixed files compile with their own commands, and nothing is left.
    r = run(args, ["--quiet", "--format=json", "-j", str(jobs), "-p", build],
            cwd)
    check(r.returncode == 0 and not json.loads(r.stdout)["diagnostics"],
          label + ": findings remain after --fix: " + r.stdout[:400])
    print("ok " + label)


def scenario_race(args, build, cwd):
    """RUNS runs at -j2 and -j4 with a relative --output, byte for byte the
    -j1 output, in every format."""
    for fmt in ("text", "json", "sarif"):
        out = os.path.join(cwd, "race." + fmt)
        r = run(args, ["--quiet", "--format=" + fmt, "--output=race." + fmt,
                       "-j", "1", "-p", build], cwd)
        if not check(os.path.exists(out), "race %s: -j1 wrote no %s" %
                     (fmt, out)):
            continue
        reference = open(out).read()
        for jobs in (2, 4):
            same = 0
            for _ in range(args.runs):
                if os.path.exists(out):
                    os.remove(out)
                run(args, ["--quiet", "--format=" + fmt,
                           "--output=race." + fmt, "-j", str(jobs), "-p",
                           build], cwd)
                same += os.path.exists(out) and open(out).read() == reference
            check(same == args.runs, "race %s -j%d: %d of %d runs identical "
                  "to -j1" % (fmt, jobs, same, args.runs))
        print("ok race %s: %d runs at -j2 and -j4 identical to -j1" %
              (fmt, args.runs))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--coroguard", required=True)
    parser.add_argument("--inputs", required=True)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("work")
    args = parser.parse_args()
    args.work = os.path.abspath(args.work)
    args.coroguard = os.path.abspath(args.coroguard)
    args.inputs = os.path.abspath(args.inputs)
    shutil.rmtree(args.work, ignore_errors=True)
    layouts = make_layouts(args.work, args.inputs)
    for name, (build, expected) in sorted(layouts.items()):
        for cwd in (args.work, build, os.path.dirname(build), "/"):
            for jobs in (1, 2):
                scenario_report(args, name, build, expected, cwd, jobs)
    for name in sorted(layouts):
        for cwd_rel in (".", "build", "/"):
            for jobs in (1, 2):
                scenario_fix(args, name, args.work, cwd_rel, jobs)
    # All three layouts in one database, from a directory of its own.
    merged = os.path.join(args.work, "all")
    os.makedirs(merged, exist_ok=True)
    entries = []
    for name, (build, _) in sorted(layouts.items()):
        entries += json.load(open(os.path.join(build,
                                               "compile_commands.json")))
    with open(os.path.join(merged, "compile_commands.json"), "w") as f:
        json.dump(entries, f)
    scenario_race(args, merged, os.path.join(args.work, "hand", "d2"))
    if FAILED:
        print("%d failure(s)" % len(FAILED))
        return 1
    print("all scenarios passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
