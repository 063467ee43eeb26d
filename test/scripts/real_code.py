#!/usr/bin/env python3
"""real_code.py --coroguard=BIN --root=DIR --expected=FILE [--jobs=N]
                [--include=GLOB ...] [--fix] -- FLAGS...

Runs coroguard over the .cpp files under DIR that match one of the --include
globs (relative to DIR), through a compile_commands.json written in a
temporary directory, and compares what it reports with FILE: one line per
finding, `relative/path.cpp:LINE:COLUMN: check-name`, followed by ` (fix)`
when the finding carries a fix-it, in any order; `#` starts a comment (the
verdict of each finding lives in docs/real-code.md). The run must report
exactly those findings, no more and no fewer, and no translation unit may
fail.

With --fix, the matched files are copied to a temporary tree (the compile
commands add their original directory to the include path, so their own
headers are still found) and the run applies its fixes there. Then a
second run over the changed files, with the same FLAGS, must compile each
of them without an error, must no longer report a finding that carried a
fix, and must report nothing the first run did not (compared by file, check
and message, since the fixes move lines)."""
import argparse
import collections
import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tempfile


def run_coroguard(args, build, extra=()):
    """The JSON report of a run (exit 2, a unit that failed to compile,
    still writes one; the caller looks at its errors)."""
    result = subprocess.run(
        [args.coroguard, "--quiet", "--format=json", "-j", args.jobs,
         "-p", build] + list(extra), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    if result.returncode not in (0, 1, 2) or not result.stdout:
        sys.exit("coroguard exited with %d\n%s" % (result.returncode,
                                                   result.stderr))
    return json.loads(result.stdout)


def write_database(build, files, flags, include_dirs):
    with open(os.path.join(build, "compile_commands.json"), "w") as f:
        json.dump([{"directory": os.path.dirname(p), "file": p,
                    "arguments": ["clang++"] + flags +
                    ["-I" + d for d in include_dirs.get(p, [])] + ["-c", p]}
                   for p in files], f)


def signature(diagnostic, root):
    return (os.path.relpath(diagnostic["file"], root), diagnostic["check"],
            diagnostic["message"])


def check_fixes(args, flags, files, tree, before):
    """Checks the fixes applied in TREE by the run that reported BEFORE and
    returns the lines of its verdict and whether it holds."""
    changed = [p for p in files
               if open(p, "rb").read() != open(args.original_of[p],
                                               "rb").read()]
    lines, ok = [], True
    outside = sorted({e["file"] for d in before for e in d["fixes"]
                      if not e["file"].startswith(tree + os.sep)})
    for path in outside:
        ok = False
        lines.append("a fix edits a file that is not a copy: %s" % path)
    relint = os.path.join(tree, "relint")
    os.mkdir(relint)
    write_database(relint, changed, flags,
                   {p: [os.path.dirname(args.original_of[p])]
                    for p in changed})
    # The re-run compiles each changed file: its compiler errors are the
    # fixes' (-fsyntax-only with the same flags).
    report = run_coroguard(args, relint) if changed else {
        "diagnostics": [], "errors": []}
    for error in report["errors"]:
        ok = False
        lines.append("does not compile after --fix: %s" % error["message"])
    compiled = ok
    after = report["diagnostics"]
    expected_after = collections.Counter(
        signature(d, tree) for d in before
        if not d["fixes"] and d["file"] in changed)
    found_after = collections.Counter(signature(d, tree) for d in after)
    left = found_after - expected_after
    for file, check, message in sorted(left.elements()):
        ok = False
        lines.append("after --fix: %s: %s: %s" % (file, check, message))
    carried = collections.Counter(signature(d, tree) for d in before
                                  if d["fixes"])
    remaining = sum((left & carried).values())
    lines.append("%d of %d findings carry a fix-it; %d files changed, %s; "
                 "%d of %d fixed findings gone, %d new" %
                 (sum(carried.values()), len(before), len(changed),
                  "all compile" if compiled else "NOT ALL COMPILE",
                  sum(carried.values()) - remaining, sum(carried.values()),
                  sum(left.values()) - remaining))
    return lines, ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--coroguard", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--expected", required=True)
    parser.add_argument("--jobs", default="2")
    parser.add_argument("--include", action="append", default=[])
    parser.add_argument("--fix", action="store_true")
    parser.add_argument("flags", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    flags = [f for f in args.flags if f != "--"]

    files = []
    for directory, _, names in os.walk(args.root):
        for name in names:
            path = os.path.join(directory, name)
            rel = os.path.relpath(path, args.root)
            if name.endswith(".cpp") and any(
                    fnmatch.fnmatch(rel, g) for g in args.include):
                files.append(path)
    files.sort()
    if not files:
        sys.exit("real_code.py: no file under %s matches %s" %
                 (args.root, args.include))

    with tempfile.TemporaryDirectory() as tree:
        root, include_dirs = args.root, {}
        if args.fix:
            # The fixes are applied to copies; their own headers are found
            # through their original directory.
            root = os.path.join(tree, "src")
            args.original_of = {}
            copies = []
            for path in files:
                copy = os.path.join(root, os.path.relpath(path, args.root))
                os.makedirs(os.path.dirname(copy), exist_ok=True)
                shutil.copyfile(path, copy)
                args.original_of[copy] = path
                include_dirs[copy] = [os.path.dirname(path)]
                copies.append(copy)
            files = copies
        build = os.path.join(tree, "build")
        os.mkdir(build)
        write_database(build, files, flags, include_dirs)
        # With --fix, the report describes the files before the fixes.
        report = run_coroguard(args, build, ["--fix"] if args.fix else [])
        if report["errors"]:
            sys.exit("coroguard could not analyse every file:\n" + "\n".join(
                e["message"] for e in report["errors"]))
        report = report["diagnostics"]
        verdict, fixes_hold = ([], True)
        if args.fix:
            verdict, fixes_hold = check_fixes(args, flags, files, tree, report)

    found = sorted("%s:%d:%d: %s%s" % (os.path.relpath(d["file"], root),
                                        d["line"], d["column"], d["check"],
                                        " (fix)" if d["fixes"] else "")
                   for d in report)
    with open(args.expected) as f:
        expected = sorted(line.split("#", 1)[0].strip() for line in f
                          if line.split("#", 1)[0].strip())
    missing = [e for e in expected if e not in found]
    extra = [e for e in found if e not in expected]
    for line in missing:
        print("missing: " + line)
    for line in extra:
        print("new:     " + line)
    print("%d files, %d findings (%d expected)" % (len(files), len(found),
                                                   len(expected)))
    for line in verdict:
        print(line)
    return 1 if missing or extra or not fixes_hold else 0


if __name__ == "__main__":
    sys.exit(main())
