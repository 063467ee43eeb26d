//===--- CheckFuzzer.cpp - every check on arbitrary source text -----------===//
//
// libFuzzer target: the input is one C++ file, analysed in-process by every
// coroguard check exactly as the CLI analyses a translation unit, on an
// in-memory file system that holds the test suite's mock headers (std,
// POSIX and every coroutine library coroguard models). A crash, a
// sanitizer report or a check exceeding the memory limit is a bug; a
// compile error is not (most inputs do not compile, and the checks still
// see the AST clang recovered).
//
// Inputs nested deeper than MaxNesting are skipped: clang's own parser
// overflows its stack on ~900 levels (clang++ -fsyntax-only too), which the
// CLI recovers from but a fuzzer would report forever.
//
//===----------------------------------------------------------------------===//

#include "TranslationUnit.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Basic/Stack.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/thread.h"
#include <optional>

#include <cstdint>
#include <cstdlib>

using namespace clang;

namespace {

constexpr size_t MaxInput = 64 << 10;
constexpr unsigned MaxNesting = 200;
constexpr unsigned StackSize = 16 << 20; // as the CLI's workers

/// The mock headers, read once, under /mock.
llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> Mocks;
std::vector<std::string> Flags;

void addTree(llvm::StringRef Root) {
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(Root, EC), End;
       It != End && !EC; It.increment(EC)) {
    if (It->type() != llvm::sys::fs::file_type::regular_file)
      continue;
    auto Buffer = llvm::MemoryBuffer::getFile(It->path());
    if (!Buffer)
      continue;
    llvm::StringRef Relative =
        llvm::StringRef(It->path()).drop_front(Root.size());
    Mocks->addFile("/mock" + Relative.str(), 0, std::move(*Buffer));
  }
}

unsigned nesting(llvm::StringRef Text) {
  unsigned Depth = 0, Deepest = 0;
  for (char C : Text) {
    if (C == '(' || C == '[' || C == '{' || C == '<')
      Deepest = std::max(Deepest, ++Depth);
    else if ((C == ')' || C == ']' || C == '}' || C == '>') && Depth)
      --Depth;
  }
  return Deepest;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  Mocks = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  addTree(COROGUARD_MOCK_HEADERS);
  Flags = {"clang++",  "-std=c++20",    "-nostdinc", "-fsyntax-only",
           "-isystem", "/mock/std",     "-isystem",  "/mock/posix",
           "-isystem", "/mock/testlib", "-isystem",  "/mock"};
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(COROGUARD_MOCK_HEADERS, EC), End;
       It != End && !EC; It.increment(EC)) {
    llvm::StringRef Name = llvm::sys::path::filename(It->path());
    if (Name != "std" && Name != "posix" && Name != "testlib")
      Flags.insert(Flags.end(), {"-isystem", "/mock/" + Name.str()});
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  if (Size > MaxInput || nesting(Text) > MaxNesting)
    return -1; // not added to the corpus

  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(Mocks);
  auto Input = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  Input->addFile("/fuzz/input.cpp", 0,
                 llvm::MemoryBuffer::getMemBufferCopy(Text, "input.cpp"));
  FS->pushOverlay(Input);

  tooling::FixedCompilationDatabase Compilations("/fuzz", Flags);
  tidy::ClangTidyOptions Options = tidy::ClangTidyOptions::getDefaults();
  Options.Checks = "-*,coroguard-*";
  Options.HeaderFilterRegex = ".*";
  auto Provider = std::make_unique<tidy::DefaultOptionsProvider>(
      tidy::ClangTidyGlobalOptions(), Options);

  clang::coroguard::TranslationUnitResult Result;
  llvm::thread Worker(std::optional<unsigned>(StackSize), [&] {
    clang::noteBottomOfStack(/*ForceSet=*/true);
    clang::coroguard::analyseUnprotected(Compilations, "/fuzz/input.cpp",
                                         std::move(Provider), FS, Result);
  });
  Worker.join();
  return 0;
}
