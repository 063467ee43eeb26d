# -*- Python -*-
import os
import shutil

import lit.formats

config.name = "coroguard"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "unit", "fuzz-regressions"]  # unit: GoogleTest, run by CTest
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.coroguard_obj_root, "test")

# LLVM 22's tools (FileCheck, not, clang-tidy) come first: the unversioned
# clang-tidy on a Debian machine is an older release that cannot load the
# plugin.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_bin_dir, config.environment.get("PATH", os.environ["PATH"])])
config.environment["LC_ALL"] = "C"
# Every coroguard run of the suite shares one result cache, fresh for each
# run of the suite: a cached result must equal an analysis, so all the tests
# hold for the cache too. The tests about the cache give their own
# --cache-dir.
result_cache = os.path.join(config.test_exec_root, "result-cache")
shutil.rmtree(result_cache, ignore_errors=True)
config.environment["COROGUARD_CACHE_DIR"] = result_cache

bin_dir = os.path.join(config.coroguard_obj_root, "bin")
plugin = os.path.join(config.coroguard_obj_root, "lib",
                      "CoroGuardTidyModule.so")
scripts = os.path.join(config.coroguard_src_root, "test", "scripts")
inputs = os.path.join(config.coroguard_src_root, "test", "Inputs")

tools = {
    "coroguard": os.path.join(bin_dir, "coroguard"),
    "coroguard_clangd": os.path.join(bin_dir, "coroguard-clangd"),
    "clang_tidy": os.path.join(config.llvm_bin_dir, "clang-tidy"),
    "clang": os.path.join(config.llvm_bin_dir, "clang++"),
}
# A sanitized build: clang-tidy (not instrumented) preloads the sanitizer
# runtime the plugin needs; every report fails the test.
# allow_user_poisoning=0: LLVM's BumpPtrAllocator poisons its slabs only
# when compiled with ASan. Our instrumented code and Debian's uninstrumented
# LLVM libraries each carry copies of those inline functions and the linker
# keeps one, so poisoning without the matching unpoisoning gives false
# use-after-poison reports (seen in coroguard-clangd). Real heap errors are
# still found.
if config.sanitizer_preload:
    tools["clang_tidy"] = os.path.join(config.coroguard_obj_root, "test",
                                       "clang-tidy-preloaded")
    config.environment["ASAN_OPTIONS"] = \
        "allow_user_poisoning=0:detect_leaks=1"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"
    config.available_features.add("sanitized")

harness = " ".join([
    config.python_executable,
    os.path.join(scripts, "check_coroguard.py"),
    "--coroguard=" + tools["coroguard"],
    "--clang-tidy=" + tools["clang_tidy"],
    "--plugin=" + plugin,
    "--clangd=" + tools["coroguard_clangd"],
    "--lsp-client=" + os.path.join(scripts, "lsp_client.py"),
    "--filecheck=" + os.path.join(config.llvm_bin_dir, "FileCheck"),
    "--clang=" + tools["clang"],
    "--resource-dir=" + config.clang_resource_dir,
])

# Mock headers: the standard library, POSIX and the coroutine libraries,
# declarations only. -nostdinc keeps the real ones out of the way.
mock_flags = "-std=c++20 -nostdinc -isystem %s -isystem %s" % (
    os.path.join(inputs, "std"), os.path.join(inputs, "posix"))

# `lit --param headers=real`: the same tests against the machine's real
# headers where Debian ships them. %mock_flags gives libstdc++ and glibc,
# and the mock directory of each library installed here (asio, Boost.Asio
# and Beast; Boost.Thread and Abseil) becomes an empty one, so <asio.hpp> is the real header. Libraries Debian
# does not ship keep their mocks. A test that cannot hold on real headers
# says why in an `UNSUPPORTED: real-headers` line.
real_headers = lit_config.params.get("headers", "mock") == "real"
if lit_config.params.get("headers", "mock") not in ("mock", "real"):
    lit_config.fatal("--param headers= takes 'mock' or 'real'")
