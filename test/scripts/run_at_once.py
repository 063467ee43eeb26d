#!/usr/bin/env python3
"""run_at_once.py [--cwd=DIR] --expect=CODES -- CMD1... -- CMD2... [-- ...]:
starts every command at the same moment and fails unless each exits with
one of CODES (e.g. `1` or `0,1`). lit's internal shell has no `&`."""
import subprocess
import sys

args = sys.argv[1:]
cwd = None
expected = None
while args and args[0] != "--":
    option = args.pop(0)
    if option.startswith("--cwd="):
        cwd = option[len("--cwd="):]
    elif option.startswith("--expect="):
        expected = [int(c) for c in option[len("--expect="):].split(",")]
    else:
        sys.exit("run_at_once: unknown option " + option)
if expected is None or not args:
    sys.exit(__doc__)
commands = []
for arg in args:
    if arg == "--" and (not commands or commands[-1]):
        commands.append([])
    else:
        commands[-1].append(arg)
processes = [subprocess.Popen(command, cwd=cwd) for command in commands]
failed = False
for command, process in zip(commands, processes):
    code = process.wait()
    if code not in expected:
        sys.stderr.write("run_at_once: %s exited with %d, expected %s\n" %
                         (" ".join(command), code, expected))
        failed = True
sys.exit(1 if failed else 0)
