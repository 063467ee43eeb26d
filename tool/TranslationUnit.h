//===--- TranslationUnit.h - analyses one translation unit ----------------===//
//
// clang-tidy's runClangTidy, written again for one file because the CLI
// needs four things it does not offer: a file system of the worker's own
// (its working directory is not the process's), no "Error while processing"
// line of ClangTool's next to coroguard's own error, the list of files the
// compiler read with their size and time (so --fix can refuse a file that
// changed since it was analysed), and a run that survives a crash.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_TRANSLATIONUNIT_H
#define COROGUARD_TOOL_TRANSLATIONUNIT_H

#include "FunctionSpans.h"

#include "project/ProjectFacts.h"

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Chrono.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <memory>
#include <string>
#include <vector>

namespace clang::coroguard {

/// What a file looked like when the compiler read it.
struct FileStamp {
  uint64_t Size = 0;
  llvm::sys::TimePoint<> Modified;
  bool operator==(const FileStamp &Other) const {
    return Size == Other.Size && Modified == Other.Modified;
  }
};

struct TranslationUnitResult {
  std::vector<clang::tidy::ClangTidyError> Errors;
  /// Every file the compiler read, by absolute path.
  llvm::StringMap<FileStamp> FilesRead;
  /// The functions of the user's code, for the identity of findings.
  std::vector<FunctionSpan> Functions;
  /// What the unit's functions do, for the rest of the project.
  std::vector<project::FunctionFacts> Facts;
  /// The analysis crashed; Errors holds what was reported before.
  bool Crashed = false;
};

/// Runs the checks that \p Options enable on \p File with its command from
/// \p Compilations, on a thread with a stack of its own under crash
/// recovery.
TranslationUnitResult analyseTranslationUnit(
    const clang::tooling::CompilationDatabase &Compilations,
    const std::string &File,
    std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Options);

/// Every file that \p File reads, itself included, found by running only
/// its preprocessor (for --diff: is the translation unit touched?).
std::vector<std::string>
filesIncludedBy(const clang::tooling::CompilationDatabase &Compilations,
                const std::string &File);

/// The same analysis on the calling thread, on \p BaseFS (the physical file
/// system when null), with no crash recovery: for the fuzzers, which want
/// the crash.
void analyseUnprotected(
    const clang::tooling::CompilationDatabase &Compilations,
    const std::string &File,
    std::unique_ptr<clang::tidy::ClangTidyOptionsProvider> Options,
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> BaseFS,
    TranslationUnitResult &Result);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_TRANSLATIONUNIT_H
