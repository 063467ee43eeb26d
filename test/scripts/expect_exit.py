#!/usr/bin/env python3
"""expect_exit.py CODE CMD...: runs CMD (standard streams passed through)
and fails unless it exits with CODE. lit's internal shell has no `$?`."""
import subprocess
import sys

expected = int(sys.argv[1])
code = subprocess.call(sys.argv[2:])
if code != expected:
    sys.stderr.write("expect_exit: %s exited with %d, expected %d\n" % (
        sys.argv[2], code, expected))
    sys.exit(1)
