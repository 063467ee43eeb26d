//===--- ResourceFixes.h - the fix-its of the resource findings -----------===//
//
// coroguard-unmanaged-resource and coroguard-missing-awaited-cleanup report
// the resources of one coroutine between them, and their fixes must fit
// together: resources whose regions overlap are rewritten by one fix-it
// (nested, released in reverse order), carried by the finding declared
// first. Both checks ask here, with the same inputs, and get the same
// answer; each emits the fix-its of its own findings.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_RESOURCEFIXES_H
#define COROGUARD_CHECKS_RESOURCEFIXES_H

#include "CoroGuardCheck.h"
#include "analysis/ResourceLifetime.h"

#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallPtrSet.h"

#include <vector>

namespace clang::coroguard {

/// Which resources of \p Function get a finding, with the checks enabled:
/// those left open on a normal path (unmanaged-resource) and those an
/// exception can leave open (missing-awaited-cleanup), except those whose
/// release is discarded (that finding comes first).
llvm::SmallPtrSet<const VarDecl *, 4>
reportedResources(const FunctionDecl &Function,
                  const std::vector<ResourceFindings> &Lifetimes,
                  ModelQueries &Model, bool UnmanagedEnabled,
                  bool CleanupEnabled);

/// The fix of one resource finding.
struct ResourceFix {
  std::vector<FixItHint> Hints;
  /// What the hints do, for an editor's quick fix ("release 'conn' with a
  /// scope guard").
  std::string Name;
  /// When there are no hints, a note that says why, or which finding's
  /// fix-it also fixes this one.
  SourceLocation NoteAt;
  std::string Note;
};

/// The fixes of the findings of \p Reported in \p Function for which
/// \p EmittedHere is true (the rewrites of the others are planned, for the
/// grouping, but not made).
llvm::DenseMap<const VarDecl *, ResourceFix>
fixResources(const FunctionDecl &Function,
             const std::vector<ResourceFindings> &Lifetimes,
             const llvm::SmallPtrSetImpl<const VarDecl *> &Reported,
             llvm::function_ref<bool(const VarDecl &)> EmittedHere,
             ModelQueries &Model, const ThrowOracle &Throws, FixStyle Style,
             tidy::utils::IncludeInserter *Includes);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_RESOURCEFIXES_H