if real_headers:
    config.available_features.add("real-headers")
    # asio 1.22 and Boost.Asio 1.81 enable co_await only for GCC, or for
    # clang with <experimental/coroutine>; a project built with clang
    # defines these itself.
    mock_flags = "-std=c++20 -DASIO_HAS_CO_AWAIT -DASIO_HAS_STD_COROUTINE" \
        " -DBOOST_ASIO_HAS_CO_AWAIT -DBOOST_ASIO_HAS_STD_COROUTINE"
    empty = os.path.join(config.test_exec_root, "no-mock-headers")
    os.makedirs(empty, exist_ok=True)
    if os.path.exists("/usr/include/asio.hpp") \
            and os.path.exists("/usr/include/boost/asio.hpp"):
        # Applied before %inputs (lit substitutes in order).
        config.substitutions.append(("%inputs/asio", empty))
    if os.path.exists("/usr/include/absl/synchronization/mutex.h") \
            and os.path.exists("/usr/include/boost/thread.hpp"):
        config.substitutions.append(("%inputs/sync", empty))
else:
    config.available_features.add("mock-headers")

# The fronts share one analysis and are tested on the mock headers; on the
# real ones the declarations are what is under test, so the CLI suffices
# (a test's own --fronts still wins: the harness takes the last one).
if real_headers:
    harness += " --fronts=cli"
config.substitutions.append(("%check_coroguard", harness))
config.substitutions.append(("%mock_flags", mock_flags))
config.substitutions.append(("%coroguard_clangd", tools["coroguard_clangd"]))
config.substitutions.append(("%coroguard", tools["coroguard"]))
config.substitutions.append(("%clang_tidy", tools["clang_tidy"]))
config.substitutions.append(("%plugin", plugin))
config.substitutions.append(("%clangxx", tools["clang"]))
config.substitutions.append(("%lsp_client", config.python_executable + " " +
                             os.path.join(scripts, "lsp_client.py")))
config.substitutions.append(("%expect_exit", config.python_executable + " " +
                             os.path.join(scripts, "expect_exit.py")))
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%validate_sarif", config.python_executable +
                             " " + os.path.join(scripts,
                                                "validate_sarif.py")))
config.substitutions.append(("%resource_dir", config.clang_resource_dir))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(("%scripts", scripts))

# A fuzzing build (COROGUARD_FUZZ) replays the recorded fuzzer inputs
# through the harnesses too.
fuzzers = {name: os.path.join(bin_dir, "coroguard-%s-fuzzer" % name)
           for name in ("check", "fix")}
if all(os.path.exists(path) for path in fuzzers.values()):
    config.available_features.add("fuzzers")
    config.substitutions.append(("%check_fuzzer", fuzzers["check"]))
    config.substitutions.append(("%fix_fuzzer", fuzzers["fix"]))

# Tests against Debian's real asio need libasio-dev.
if os.path.exists("/usr/include/asio.hpp"):
    config.available_features.add("asio")

# Tests against Debian's real Boost.Asio and Boost.Beast, with OpenSSL's
# headers for their TLS streams.
if os.path.exists("/usr/include/boost/asio.hpp") \
        and os.path.exists("/usr/include/boost/beast/ssl.hpp") \
        and os.path.exists("/usr/include/openssl/ssl.h"):
    config.available_features.add("boost")

# asio's C++20 examples (Debian's libasio-doc) and Boost's (libboost1.81-doc
# with the libboost1.81-dev headers and OpenSSL's): real code nobody on the
# team wrote, kept as regression tests.
if os.path.isdir("/usr/share/doc/libasio-dev/examples/cpp17/coroutines_ts") \
        and "asio" in config.available_features:
    config.available_features.add("asio-doc")
if os.path.isdir("/usr/share/doc/libboost1.81-doc/examples/libs/asio/example/cpp20") \
        and os.path.exists("/usr/include/boost/asio.hpp") \
        and os.path.exists("/usr/include/openssl/ssl.h"):
    config.available_features.add("boost-doc")

# The HTML report is checked in a real browser: Debian's chromium, headless.
chromium = shutil.which("chromium")
if chromium:
    config.available_features.add("chromium")
    config.substitutions.append(("%chromium", chromium))

# Validating the built-in profiles against their schema needs jsonschema.
try:
    import importlib.util
    if importlib.util.find_spec("jsonschema") is not None:
        config.available_features.add("jsonschema")
except ImportError:
    pass
