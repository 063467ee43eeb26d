#!/usr/bin/env python3
"""bug_markers.py SRC_DIR REPORT: the lines of the report's warnings must be
exactly the lines of SRC_DIR marked with a `// BUG:` comment."""
import os
import re
import sys

src, report = sys.argv[1], sys.argv[2]
marked = set()
for name in os.listdir(src):
    with open(os.path.join(src, name)) as f:
        for number, line in enumerate(f, 1):
            if "// BUG:" in line:
                marked.add((name, number))
reported = set()
with open(report) as f:
    for line in f:
        m = re.match(r"(.*?):(\d+):\d+: warning:", line)
        if m:
            reported.add((os.path.basename(m.group(1)), int(m.group(2))))
missed = sorted(marked - reported)
extra = sorted(reported - marked)
if missed or extra:
    sys.exit("missed (marked, not reported): %s\nextra (reported, not "
             "marked): %s" % (missed, extra))
print("%d marked bugs, all reported, nothing else" % len(marked))
