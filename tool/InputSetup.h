//===--- InputSetup.h - configuration and inputs of a CLI run -------------===//

#ifndef COROGUARD_TOOL_INPUTSETUP_H
#define COROGUARD_TOOL_INPUTSETUP_H

#include "Findings.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::coroguard {

/// The clang-tidy configuration of a run: built-in defaults, then
/// `.clang-tidy` files (or --config / --config-file), then command-line
/// overrides.
struct ToolConfiguration {
  std::string ChecksOverride;
  std::string HeaderFilter;
  /// --model files, absolute; passed to the checks after the configured
  /// ones.
  std::vector<std::string> ExtraModelFiles;
  /// Check options set on the command line (--fix-style, ...): they win
  /// over every configuration file.
  std::map<std::string, std::string> CheckOptionOverrides;
  std::optional<clang::tidy::ClangTidyOptions> ExplicitConfig;

  /// The checks glob that applies when no `.clang-tidy` file changes it.
  std::string effectiveChecks() const;
  std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>
  makeOptionsProvider() const;
  /// The model files that apply to \p File: those its configuration names
  /// (coroguard.ModelFiles), then --model.
  std::vector<std::string> modelFilesFor(llvm::StringRef File) const;
};

/// Parses --config / --config-file (at most one of them).
llvm::Error loadConfiguration(llvm::StringRef ConfigText,
                              llvm::StringRef ConfigPath,
                              ToolConfiguration &Out);

struct InputSet {
  std::unique_ptr<clang::tooling::CompilationDatabase> Compilations;
  std::vector<std::string> Files; ///< absolute, existing
};

/// Chooses the compilation database (-p, flags after `--`, or one found
/// beside the sources) and the files to analyse. Missing files are added to
/// \p FileErrors and skipped; a run that cannot start is an error.
llvm::Error
resolveInputs(const std::vector<std::string> &Paths, llvm::StringRef BuildPath,
              std::unique_ptr<clang::tooling::CompilationDatabase> FlagsDb,
              const std::vector<std::string> &ExtraArgs, InputSet &Out,
              std::vector<InputError> &FileErrors);

/// Part \p K (1-based) of \p N of \p Files: the files, heaviest first,
/// each go to the part with the least work so far (the lowest-numbered on
/// a tie), a unit weighing a fixed cost for its headers plus its own bytes.
/// The same inputs give the same parts on every machine.
std::vector<std::string> shardOf(const std::vector<std::string> &Files,
                                 unsigned K, unsigned N);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_INPUTSETUP_H
