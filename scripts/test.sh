#!/usr/bin/env bash
# Sets everything up, builds, and runs the whole test suite (lit, through
# CTest).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${COROGUARD_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/setup.sh" --test
ctest --test-dir "$BUILD" --output-on-failure "$@"
