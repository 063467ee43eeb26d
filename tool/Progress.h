//===--- Progress.h - `[n/N] file … elapsed, ETA` on standard error -------===//

#ifndef COROGUARD_TOOL_PROGRESS_H
#define COROGUARD_TOOL_PROGRESS_H

#include "llvm/Support/raw_ostream.h"

#include <chrono>

namespace clang::coroguard {

/// Shows how far a run is. On a terminal one line is rewritten in place;
/// elsewhere (--progress=always into a CI log) each file gets a line.
class ProgressLine {
public:
  ProgressLine(llvm::raw_ostream &OS, bool InPlace);
  ~ProgressLine();
  void update(llvm::StringRef File, size_t Done, size_t Total);

private:
  llvm::raw_ostream &OS;
  bool InPlace;
  bool Shown = false;
  std::chrono::steady_clock::time_point Start;
};

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_PROGRESS_H
