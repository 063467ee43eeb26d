#!/usr/bin/env bash
# Sets everything up, builds the bundled example service (examples/) with
# its own CMake to get a compile_commands.json, and runs coroguard on it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${COROGUARD_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/setup.sh"

EXAMPLE_BUILD="$BUILD/example"
if [[ ! -f "$EXAMPLE_BUILD/compile_commands.json" ]]; then
  cmake -S "$ROOT/examples" -B "$EXAMPLE_BUILD" -G Ninja \
    -DCMAKE_CXX_COMPILER=/usr/lib/llvm-22/bin/clang++ >/dev/null
fi

echo "coroguard -p $EXAMPLE_BUILD" >&2
status=0
"$BUILD/bin/coroguard" -p "$EXAMPLE_BUILD" "$@" || status=$?
# 1 means "findings", which is what the example is for.
if [[ $status -eq 1 ]]; then exit 0; fi
exit $status
