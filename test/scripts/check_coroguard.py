#!/usr/bin/env python3
"""Runs one check test through the coroguard fronts and FileChecks them.

    check_coroguard.py [tool paths] [--fronts=cli,tidy,clangd]
        [--check-suffix=S] [--compile-fixed] <input.cpp> <check globs> <tmp>
        [-- <compiler flags>]

For each front: copy the input without its `// CHECK-...:` comments (line
numbers are kept) into <tmp>/<front>/, run the front on it (with fixes
applied where the front can), FileCheck the diagnostics against
CHECK-MESSAGES with every unexpected warning or error failing the test, and
FileCheck the fixed file against CHECK-FIXES (--match-full-lines). With
--compile-fixed the fixed file must also compile. Without CHECK-MESSAGES the
test asserts that no diagnostic at all is produced.
"""
import argparse
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


def run_front(args, front, source, flags, checks):
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
        with open(os.path.join(directory, ".clangd"), "w") as f:
            f.write("Diagnostics:\n  ClangTidy:\n    Add: [%s]\n"
                    "    FastCheckFilter: Loose\n" % ", ".join(
                        "'%s'" % c for c in checks.split(",")))
        cmd = [sys.executable, args.lsp_client, "--file", source, "--",
               args.clangd, "--resource-dir=" + args.resource_dir,
               "--compile-commands-dir=" + directory, "--log=error",
               "--background-index=false", "--pch-storage=memory"]
        result = run(cmd)
        if result.returncode != 0:
            fail(front, "LSP session failed", result.stdout + result.stderr)
        return result.stdout
    raise ValueError(front)


def count_findings(args, source, flags, checks):
    """(all findings, findings with a fix-it) of the CLI on `source`."""
    import json
    result = run([args.coroguard, "--quiet", "--format=json",
                  "--checks=-*," + checks, source, "--"] + flags)
    if result.returncode not in (0, 1):
        fail("cli", "coroguard exited with %d" % result.returncode,
             result.stdout + result.stderr)
    diagnostics = json.loads(result.stdout)["diagnostics"]
    return len(diagnostics), sum(1 for d in diagnostics if d["fixes"])


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
    parser.add_argument("--compile-fixed", action="store_true")
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
        if front == "cli" and expects_fixes and not args.no_fix:
            before = count_findings(args, source, flags, args.checks)
        output = run_front(args, front, source, flags, args.checks)
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

        if front == "clangd" or args.no_fix:
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
        elif fixed != cleaned:
            fail(front, "the file was changed but the test has no " +
                 fixes_prefix + " lines")
        if front == "cli" and expects_fixes:
            # Every fix-it makes its finding go away, and only its own.
            after, _ = count_findings(args, source, flags, args.checks)
            if after != before[0] - before[1]:
                fail(front, "after --fix, %d findings remain; expected %d "
                     "(%d before, %d of them with fix-its)" % (
                         after, before[0] - before[1], before[0], before[1]))
        if args.compile_fixed and expects_fixes:
            result = run([args.clang, "-fsyntax-only",
                          "-resource-dir=" + args.resource_dir] + flags +
                         [source])
            if result.returncode != 0:
                fail(front, "the fixed file does not compile", result.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
