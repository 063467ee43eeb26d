#!/usr/bin/env bash
# Runs coroguard's libFuzzer harnesses (see docs/reliability.md): first every
# recorded regression input, then each harness for a bounded time.
#
#   scripts/fuzz.sh [SECONDS]     # each harness SECONDS long (default 60)
#   COROGUARD_FUZZ_CORPUS=dir     # keep the corpus there between runs
#                                 # (default build-sanitize/fuzz-corpus)
#   COROGUARD_FUZZ_JOBS=N         # N fuzzing processes per harness
#
# A crash, a sanitizer report, a leak, an input over the memory limit or a
# wrong --fix result stops the run: the input is saved under
# build-sanitize/fuzz-artifacts/ and the command to reproduce it printed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${COROGUARD_BUILD_DIR:-$ROOT/build-sanitize}"
TIME="${1:-60}"
CORPUS="${COROGUARD_FUZZ_CORPUS:-$BUILD/fuzz-corpus}"
JOBS="${COROGUARD_FUZZ_JOBS:-1}"

COROGUARD_BUILD_DIR="$BUILD" \
  COROGUARD_TARGETS="coroguard-check-fuzzer coroguard-fix-fuzzer" \
  "$ROOT/scripts/setup.sh" --sanitize

ARTIFACTS="$BUILD/fuzz-artifacts"
mkdir -p "$CORPUS/check" "$CORPUS/fix" "$ARTIFACTS"

# The dictionary: coroutine syntax, plus every name the built-in models
# know (types, functions, members), whole and by last component.
DICT="$BUILD/fuzz-check.dict"
python3 - "$ROOT" "$DICT" <<'PY'
import glob, json, os, re, sys
root, out = sys.argv[1], sys.argv[2]
names = set()
def walk(value, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            walk(v, k)
    elif isinstance(value, list):
        for v in value:
            walk(v, key)
    elif isinstance(value, str) and key in ("name", "release", "functions",
                                            "members", "names", "types"):
        if re.fullmatch(r"[A-Za-z_:][\w:<>]*", value):
            names.add(value)
            names.add(value.split("::")[-1])
for path in sorted(glob.glob(os.path.join(root, "profiles", "*.json"))):
    if not path.endswith("schema.json"):
        walk(json.load(open(path)))
with open(out, "w") as f:
    f.write(open(os.path.join(root, "fuzz", "coroutine.dict")).read())
    for name in sorted(n for n in names if n):
        f.write('"%s"\n' % name)
PY

# allow_user_poisoning=0: see test/lit.cfg.py (LLVM allocator copies).
export ASAN_OPTIONS="${ASAN_OPTIONS:-allow_user_poisoning=0:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
COMMON=(-rss_limit_mb=2048 -malloc_limit_mb=1536 -timeout=30
        -print_final_stats=1)
if ((JOBS > 1)); then
  COMMON+=(-jobs="$JOBS" -workers="$JOBS")
fi

# 1. Every input that ever broke a harness, once.
shopt -s nullglob
regressions=("$ROOT"/test/fuzz-regressions/check/*)
if ((${#regressions[@]})); then
  "$BUILD/bin/coroguard-check-fuzzer" "${regressions[@]}"
fi
regressions=("$ROOT"/test/fuzz-regressions/fix/*)
if ((${#regressions[@]})); then
  "$BUILD/bin/coroguard-fix-fuzzer" "${regressions[@]}"
fi

# 2. Source text through every check, seeded with the check tests.
echo "coroguard fuzz: coroguard-check-fuzzer for ${TIME}s" >&2
"$BUILD/bin/coroguard-check-fuzzer" "${COMMON[@]}" \
  -max_total_time="$TIME" -max_len=8192 -dict="$DICT" \
  -artifact_prefix="$ARTIFACTS/check-" \
  "$CORPUS/check" "$ROOT/test/checks" "$ROOT/test/profiles"

# 3. Generated layouts and compile databases through --fix.
echo "coroguard fuzz: coroguard-fix-fuzzer for ${TIME}s" >&2
"$BUILD/bin/coroguard-fix-fuzzer" "${COMMON[@]}" \
  -max_total_time="$TIME" -max_len=64 \
  -artifact_prefix="$ARTIFACTS/fix-" "$CORPUS/fix"
