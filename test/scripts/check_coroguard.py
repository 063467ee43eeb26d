#!/usr/bin/env python3
"""Runs one check test through the coroguard fronts and FileChecks them.

    check_coroguard.py [tool paths] [--fronts=cli,tidy,clangd]
        [--check-suffix=S] <input.cpp> <check globs> <tmp>
        [-- <compiler flags>]

For each front: copy the input without its `// CHECK-...:` comments (line
numbers are kept) into <tmp>/<front>/, run the front on it (with fixes
applied where the front can), FileCheck the diagnostics against
CHECK-MESSAGES with every unexpected warning or error failing the test, and
FileCheck the fixed file against CHECK-FIXES (--match-full-lines). Without
CHECK-MESSAGES the test asserts that no diagnostic at all is produced.

Every fix-it is checked end to end, whether or not the test has CHECK-FIXES:
the file the CLI fixed compiles (the input must), a second run finds none of
the findings that had a fix-it and nothing new, clang-tidy with the plugin
makes the same file byte for byte, and coroguard-clangd offers, with each
finding, a quick fix with the same edits (#include insertions aside, which
clangd adds to every fix and the others to the first fix of a file).
"""
import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys

CHECK_COMMENT = re.compile(r"//\s*CHECK-[A-Z0-9-]+:.*$", re.M)


