#!/usr/bin/env bash
# Checks that coroguard's C++ sources are clang-formatted (.clang-format);
# with --fix, formats them. Lit test inputs are left alone: their CHECK
# lines refer to line numbers.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FORMAT="${CLANG_FORMAT:-/usr/lib/llvm-22/bin/clang-format}"
cd "$ROOT"
mapfile -t files < <(git ls-files -- 'checks/*.cpp' 'checks/*.h' 'checks/*/*.cpp' 'tool/*.cpp' \
  'tool/*.h' 'fuzz/*.cpp' 'include/*.h' 'test/unit/*.cpp')
if [[ "${1:-}" == "--fix" ]]; then
  exec "$FORMAT" -i "${files[@]}"
fi
exec "$FORMAT" --dry-run -Werror "${files[@]}"
