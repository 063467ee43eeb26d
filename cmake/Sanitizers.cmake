# Optional instrumented builds (see docs/reliability.md):
#
#   COROGUARD_SANITIZE  AddressSanitizer + UndefinedBehaviorSanitizer on all
#                       of coroguard's code; the lit suite runs against it.
#   COROGUARD_FUZZ      the libFuzzer harnesses in fuzz/ (clang only).
#
# LLVM and clang themselves come from Debian and are not instrumented.
option(COROGUARD_SANITIZE "Build with AddressSanitizer and UBSan" OFF)
option(COROGUARD_FUZZ "Build the libFuzzer harnesses (needs clang)" OFF)

if(COROGUARD_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "COROGUARD_FUZZ needs clang: configure with "
                      "-DCMAKE_CXX_COMPILER=clang++-22")
endif()

if(COROGUARD_SANITIZE)
  add_compile_options(-fsanitize=address,undefined
                      -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
if(COROGUARD_FUZZ)
  # Coverage for the fuzzers everywhere; only fuzz/ links libFuzzer's main.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

# The clang-tidy plugin is loaded into Debian's clang-tidy, which is not
# instrumented: the plugin links the shared sanitizer runtime, and whoever
# runs it preloads that runtime (the lit suite does, through the wrapper
# written below).
set(COROGUARD_SANITIZER_PRELOAD "")
if(COROGUARD_SANITIZE)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    execute_process(
      COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libclang_rt.asan-x86_64.so
      OUTPUT_VARIABLE COROGUARD_SANITIZER_PRELOAD OUTPUT_STRIP_TRAILING_WHITESPACE)
    set(COROGUARD_PLUGIN_SANITIZER_LINK -shared-libasan)
  else()
    execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=libasan.so
      OUTPUT_VARIABLE COROGUARD_SANITIZER_PRELOAD OUTPUT_STRIP_TRAILING_WHITESPACE)
    set(COROGUARD_PLUGIN_SANITIZER_LINK "")
  endif()
  get_filename_component(COROGUARD_SANITIZER_PRELOAD
                         "${COROGUARD_SANITIZER_PRELOAD}" REALPATH)
endif()
