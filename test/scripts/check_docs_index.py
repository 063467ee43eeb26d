#!/usr/bin/env python3
"""Checks the documentation against the checks coroguard registers.

Reads `coroguard --list-checks --checks=*` output on standard input (every
check of checks/Checks.def) and requires, for each check: a page
docs/checks/<check>.md whose title names it, a row in the checks table of
docs/README.md and of README.md; and no page or row for a check that does
not exist. Prints one line per problem and "docs index: N checks" at the
end.
"""
import os
import re
import sys


def table_checks(path):
    text = open(path, encoding="utf-8").read()
    return set(re.findall(r"^\| \[(coroguard-[a-z-]+)\]", text, re.M))


def main():
    root = sys.argv[1]
    listed = [line.strip() for line in sys.stdin
              if line.strip().startswith("coroguard-")]
    problems = []
    pages = {name[:-3] for name in os.listdir(os.path.join(root, "docs",
                                                           "checks"))
             if name.endswith(".md")}
    for check in listed:
        page = os.path.join(root, "docs", "checks", check + ".md")
        if check not in pages:
            problems.append("no page docs/checks/%s.md" % check)
        elif check not in open(page, encoding="utf-8").readline():
            problems.append("docs/checks/%s.md: title does not name it" % check)
    for extra in sorted(pages - set(listed)):
        problems.append("docs/checks/%s.md: no such check" % extra)
    for index in ("docs/README.md", "README.md"):
        rows = table_checks(os.path.join(root, index))
        for check in sorted(set(listed) - rows):
            problems.append("%s: no row for %s" % (index, check))
        for check in sorted(rows - set(listed)):
            problems.append("%s: row for unknown check %s" % (index, check))
    for problem in problems:
        print("FAIL " + problem)
    print("docs index: %d checks" % len(listed))
    return 1 if problems or not listed else 0


if __name__ == "__main__":
    sys.exit(main())
