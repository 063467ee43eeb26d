//===--- Findings.h - the CLI's view of what the checks reported ----------===//
//
// clang-tidy reports byte offsets; people and machine formats want lines and
// columns, sorted and grouped. This is the single model every writer reads.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_FINDINGS_H
#define COROGUARD_TOOL_FINDINGS_H

#include "SourceText.h"
#include "TranslationUnit.h"

#include "project/ProjectFacts.h"

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"

#include <memory>
#include <string>
#include <vector>

namespace clang::coroguard {

struct SourcePosition {
  std::string File; ///< absolute path, empty when unknown
  unsigned Offset = 0;
  unsigned Line = 0;   ///< 1-based, 0 when unknown
  unsigned Column = 0; ///< 1-based byte column
};

struct Note {
  std::string Message;
  SourcePosition Where;
};

struct Edit {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Replacement;
};

struct Finding {
  std::string Check;
  std::string Severity; ///< "warning" or "error"
  std::string Message;
  SourcePosition Where;
  std::vector<Note> Notes;
  std::vector<Edit> Fixes;
  /// The signature of the function the finding lies in, empty outside one.
  std::string Function;
  /// Stable across unrelated edits (see Identity.h); set by
  /// assignIdentities.
  std::string Identity;
  /// Decided by the facts of other files (resolveProject).
  bool CrossUnit = false;
  /// With --baseline: whether the baseline holds this finding.
  enum class Baseline { None, New, Unchanged } InBaseline = Baseline::None;
};

/// A finding that waits for a fact about a function defined in another
/// file (project/ProjectFacts.h): reported once the whole project's facts
/// are known, if its condition holds.
struct PendingFinding {
  Finding F;
  project::Condition When;
};

/// A problem that kept a file from being analysed completely.
struct InputError {
  std::string File;
  std::string Message;
};

struct Report {
  std::vector<Finding> Findings;
  std::vector<InputError> Errors;
  /// What each file the analysis read looked like then: --fix refuses a
  /// file that changed since.
  llvm::StringMap<FileStamp> FilesRead;
  /// The translation units analysed (sorted): all those named, or with
  /// --diff those the change touches.
  std::vector<std::string> Analysed;
  /// The text of the files findings point into, as the analysis saw it
  /// (writers print and hash lines from here, after --fix too).
  std::shared_ptr<SourceText> Sources = std::make_shared<SourceText>();
  /// Findings waiting for facts of other files, and the facts each unit
  /// wrote down (resolveProject answers the first with the second).
  std::vector<PendingFinding> Pending;
  std::vector<project::FunctionFacts> Facts;
};

/// A compiler error, also a warning made an error with -Werror=...: the
/// file did not compile (an error of the run, not a finding).
bool isCompilerError(const clang::tidy::ClangTidyError &E);

/// \p Path as clang saw it, resolved against the directory of the compile
/// command that produced it (a relative "file" entry gives relative paths),
/// absolute and without `.` or `..`.
std::string resolvePath(llvm::StringRef Path, llvm::StringRef BuildDirectory);

/// The functions of each file (absolute path) that hold findings.
using FunctionIndex = llvm::StringMap<std::vector<FunctionSpan>>;

/// The spans of \p Spans (one translation unit's) that hold one of
/// \p Errors (that unit's findings): a unit that includes a large library
/// by -I has thousands of functions, and only these are kept.
std::vector<FunctionSpan>
functionsHoldingFindings(const std::vector<clang::tidy::ClangTidyError> &Errors,
                         const std::vector<FunctionSpan> &Spans);

/// Converts clang-tidy's errors into findings (sorted by file, line,
/// column, check), each with the function it lies in from \p Functions,
/// and compiler errors into input errors.
void collectFindings(const std::vector<clang::tidy::ClangTidyError> &Errors,
                     const FunctionIndex &Functions, Report &Out);

/// Sorts findings and errors into their documented order.
void sortReport(Report &R);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_FINDINGS_H
