//===--- FixApplier.h - writes fix-its back to the sources ----------------===//

#ifndef COROGUARD_TOOL_FIXAPPLIER_H
#define COROGUARD_TOOL_FIXAPPLIER_H

#include "Findings.h"

#include "llvm/Support/raw_ostream.h"

namespace clang::coroguard {

/// Applies the fixes of \p R to the files they name, and only to those. A
/// file is replaced atomically (written beside the original, then renamed),
/// keeping its mode and symbolic links; one with several hard links is
/// rewritten in place so that its names stay one file. A file that is
/// read-only (by its mode bits, also for root), that the analysis did not
/// read, or that changed since it was analysed is refused, with one line on
/// \p Log. Fixes that overlap an earlier one are skipped and reported.
/// \p AppliedCount counts the fixes really written. Returns the number of
/// files that could not be written.
unsigned applyFixes(const Report &R, llvm::raw_ostream &Log,
                    unsigned &AppliedCount);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_FIXAPPLIER_H