def filecheck_regex(pattern):
    """A CHECK line under --match-full-lines as a Python regex: literal
    text, {{regex}} blocks, [[VAR]] uses and [[VAR:regex]] definitions;
    blanks at either end ignored, runs of blanks equal."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("{{", i):
            end = pattern.index("}}", i + 2)
            out.append("(?:%s)" % pattern[i + 2:end])
            i = end + 2
        elif pattern.startswith("[[", i):
            end = pattern.index("]]", i + 2)
            body = pattern[i + 2:end]
            out.append("(?:%s)" % body.split(":", 1)[1] if ":" in body
                       else ".*")
            i = end + 2
        elif pattern[i] in " \t":
            while i < len(pattern) and pattern[i] in " \t":
                i += 1
            out.append("[ \t]+")
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile(r"[ \t]*" + "".join(out).strip() + r"[ \t]*$")


def fixes_matching_unfixed(original, cleaned, prefix):
    """CHECK-FIXES lines that pass whether or not the fix was applied: a
    CHECK-FIXES line, with the -NEXT lines that follow it, must hold at
    least one line that no line of the unfixed input matches (the others
    may be context). -NOT and -EMPTY lines are not positive matches, and
    the lines right around them are anchors that may be context only."""
    unfixed = cleaned.splitlines()
    directive = re.compile(r"//\s*%s(|-NEXT|-SAME|-NOT|-EMPTY):(.*)$" %
                           re.escape(prefix))
    # Groups of positive lines; a group next to a -NOT line is an anchor
    # that bounds where the -NOT applies, and may be context only.
    groups, anchors, previous = [], set(), None
    for number, line in enumerate(original.splitlines(), 1):
        m = directive.search(line)
        if not m:
            continue
        kind = m.group(1)
        if kind in ("-NOT", "-EMPTY"):
            if previous == "group":
                anchors.add(len(groups) - 1)
            previous = "not"
            continue
        if kind == "" or not groups:
            groups.append([])
            if previous == "not":
                anchors.add(len(groups) - 1)
        groups[-1].append((number, m.group(2).strip()))
        previous = "group"
    problems = []
    for index, group in enumerate(groups):
        if index in anchors:
            continue
        def matched(pattern):
            regex = filecheck_regex(pattern)
            return next((n for n, text in enumerate(unfixed, 1)
                         if regex.match(text)), None)
        hits = [(number, matched(pattern)) for number, pattern in group]
        if all(hit is not None for _, hit in hits):
            problems.append("line %d: %s: every line also matches the "
                            "unfixed input (line %s)" % (
                                group[0][0], prefix,
                                ", ".join(str(h) for _, h in hits)))
    return problems


def run(argv, **kwargs):
    return subprocess.run(argv, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, **kwargs)


def fail(front, message, output=""):
    sys.stderr.write("[%s] %s\n%s\n" % (front, message, output))
    sys.exit(1)


def run_front(args, front, source, flags, checks, fixes_out=None):
    globs = "-*," + checks
    if front == "cli":
        cmd = [args.coroguard, "--quiet", "--checks=" + globs, source]
        if not args.no_fix:
            cmd.insert(1, "--fix")
        cmd += ["--"] + flags
        result = run(cmd)
        if result.returncode not in (0, 1):
            fail(front, "coroguard exited with %d" % result.returncode,
                 result.stdout + result.stderr)
        return result.stdout
    if front == "tidy":
        cmd = [args.clang_tidy, "--load=" + args.plugin, "--checks=" + globs,
               "--quiet", source]
        if not args.no_fix:
            cmd.insert(1, "-fix")
        cmd += ["--", "-resource-dir=" + args.resource_dir] + flags
        result = run(cmd)
        if result.returncode != 0:
            fail(front, "clang-tidy exited with %d" % result.returncode,
                 result.stdout + result.stderr)
        return result.stdout
    if front == "clangd":
        directory = os.path.dirname(source)
        with open(os.path.join(directory, "compile_commands.json"), "w") as f:
            f.write('[{"directory": %s, "file": %s, "arguments": %s}]' % (
                repr_json(directory), repr_json(source),
                repr_json(["clang++"] + flags + ["-c", source])))
        # As a project chooses its checks; coroguard-clangd enables every
        # coroguard check when nothing is configured.
        # (Next to the test's own configuration, if it has one.)
        config = os.path.join(directory, ".clang-tidy")
        given = ""
        if os.path.exists(config):
            with open(config, encoding="utf-8") as f:
                given = f.read()
        choice = "Checks: '-*,%s'" % checks
        given = given.strip()
        if given.startswith("{"):  # a flow mapping: {CheckOptions: ...}
            text = "{%s, %s\n" % (choice, given[1:])
        else:
            text = "%s\n%s\n" % (choice, given)
        with open(config, "w", encoding="utf-8") as f:
            f.write(text)
        cmd = [sys.executable, args.lsp_client, "--file", source]
        if fixes_out:
            cmd.append("--fixes-out=" + fixes_out)
        cmd += ["--",
               args.clangd, "--resource-dir=" + args.resource_dir,
               "--compile-commands-dir=" + directory, "--log=error",
               "--background-index=false", "--pch-storage=memory"]
        result = run(cmd)
        if result.returncode != 0:
            fail(front, "LSP session failed", result.stdout + result.stderr)
        return result.stdout
    raise ValueError(front)


def findings(args, source, flags, checks):
    """The findings of the CLI on `source`, as its JSON gives them."""
    import json
    result = run([args.coroguard, "--quiet", "--format=json", "--no-cache",
                  "--checks=-*," + checks, source, "--"] + flags)
    if result.returncode not in (0, 1):
        fail("cli", "coroguard exited with %d" % result.returncode,
             result.stdout + result.stderr)
    return json.loads(result.stdout)["diagnostics"]


def compiles(args, source, flags):
    result = run([args.clang, "-fsyntax-only",
                  "-resource-dir=" + args.resource_dir] + flags + [source])
    return result.returncode == 0, result.stderr


def check_relint(before, after):
    """A second run after the fixes: no finding that had a fix-it is left
    and none is new. A finding without one of its own may be gone: the
    fix-it of another finding can fix it too (resources rewritten
    together)."""
    from collections import Counter
    key = lambda d: (d["check"], d["message"])
    allowed = Counter(key(d) for d in before if not d["fixes"])
    problems = []
    for k, n in Counter(key(d) for d in after).items():
        if n > allowed[k]:
            problems.append("%s: %s" % k)
    return problems


def apply_edits(text, edits):
    """`text` (str) with `edits` ({offset, length, text}, byte offsets)
    applied, #include insertions left out (clangd adds one to every fix,
    the other fronts to the first fix of a file)."""
    data = text.encode("utf-8")
    kept = sorted((e for e in edits
                   if not e["text"].lstrip().startswith("#include")),
                  key=lambda e: (e["offset"], e["length"]), reverse=True)
    for e in kept:
        data = (data[:e["offset"]] + e["text"].encode("utf-8") +
                data[e["offset"] + e["length"]:])
    return data.decode("utf-8")


def check_clangd_fixes(offered, before, text):
    """Each CLI finding with a fix-it has, in clangd, a quick fix that makes
    the same file and is named after what it does; clangd offers no quick
    fix the CLI has not. (Edits are
    compared by what they make: the fronts may merge adjacent edits.)"""
    problems = []
    by_place = {}
    for d in offered:
        by_place.setdefault((d["line"], d["character"], d["message"]),
                            []).append(d)
    for d in before:
        place = (d["line"], d["column"], d["message"])
        candidates = by_place.get(place, [])
        want = apply_edits(text, [{"offset": e["offset"], "length":
                                   e["length"], "text": e["replacement"]}
                                  for e in d["fixes"]])
        got = [apply_edits(text, [{"offset": e["offset"], "length":
                                   e["length"], "text": e["newText"]}
                                  for e in a["edits"]])
               for c in candidates for a in c["actions"] if a["edits"]]
        if d["fixes"] and want not in got:
            problems.append("%d:%d: no quick fix makes the CLI's file (%s)" %
                            (place[0], place[1], d["message"]))
        # Named after what it does, not after the finding.
        for c in candidates:
            for a in c["actions"]:
                if a["edits"] and (not a["title"] or
                                   a["title"].lower() == c["message"].lower()):
                    problems.append("%d:%d: a quick fix titled with the "
                                    "finding, not with what it does (%s)" %
                                    (place[0], place[1], d["message"]))
        if not d["fixes"] and got:
            problems.append("%d:%d: a quick fix the CLI does not make (%s)" %
                            (place[0], place[1], d["message"]))
    return problems


def repr_json(value):
    import json
    return json.dumps(value)


def main():
    parser = argparse.ArgumentParser()
    for tool in ["coroguard", "clang-tidy", "plugin", "clangd", "lsp-client",
                 "filecheck", "clang", "resource-dir"]:
        parser.add_argument("--" + tool, required=True)
    parser.add_argument("--fronts", default="cli,tidy,clangd")
    parser.add_argument("--check-suffix", default="")
    parser.add_argument("--compile-fixed", action="store_true",
                        help="(every fixed file is compiled; kept so that "
                        "older RUN lines still parse)")
    parser.add_argument("--no-fix", action="store_true")
    parser.add_argument("--clang-tidy-config", default="",
                        help="text of a .clang-tidy written beside the "
                        "copied input, read by every front (%%S in it is the "
                        "test's directory)")
    parser.add_argument("--copy", action="append", default=[],
                        help="a file copied beside the input")
    parser.add_argument("input")
    parser.add_argument("checks")
    parser.add_argument("tmp")
    parser.add_argument("flags", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    flags = [f for f in args.flags if f != "--"]

    suffix = "-" + args.check_suffix if args.check_suffix else ""
    messages_prefix = "CHECK-MESSAGES" + suffix
    fixes_prefix = "CHECK-FIXES" + suffix
    with open(args.input, encoding="utf-8") as f:
        original = f.read()
    cleaned = CHECK_COMMENT.sub("", original)
    expects_messages = re.search(r"\b%s:" % re.escape(messages_prefix),
                                 original)
    expects_fixes = re.search(r"\b%s:" % re.escape(fixes_prefix), original)
    # A CHECK-FIXES line must match only what a fix produces.
    problems = fixes_matching_unfixed(original, cleaned, fixes_prefix)
    if problems:
        fail("fixes", "CHECK-FIXES lines that pass without the fix:",
             "\n".join(problems))

    outputs = {}
    cli_fixed = None
    cli_before = None
    for front in args.fronts.split(","):
        directory = os.path.join(args.tmp, front)
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(directory)
        source = os.path.join(directory, os.path.basename(args.input))
        with open(source, "w", encoding="utf-8") as f:
            f.write(cleaned)
        if args.clang_tidy_config:
            with open(os.path.join(directory, ".clang-tidy"), "w") as f:
                f.write(args.clang_tidy_config.replace(
                    "%S", os.path.dirname(os.path.abspath(args.input))) + "\n")
        for extra in args.copy:
            shutil.copy(extra, directory)
        if front == "cli" and not args.no_fix:
            cli_before = findings(args, source, flags, args.checks)
        fixes_out = source + ".fixes.json" if front == "clangd" else None
        output = run_front(args, front, source, flags, args.checks,
                           fixes_out)
        outputs[front] = output
        with open(source + ".msg", "w") as f:
            f.write(output)

        diagnostic_lines = [l for l in output.splitlines()
                            if re.search(r"(warning|error):", l)]
        if not expects_messages:
            if diagnostic_lines:
                fail(front, "expected no diagnostics, got:", output)
        else:
            result = run([args.filecheck, args.input,
                          "--check-prefix=" + messages_prefix,
                          "--implicit-check-not={{warning|error}}:",
                          "--input-file=" + source + ".msg"])
            if result.returncode != 0:
                fail(front, "diagnostics do not match " + messages_prefix,
                     result.stderr)

        if args.no_fix:
            continue
        if front == "clangd":
            if cli_before is not None:
                with open(fixes_out, encoding="utf-8") as f:
                    import json
                    problems = check_clangd_fixes(json.load(f), cli_before,
                                                  cleaned)
                if problems:
                    fail(front, "quick fixes differ from the CLI's fix-its:",
                         "\n".join(problems))
            continue
        with open(source, encoding="utf-8") as f:
            fixed = f.read()
        if expects_fixes:
            result = run([args.filecheck, args.input,
                          "--check-prefix=" + fixes_prefix,
                          "--match-full-lines", "--input-file=" + source])
            if result.returncode != 0:
                fail(front, "fixed file does not match " + fixes_prefix,
                     result.stderr)
        elif fixed != cleaned and not any(d["fixes"] for d in
                                         cli_before or []):
            fail(front, "the file was changed but no finding has a fix-it")
        if front == "tidy" and cli_fixed is not None and fixed != cli_fixed:
            fail(front, "clang-tidy --fix made another file than coroguard "
                 "--fix", "".join(difflib.unified_diff(
                     cli_fixed.splitlines(True), fixed.splitlines(True),
                     "cli", "tidy")))
        if front != "cli" or fixed == cleaned:
            continue
        cli_fixed = fixed
        # The input must compile, so that its fixed file can be compiled.
        original = os.path.join(directory, "original-" +
                                os.path.basename(args.input))
        with open(original, "w", encoding="utf-8") as f:
            f.write(cleaned)
        ok, errors = compiles(args, original, flags)
        if not ok:
            fail(front, "the test input does not compile, so its fix-its "
                 "cannot be checked", errors)
        ok, errors = compiles(args, source, flags)
        if not ok:
            fail(front, "the fixed file does not compile", errors)
        problems = check_relint(cli_before,
                                findings(args, source, flags, args.checks))
        if problems:
            fail(front, "after --fix, findings that had a fix-it remain or "
                 "new ones appear:", "\n".join(problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
