#!/usr/bin/env python3
"""expect_exit.py CODES CMD...: runs CMD (standard streams passed through)
and fails unless it exits with one of CODES (e.g. `1` or `0,1`). lit's
internal shell has no `$?`."""
import subprocess
import sys

expected = [int(c) for c in sys.argv[1].split(",")]
code = subprocess.call(sys.argv[2:])
if code not in expected:
    sys.stderr.write("expect_exit: %s exited with %d, expected %s\n" % (
        sys.argv[2], code, sys.argv[1]))
    sys.exit(1)
