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
