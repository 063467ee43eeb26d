//===--- Baseline.h - the findings a team has accepted for now ------------===//
//
// `--write-baseline=FILE` records the findings of a run; `--baseline=FILE`
// then reports only the findings that are not in it, and the exit code
// follows those. Findings are matched by check, root-relative file and
// identity (Identity.h), so a baseline survives unrelated edits. The file
// format is in docs/ci.md: JSON, one finding per line, sorted.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_BASELINE_H
#define COROGUARD_TOOL_BASELINE_H

#include "Findings.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace clang::coroguard {

struct BaselineEntry {
  std::string Check;
  std::string File; ///< relative to the project root
  std::string Identity;
  // For people reading the file and for SARIF's absent results; not
  // matched.
  unsigned Line = 0;
  std::string Message;
};

/// The entries of the findings of \p R, sorted.
std::vector<BaselineEntry> baselineOf(const Report &R, llvm::StringRef Root);

/// Reads a baseline; a file that is not one is an error naming it.
llvm::Expected<std::vector<BaselineEntry>> readBaseline(llvm::StringRef Path);

/// Writes \p Entries sorted, one per line.
void writeBaseline(std::vector<BaselineEntry> Entries, llvm::raw_ostream &OS);

/// How a run compares with a baseline.
struct BaselineComparison {
  /// For each finding of the report: whether the baseline holds it.
  std::vector<bool> Known;
  unsigned New = 0, Baselined = 0;
  /// Entries of files this run analysed that no finding matched: fixed.
  std::vector<BaselineEntry> Fixed;
  /// The baseline without the fixed entries (for --prune-baseline).
  std::vector<BaselineEntry> Kept;
};

/// Compares \p R with \p Baseline. Entries of files the run did not read
/// (not named, or left out by --diff) are neither matched nor fixed. In a
/// \p Partial run (some units of the project left out: files named on the
/// command line, --diff, --shard), an entry of a header can be produced by
/// a unit the run left out, so only entries of the analysed main files can
/// be fixed.
BaselineComparison
compareWithBaseline(const Report &R, const std::vector<BaselineEntry> &Baseline,
                    llvm::StringRef Root, bool Partial);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_BASELINE_H
