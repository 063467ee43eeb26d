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

#include <optional>
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

/// \p Entries in the order a baseline file keeps them (file, line, check,
/// identity).
void sortBaselineEntries(std::vector<BaselineEntry> &Entries);

/// What a part of a sharded run (--shard=K/N) records in its JSON report so
/// that `coroguard merge` can check the parts and restore the baseline
/// comparison: which part it is, the baseline it was compared with (a hash
/// of the file, empty for none), and the baseline entries it found fixed.
struct ReportPart {
  unsigned Index = 0, Count = 0;
  std::string Baseline;
  std::vector<BaselineEntry> Fixed;
};

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

/// Counts the new and baselined findings of \p R again, from each finding's
/// InBaseline (after findings were left out, or read back from parts).
void recountFindings(BaselineComparison &C, const Report &R);

/// Compares the findings of a merged run that no part decided (they
/// waited for another part's facts) with the baseline entries the parts
/// found fixed: one that matches is unchanged, and no longer fixed.
void compareResolved(Report &R, BaselineComparison &C, llvm::StringRef Root);

/// Compares \p R with \p Baseline. Entries of files the run did not read
/// (not named, or left out by --diff) are neither matched nor fixed. In a
/// \p Partial run (some units of the project left out: files named on the
/// command line, --diff, --shard), an entry of a header can be produced by
/// a unit the run left out, so only entries of the analysed main files can
/// be fixed.
BaselineComparison
compareWithBaseline(const Report &R, const std::vector<BaselineEntry> &Baseline,
                    llvm::StringRef Root, bool Partial);

/// Checks the reports given to `coroguard merge`: either none is a part of
/// a sharded run, or all are, of the same run (the same N, each K once,
/// none missing) and compared with the same baseline, or with none. Sets
/// \p Problem (naming the files of \p Names) when they are not; returns the
/// comparison restored from the parts when they had a baseline.
std::optional<BaselineComparison>
checkParts(const std::vector<std::optional<ReportPart>> &Parts,
           const std::vector<std::string> &Names, std::string &Problem);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_BASELINE_H
