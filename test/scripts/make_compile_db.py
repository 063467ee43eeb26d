#!/usr/bin/env python3
"""make_compile_db.py BUILD_DIR SRC_DIR -- FLAGS...: writes
BUILD_DIR/compile_commands.json with one entry per .cpp file of SRC_DIR."""
import json
import os
import sys

build, src = sys.argv[1], sys.argv[2]
flags = sys.argv[sys.argv.index("--") + 1:]
entries = []
for name in sorted(os.listdir(src)):
    if name.endswith(".cpp"):
        path = os.path.join(src, name)
        entries.append({"directory": src, "file": path,
                        "arguments": ["clang++"] + flags + ["-c", path]})
with open(os.path.join(build, "compile_commands.json"), "w") as f:
    json.dump(entries, f, indent=2)
