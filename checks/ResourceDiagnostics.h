//===--- ResourceDiagnostics.h - wording and fix-its for resource findings ===//

#ifndef COROGUARD_CHECKS_RESOURCEDIAGNOSTICS_H
#define COROGUARD_CHECKS_RESOURCEDIAGNOSTICS_H

#include "analysis/ResourceLifetime.h"

#include "clang/Basic/Diagnostic.h"

#include <string>

namespace clang::coroguard {

/// "'close()'" or "'commit()' or 'rollback()'".
std::string describeReleases(const ResourceInfo &Resource);

/// The text of a model's guard template for \p Var ({var}, {type}).
std::string expandGuardTemplate(llvm::StringRef Template, const VarDecl &Var);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_RESOURCEDIAGNOSTICS_H
