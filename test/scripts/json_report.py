#!/usr/bin/env python3
"""Parses a coroguard JSON report, validates its documented shape
(docs/output.md) and prints one line per diagnostic and error, so lit tests
can FileCheck the content after the shape has been asserted.

    json_report.py REPORT.json
"""
import json
import re
import sys

TOP = {"version", "tool", "analysed", "diagnostics", "errors"}
DIAG = {"check", "severity", "message", "file", "line", "column", "offset",
        "identity", "notes", "fixes"}
NOTE = {"message", "file", "line", "column", "offset"}
FIX = {"file", "offset", "length", "replacement"}
ERROR = {"file", "message"}


def expect_keys(obj, keys, what):
    if not isinstance(obj, dict) or set(obj) != keys:
        sys.exit("%s has keys %s, expected %s" % (
            what, sorted(obj) if isinstance(obj, dict) else type(obj),
            sorted(keys)))


def expect_type(value, kind, what):
    if not isinstance(value, kind) or isinstance(value, bool):
        sys.exit("%s is %r, expected %s" % (what, value, kind.__name__))


def main():
    with open(sys.argv[1]) as f:
        doc = json.load(f)
    expect_keys(doc, TOP, "report")
    if doc["version"] != 1:
        sys.exit("version is %r" % doc["version"])
    expect_keys(doc["tool"], {"name", "version"}, "tool")
    if doc["tool"]["name"] != "coroguard":
        sys.exit("tool name is %r" % doc["tool"]["name"])
    for a in doc["analysed"]:
        expect_type(a, str, "analysed file")
        if not a.startswith("/"):
            sys.exit("analysed file is not absolute: %s" % a)
    if doc["analysed"] != sorted(set(doc["analysed"])):
        sys.exit("analysed files are not sorted and unique")
    keys = []
    for d in doc["diagnostics"]:
        expect_keys(d, DIAG, "diagnostic")
        for k in ("check", "severity", "message", "file"):
            expect_type(d[k], str, k)
        for k in ("line", "column", "offset"):
            expect_type(d[k], int, k)
        if not re.fullmatch(r"[0-9a-f]{16}:[0-9]+", d["identity"]):
            sys.exit("identity is %r" % d["identity"])
        if not d["file"].startswith("/"):
            sys.exit("file is not absolute: %s" % d["file"])
        for n in d["notes"]:
            expect_keys(n, NOTE, "note")
        for x in d["fixes"]:
            expect_keys(x, FIX, "fix")
            expect_type(x["offset"], int, "offset")
            expect_type(x["length"], int, "length")
        keys.append((d["file"], d["line"], d["column"], d["check"]))
        print("diagnostic %s:%d:%d %s %s: %s (%d notes, %d fixes)" % (
            d["file"].rsplit("/", 1)[-1], d["line"], d["column"],
            d["severity"], d["check"], d["message"], len(d["notes"]),
            len(d["fixes"])))
        for x in d["fixes"]:
            print("  fix offset=%d length=%d replacement=%r" % (
                x["offset"], x["length"], x["replacement"]))
    if keys != sorted(keys):
        sys.exit("diagnostics are not sorted by file, line, column, check")
    for e in doc["errors"]:
        expect_keys(e, ERROR, "error")
        print("error %s: %s" % (e["file"].rsplit("/", 1)[-1], e["message"]))
    print("valid report: %d diagnostics, %d errors, %d files analysed" % (
        len(doc["diagnostics"]), len(doc["errors"]), len(doc["analysed"])))


if __name__ == "__main__":
    main()
