#!/usr/bin/env python3
"""Replays every recorded fuzzer input through the coroguard command line.

Each file under test/fuzz-regressions/check/ once broke (or was kept as a
hostile shape for) coroguard-check-fuzzer. Through the CLI, with the mock
headers the harness uses, each must end normally: exit 0, 1 or 2, no crash
report, no sanitizer report, and a summary line. Prints one line per input
and a total; FileCheck checks them.
"""
import argparse
import os
import subprocess
import sys

BAD_WORDS = ("the analysis crashed", "Stack dump", "AddressSanitizer",
             "UndefinedBehaviorSanitizer", "runtime error:", "LeakSanitizer")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--coroguard", required=True)
    parser.add_argument("--inputs", required=True)
    parser.add_argument("regressions")
    args = parser.parse_args()
    flags = ["-std=c++20", "-nostdinc"]
    for sub in ("std", "posix", "testlib"):
        flags += ["-isystem", os.path.join(args.inputs, sub)]
    names = sorted(os.listdir(args.regressions))
    failed = 0
    for name in names:
        path = os.path.join(args.regressions, name)
        # The harness reads the bytes as a file named input.cpp.
        r = subprocess.run([args.coroguard, "-j", "1", path, "--"] + flags +
                           ["-x", "c++"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=300)
        err = r.stderr.decode("utf-8", "replace")
        bad = [w for w in BAD_WORDS if w in err]
        if r.returncode not in (0, 1, 2) or bad or \
                "coroguard: " not in err.splitlines()[-1]:
            failed += 1
            print("FAIL %s: exit %d %s\n%s" % (name, r.returncode, bad,
                                                err[-2000:]))
        else:
            print("ok %s: exit %d" % (name, r.returncode))
    print("%d inputs, %d failed" % (len(names), failed))
    return 1 if failed or not names else 0


if __name__ == "__main__":
    sys.exit(main())
