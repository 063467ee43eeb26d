//===--- ChangedLines.h - what a change touches ---------------------------===//
//
// --diff=<rev> and --diff-file=<patch> limit a run to what a change
// touches, as clang-tidy-diff.py does: only translation units whose main
// file or an included file changed are analysed, and only findings with
// their location or one of their notes on a changed line are reported.
// The changed lines are the new side of a unified diff (`git diff -U0`).
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_CHANGEDLINES_H
#define COROGUARD_TOOL_CHANGEDLINES_H

#include "Findings.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace clang::coroguard {

class ChangedLines {
public:
  /// Reads a unified diff whose paths are relative to \p Root (a leading
  /// `a/` and `b/`, as git writes them, are dropped).
  static llvm::Expected<ChangedLines> fromDiff(llvm::StringRef Diff,
                                               llvm::StringRef Root);
  /// `git diff -U0 <Rev>` of the work tree that holds \p Directory, against
  /// the files as they are now.
  static llvm::Expected<ChangedLines> fromGit(llvm::StringRef Rev,
                                              llvm::StringRef Directory);

  /// Whether \p File (absolute) is changed by the diff (added, modified,
  /// or lines removed from it).
  bool changes(llvm::StringRef File) const { return Files.count(File); }
  /// Whether line \p Line of \p File is new or changed.
  bool changes(llvm::StringRef File, unsigned Line) const;
  /// Whether \p F or one of its notes lies on a changed line.
  bool touches(const Finding &F) const;
  /// The files the diff changes (deleted ones aside) that do not exist:
  /// all of them when the diff is read against the wrong root.
  std::vector<std::string> missingFiles() const;
  /// How many files the diff changes, deleted ones aside.
  unsigned named() const { return Named; }

private:
  unsigned Named = 0;
  /// Per file, the ranges [first, last] of changed lines, in diff order.
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> Files;
};

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_CHANGEDLINES_H
