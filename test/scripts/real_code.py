#!/usr/bin/env python3
"""real_code.py --coroguard=BIN --root=DIR --expected=FILE [--jobs=N]
                [--include=GLOB ...] -- FLAGS...

Runs coroguard over the .cpp files under DIR that match one of the --include
globs (relative to DIR), through a compile_commands.json written in a
temporary directory, and compares what it reports with FILE: one line per
finding, `relative/path.cpp:LINE:COLUMN: check-name`, in any order; `#`
starts a comment (the verdict of each finding lives in docs/real-code.md).
The run must report exactly those findings, no more and no fewer, and no
translation unit may fail."""
import argparse
import fnmatch
import json
import os
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--coroguard", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--expected", required=True)
    parser.add_argument("--jobs", default="2")
    parser.add_argument("--include", action="append", default=[])
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

    with tempfile.TemporaryDirectory() as build:
        with open(os.path.join(build, "compile_commands.json"), "w") as f:
            json.dump([{"directory": os.path.dirname(p), "file": p,
                        "arguments": ["clang++"] + flags + ["-c", p]}
                       for p in files], f)
        result = subprocess.run(
            [args.coroguard, "--quiet", "--format=json", "-j", args.jobs,
             "-p", build], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True)
    if result.returncode not in (0, 1):
        sys.exit("coroguard exited with %d\n%s" % (result.returncode,
                                                   result.stderr))
    report = json.loads(result.stdout)
    found = sorted("%s:%d:%d: %s" % (os.path.relpath(d["file"], args.root),
                                      d["line"], d["column"], d["check"])
                   for d in report["diagnostics"])
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
    return 1 if missing or extra else 0


if __name__ == "__main__":
    sys.exit(main())
