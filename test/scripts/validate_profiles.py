#!/usr/bin/env python3
"""validate_profiles.py [--expect-merged=DUMP_LINES] PROFILE_DIR

Validates every profile in PROFILE_DIR against model.schema.json (with the
jsonschema package) and checks that names are unique within each kind of a
profile. With --expect-merged, checks that every profile of the directory
appears in the `merged` lines printed by dump_model.py, i.e. that the
binaries embed them all."""
import json
import os
import sys

import jsonschema

directory = sys.argv[-1]
schema = json.load(open(os.path.join(directory, "model.schema.json")))
profiles = sorted(f for f in os.listdir(directory)
                  if f.endswith(".json") and f != "model.schema.json")
merged = None
for arg in sys.argv[1:-1]:
    if arg.startswith("--expect-merged="):
        merged = open(arg.split("=", 1)[1]).read()
failed = False
for name in profiles:
    doc = json.load(open(os.path.join(directory, name)))
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as e:
        print("%s: INVALID: %s" % (name, e.message))
        failed = True
        continue
    for kind, entries in doc.items():
        if isinstance(entries, list):
            names = [e["name"] for e in entries]
            dupes = sorted({n for n in names if names.count(n) > 1})
            if dupes:
                print("%s: duplicate %s: %s" % (name, kind, dupes))
                failed = True
    if merged is not None and ("<builtin>/%s" % name) not in merged:
        print("%s: not embedded in the binaries" % name)
        failed = True
    print("%s: valid" % name)
if failed:
    sys.exit(1)
print("all %d profiles valid" % len(profiles))
