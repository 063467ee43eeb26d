#!/usr/bin/env python3
"""Validates SARIF logs with Microsoft's SARIF validator (sarif-multitool,
which scripts/setup.sh --test installs from npm) and fails on any error or
warning it reports.

    validate_sarif.py LOG...
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

tool = shutil.which("sarif-multitool")
if not tool:
    sys.exit("validate_sarif.py: sarif-multitool is not installed; "
             "run scripts/setup.sh --test")
failed = False
for log in sys.argv[1:]:
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "validation.sarif")
        run = subprocess.run([tool, "validate", log, "--output", out,
                              "--max-file-size-in-kb", "1000000",
                              "--log", "ForceOverwrite"],
                             capture_output=True, text=True)
        if run.returncode != 0 or not os.path.exists(out):
            sys.exit("validate_sarif.py: sarif-multitool failed on %s:\n%s%s"
                     % (log, run.stdout, run.stderr))
        with open(out) as f:
            validation = json.load(f)
    rules = {}
    for run_ in validation["runs"]:
        for rule in run_["tool"]["driver"].get("rules", []):
            rules[rule["id"]] = rule
        for result in run_.get("results", []):
            # A result's level defaults to "warning" (SARIF 3.27.10).
            level = result.get("level", "warning")
            if level not in ("error", "warning"):
                continue
            failed = True
            message = result["message"]
            text = message.get("text") or " ".join(
                message.get("arguments", []))
            print("%s: %s %s: %s" % (log, level, result["ruleId"], text))
    print("%s: 0 errors, 0 warnings" % log if not failed else
          "%s: invalid" % log)
sys.exit(1 if failed else 0)
