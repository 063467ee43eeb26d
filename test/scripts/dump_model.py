#!/usr/bin/env python3
"""dump_model.py [--strip] DUMP.json: prints one line per entry of a
`coroguard --dump-model` document (kind, name, source profile, summary), or
with --strip writes it back as a plain model file (without the dump-only
keys) so it can be loaded again."""
import json
import sys

strip = "--strip" in sys.argv
doc = json.load(sys.stdin if sys.argv[-1] == "-" else open(sys.argv[-1]))
if strip:
    doc.pop("mergedFrom")
    for key, value in doc.items():
        if isinstance(value, list):
            for entry in value:
                entry.pop("fromProfile", None)
    json.dump(doc, sys.stdout, indent=2)
    sys.exit(0)
for origin in doc["mergedFrom"]:
    print("merged", origin)
for kind, entries in doc.items():
    if not isinstance(entries, list) or kind == "mergedFrom":
        continue
    for e in entries:
        summary = e.get("alternative", "")
        if "lazy" in e:
            summary = "lazy" if e["lazy"] else "eager"
        print("%s %s from %s: %s" % (kind, e["name"], e["fromProfile"],
                                     summary))
