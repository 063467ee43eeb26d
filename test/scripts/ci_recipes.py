#!/usr/bin/env python3
"""Runs, on a small git project made here, the steps of the recipes in
docs/ci.md and of .pre-commit-hooks.yaml (without the hosted services),
and prints one line per step for FileCheck.

    ci_recipes.py WORKDIR INPUTS CMD_PREFIX... -- COROGUARD -- FLAGS...
"""
import json
import os
import shlex
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SCRIPTS = os.path.join(ROOT, "test", "scripts")

work, inputs = sys.argv[1], sys.argv[2]
rest = sys.argv[3:]
coroguard = rest[:rest.index("--")]
flags = rest[rest.index("--") + 1:]
project = os.path.join(work, "project")


def run(args, expect, **kw):
    r = subprocess.run(args, cwd=project, capture_output=True, text=True,
                       **kw)
    if r.returncode not in expect:
        sys.exit("%s exited with %d, expected %s:\n%s%s" % (
            " ".join(args), r.returncode, expect, r.stdout, r.stderr))
    return r


def git(*args):
    run(["git", "-c", "user.name=ci", "-c", "user.email=ci@example.com"] +
        list(args), [0])


def findings(path):
    with open(os.path.join(project, path)) as f:
        return json.load(f)["diagnostics"]


shutil.rmtree(work, ignore_errors=True)
os.makedirs(os.path.join(project, "src"))
os.makedirs(os.path.join(project, "build"))
for name in ("good.cpp", "clean.cpp", "baseline-app.cpp"):
    shutil.copy(os.path.join(inputs, name), os.path.join(project, "src"))
subprocess.check_call([sys.executable, os.path.join(SCRIPTS,
                                                    "make_compile_db.py"),
                       os.path.join(project, "build"),
                       os.path.join(project, "src"), "--"] + flags)
git("init", "-q")
git("add", "src")
git("commit", "-qm", "legacy code")

# Adopting the gate: three commands (docs/ci.md).
run(coroguard + ["-p", "build", "--quiet",
                 "--write-baseline=.coroguard-baseline.json"], [0])
git("add", ".coroguard-baseline.json")
git("commit", "-qm", "coroguard baseline")
gate = coroguard + ["-p", "build", "--baseline=.coroguard-baseline.json"]
r = run(gate, [0])
print("adopt:", r.stderr.strip().splitlines()[-1])

# A change adds one bug: the gate fails on exactly that one.
app = os.path.join(project, "src", "baseline-app.cpp")
with open(app) as f:
    text = f.read()
with open(app, "w") as f:
    f.write(text.replace("testlib::task<> second() {\n",
                         "testlib::task<> second() {\n  fetch();\n"))
r = run(gate + ["--format=json", "--output=new.json"], [1])
(new,) = findings("new.json")
print("new bug:", "%s:%d" % (os.path.relpath(new["file"], project),
                             new["line"]), new["check"])

# GitHub Actions: a matrix of two shards, then merge, then upload-sarif.
for k in (1, 2):
    run(gate + ["--quiet", "--shard=%d/2" % k, "--format=json",
                "--output=shard-%d.json" % k], [0, 1])
run(coroguard + ["merge", "--quiet", "shard-1.json", "shard-2.json",
                 "--format=sarif", "--output=coroguard.sarif"], [1])
subprocess.check_call([sys.executable,
                       os.path.join(SCRIPTS, "validate_sarif.py"),
                       os.path.join(project, "coroguard.sarif")],
                      stdout=subprocess.DEVNULL)
with open(os.path.join(project, "coroguard.sarif")) as f:
    results = json.load(f)["runs"][0]["results"]
states = [r.get("baselineState", "none") for r in results]
print("github: merged SARIF valid, %d results (%d unchanged, %d new)" %
      (len(results), states.count("unchanged"), states.count("new")))
# ... and the HTML report of the same parts, published as an artifact.
run(coroguard + ["merge", "--quiet", "shard-1.json", "shard-2.json",
                 "--format=html", "--output=coroguard-html"], [1])
with open(os.path.join(project, "coroguard-html", "index.html")) as f:
    index = f.read()
print("github: HTML report, %d rows (%d new)" % (
    index.count('<tr id="F'), index.count('data-state="new"')))

# GitHub Actions' cache step: the job's cache directory is saved, and a
# later job at the same path restores it before its run.
cache_env = dict(os.environ,
                 COROGUARD_CACHE_DIR=os.path.join(project, ".coroguard-cache"))
run(gate + ["--quiet"], [0, 1], env=cache_env)
saved = os.path.join(work, "saved-cache")
shutil.move(cache_env["COROGUARD_CACHE_DIR"], saved)
shutil.copytree(saved, cache_env["COROGUARD_CACHE_DIR"])
r = run(gate + ["--quiet", "--cache-stats"], [0, 1], env=cache_env)
print("github cache:", r.stderr.strip().split(";")[0])

# GitLab: the Code Quality report.
run(gate + ["--quiet", "--format=codeclimate",
            "--output=gl-code-quality-report.json"], [1])
with open(os.path.join(project, "gl-code-quality-report.json")) as f:
    issues = json.load(f)
for issue in issues:
    for key in ("description", "check_name", "fingerprint", "severity"):
        assert issue[key], key
    assert not issue["location"]["path"].startswith("/")
print("gitlab:", len(issues), "issue at",
      "%s:%d" % (issues[0]["location"]["path"],
                 issues[0]["location"]["lines"]["begin"]))

# GitLab: the HTML report as a browsable artifact.
run(gate + ["--quiet", "--format=html", "--output=coroguard-html"], [1])
print("gitlab: HTML report,",
      len(os.listdir(os.path.join(project, "coroguard-html", "files"))),
      "file page")

# Plain shell: the exit code is the verdict.
print("shell: exit", run(gate + ["--quiet"], [1]).returncode)

# pre-commit: the hook's entry and args, on the staged change.
hook = {}
with open(os.path.join(ROOT, ".pre-commit-hooks.yaml")) as f:
    for line in f:
        key, _, value = line.strip().lstrip("- ").partition(": ")
        hook[key] = value
entry = shlex.split(hook["entry"])
args = [a.strip() for a in hook["args"].strip("[]").split(",")]
assert entry[0] == "coroguard" and hook["pass_filenames"] == "false"
git("add", "src/baseline-app.cpp")
r = run(coroguard + entry[1:] + args, [1])
print("pre-commit:", r.stdout.count("warning:"), "finding:",
      r.stdout.split("warning: ")[1].split(" [")[0])
git("commit", "-qm", "the change")
r = run(coroguard + entry[1:] + args, [0])
print("pre-commit after commit: exit", r.returncode)
