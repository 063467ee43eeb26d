#!/usr/bin/env bash
# Installs what coroguard needs on Debian 12 (when missing), then configures
# and builds it in build/. Idempotent and quiet when everything is in place.
#
#   scripts/setup.sh            # packages + build
#   scripts/setup.sh --test     # also what the test suite runs on: the
#                               # real code of asio's and Boost's examples,
#                               # and the SARIF validator (npm)
#   scripts/setup.sh --test --sanitize
#                               # and an ASan+UBSan build with the libFuzzer
#                               # harnesses, in build-sanitize/ (clang-22)
#   COROGUARD_BUILD_DIR=dir     # build somewhere else
#   COROGUARD_TARGETS="a b"     # build only these targets (default: all)
#
# The CMake settings are the presets "release" and "sanitize" of
# CMakePresets.json.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${COROGUARD_BUILD_DIR:-$ROOT/build}"

PACKAGES=(llvm-22-dev libclang-22-dev clang-22 clang-tidy-22 clangd-22
          clang-tools-22 llvm-22-tools nlohmann-json3-dev ninja-build cmake
          python3 python3-jsonschema libasio-dev ccache)
PRESET=release
for arg in "$@"; do
  case "$arg" in
    --test)
      PACKAGES+=(libasio-doc libboost1.81-dev libboost1.81-doc libssl-dev
                 libabsl-dev libgtest-dev doctest-dev clang-format-22 chromium) ;;
    --sanitize)
      PACKAGES+=(libfuzzer-22-dev libclang-rt-22-dev)
      BUILD="${COROGUARD_BUILD_DIR:-$ROOT/build-sanitize}"
      PRESET=sanitize ;;
    *) echo "usage: scripts/setup.sh [--test] [--sanitize]" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done
SUDO=()
if [[ $(id -u) -ne 0 ]]; then SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
if ((${#missing[@]})); then
  echo "coroguard setup: installing ${missing[*]}" >&2
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The SARIF validator the tests run (Microsoft's sarif-multitool, from npm).
if [[ " $* " == *" --test "* ]] && ! command -v sarif-multitool >/dev/null; then
  if ! command -v npm >/dev/null; then
    echo "coroguard setup: installing npm" >&2
    "${SUDO[@]}" apt-get update -qq
    "${SUDO[@]}" apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  echo "coroguard setup: installing @microsoft/sarif-multitool" >&2
  "${SUDO[@]}" npm install -g --silent @microsoft/sarif-multitool@5.7.0 >/dev/null
  # Its postinstall step (chmod of the binary) is not run by every npm.
  find "$(npm root -g)/@microsoft" -name Sarif.Multitool -type f \
    -exec "${SUDO[@]}" chmod a+x {} +
fi

if [[ ! -f "$BUILD/build.ninja" ]]; then
  (cd "$ROOT" && cmake --preset "$PRESET" -B "$BUILD" >/dev/null)
fi
# Quiet unless something fails: ninja's own output is shown then.
read -r -a targets <<< "${COROGUARD_TARGETS:-}"
if ! out=$(ninja -C "$BUILD" "${targets[@]}" 2>&1); then
  echo "$out" >&2
  exit 1
fi
