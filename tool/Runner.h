//===--- Runner.h - runs the checks over translation units ----------------===//

#ifndef COROGUARD_TOOL_RUNNER_H
#define COROGUARD_TOOL_RUNNER_H

#include "ChangedLines.h"
#include "Findings.h"
#include "ResultCache.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace clang::coroguard {

struct RunSettings {
  /// Makes a fresh options provider; each worker needs its own because
  /// providers cache per directory without locking.
  std::function<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>()>
      MakeOptionsProvider;
  /// The model files that apply to a file; each is checked before the file
  /// is analysed, so no file is analysed with a half-read model.
  std::function<std::vector<std::string>(llvm::StringRef File)> ModelFilesFor;
  unsigned Jobs = 1;
  /// With --diff: a file is analysed only if it or a file it includes is
  /// changed.
  const ChangedLines *Changes = nullptr;
  /// With a cache: a unit whose inputs are unchanged is not analysed again.
  ResultCache *Cache = nullptr;
  /// Called after each file, one call at a time: the file, how many files
  /// are done, how many there are.
  std::function<void(llvm::StringRef File, size_t Done, size_t Total)> Progress;
};

/// Analyses \p Files (absolute paths) with the commands of \p Compilations,
/// up to \p Settings.Jobs at once, and returns their findings and errors.
/// clang-tidy's own runner does the work, which gives NOLINT handling,
/// header filtering and de-duplication.
Report runChecks(const clang::tooling::CompilationDatabase &Compilations,
                 const std::vector<std::string> &Files,
                 const RunSettings &Settings,
                 std::vector<clang::tidy::ClangTidyError> &RawErrors);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_RUNNER_H
