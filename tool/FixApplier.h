//===--- FixApplier.h - writes fix-its back to the sources ----------------===//

#ifndef COROGUARD_TOOL_FIXAPPLIER_H
#define COROGUARD_TOOL_FIXAPPLIER_H

#include "Findings.h"

#include "llvm/Support/raw_ostream.h"

namespace coroguard {

/// Applies the fixes of \p R to the files they name. A file is replaced
/// atomically (written beside the original, then renamed), so an
/// interrupted run never leaves a half-written source. Fixes that overlap an
/// earlier one are skipped and reported on \p Log. Returns the number of
/// files that could not be written.
unsigned applyFixes(const Report &R, llvm::raw_ostream &Log,
                    unsigned &AppliedCount);

} // namespace coroguard

#endif // COROGUARD_TOOL_FIXAPPLIER_H
