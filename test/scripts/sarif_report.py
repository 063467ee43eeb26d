#!/usr/bin/env python3
"""Validates the parts of a SARIF 2.1.0 log that code-scanning services and
IDE viewers read, and prints its rules and results for FileCheck.

    sarif_report.py LOG             rules and results
    sarif_report.py --baseline LOG  results with their baselineState
"""
import json
import re
import sys

baseline = sys.argv[1] == "--baseline"
with open(sys.argv[-1]) as f:
    log = json.load(f)
assert log["version"] == "2.1.0", log["version"]
assert "sarif" in log["$schema"]
(run,) = log["runs"]
driver = run["tool"]["driver"]
assert driver["name"] == "coroguard"
for key in ("version", "semanticVersion", "informationUri"):
    assert driver[key], key
assert run["automationDetails"]["id"]
(invocation,) = run["invocations"]
assert invocation["exitCode"] in (0, 1, 2), invocation
assert invocation["executionSuccessful"] == (
    not invocation.get("toolExecutionNotifications")), invocation
for rule in driver["rules"]:
    assert re.fullmatch(r"[A-Z][A-Za-z0-9]*", rule["name"]), rule["name"]
    short = rule["shortDescription"]["text"]
    assert 0 < len(short) <= 1024 and short.count(". ") == 0, short
    assert rule["fullDescription"]["text"] != short, rule["id"]
    assert rule["help"]["text"] and rule["help"]["markdown"], rule["id"]
    assert rule["helpUri"].endswith(".md") or "#" in rule["helpUri"]
    assert rule["defaultConfiguration"]["level"] in ("note", "warning",
                                                     "error")
    if not baseline:
        print("rule", rule["id"], rule["name"])
rules = driver["rules"]
for result in run["results"]:
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    loc = result["locations"][0]["physicalLocation"]
    region = loc["region"]
    uri = loc["artifactLocation"]["uri"]
    fingerprint = result["partialFingerprints"]["primaryLocationLineHash"]
    assert re.fullmatch(r"[0-9a-f]{16}:[0-9]+", fingerprint), fingerprint
    if baseline:
        print("result %s %s %s:%d" % (result["ruleId"],
                                      result["baselineState"], uri,
                                      region["startLine"]))
        continue
    assert "baselineState" not in result
    print("result %s %s %s:%d:%d fingerprint=%s fixes=%d related=%d" % (
        result["ruleId"], result["level"], uri, region["startLine"],
        region["startColumn"], "yes" if fingerprint else "no",
        len(result.get("fixes", [])), len(result.get("relatedLocations", []))))
