#!/usr/bin/env python3
"""Validates the parts of a SARIF 2.1.0 log that code-scanning services read
and prints its rules and results for FileCheck."""
import json
import sys

with open(sys.argv[1]) as f:
    log = json.load(f)
assert log["version"] == "2.1.0", log["version"]
assert "sarif" in log["$schema"]
(run,) = log["runs"]
driver = run["tool"]["driver"]
assert driver["name"] == "coroguard"
assert run["automationDetails"]["id"]
for rule in driver["rules"]:
    for key in ("shortDescription", "fullDescription", "help"):
        assert 0 < len(rule[key]["text"]) <= 1024, (rule["id"], key)
    print("rule", rule["id"])
rule_ids = {r["id"] for r in driver["rules"]}
for result in run["results"]:
    assert result["ruleId"] in rule_ids
    loc = result["locations"][0]["physicalLocation"]
    region = loc["region"]
    uri = loc["artifactLocation"]["uri"]
    fingerprint = result["partialFingerprints"]["primaryLocationLineHash"]
    print("result %s %s %s:%d:%d fingerprint=%s fixes=%d" % (
        result["ruleId"], result["level"], uri, region["startLine"],
        region["startColumn"], "yes" if fingerprint else "no",
        len(result.get("fixes", []))))
