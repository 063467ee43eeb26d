# Locates Debian's LLVM/Clang 22 CMake packages.
#
# find_package(LLVM 22) is not used: LLVM's version file wants "22.1", so we
# accept any LLVM and check the major version ourselves.
set(COROGUARD_LLVM_ROOT "/usr/lib/llvm-22" CACHE PATH "LLVM installation prefix")
list(PREPEND CMAKE_PREFIX_PATH "${COROGUARD_LLVM_ROOT}")

find_package(LLVM REQUIRED CONFIG)
if(NOT LLVM_VERSION_MAJOR EQUAL 22)
  message(FATAL_ERROR "coroguard needs LLVM 22, found ${LLVM_PACKAGE_VERSION} at ${LLVM_DIR}")
endif()

# Debian's clangd is built with the gRPC remote index, so ClangTargets.cmake
# names gRPC and protobuf targets whose -dev packages are not installed.
# Stand-ins pointing at the runtime libraries keep generation working; only
# the clangd front links them, and only indirectly.
set(_coroguard_libdir /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE})
if(NOT _coroguard_libdir OR NOT EXISTS ${_coroguard_libdir})
  set(_coroguard_libdir /usr/lib/x86_64-linux-gnu)
endif()
function(_coroguard_stand_in target pattern)
  if(NOT TARGET ${target})
    file(GLOB _candidates "${_coroguard_libdir}/${pattern}")
    list(SORT _candidates)
    list(GET _candidates 0 _lib)
    add_library(${target} SHARED IMPORTED)
    set_target_properties(${target} PROPERTIES IMPORTED_LOCATION "${_lib}")
  endif()
endfunction()
_coroguard_stand_in(gRPC::grpc++ "libgrpc++.so.*")
_coroguard_stand_in(protobuf::libprotobuf "libprotobuf.so.*")

find_package(Clang REQUIRED CONFIG HINTS "${LLVM_DIR}/../clang")

message(STATUS "coroguard: LLVM ${LLVM_PACKAGE_VERSION} from ${LLVM_DIR}")
set(COROGUARD_LLVM_BIN "${LLVM_TOOLS_BINARY_DIR}")
set(COROGUARD_LLVM_LIBDIR "${LLVM_LIBRARY_DIR}")
set(COROGUARD_CLANG_RESOURCE_DIR
    "${LLVM_LIBRARY_DIR}/clang/${LLVM_VERSION_MAJOR}")

# Every coroguard target compiles against LLVM the same way.
add_library(coroguard_llvm_flags INTERFACE)
target_include_directories(coroguard_llvm_flags SYSTEM INTERFACE
  ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
separate_arguments(_coroguard_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_definitions(coroguard_llvm_flags INTERFACE ${_coroguard_llvm_defs})
