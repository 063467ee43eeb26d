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

/// Adds the fix-its that put \p F's resource under the model's guard: the
/// guard right after the declaration, and the now redundant trailing
/// `co_await x.release();` removed. Returns false (and adds nothing) when
/// there is no template or the code comes from a macro.
bool addGuardFixIts(DiagnosticBuilder &Diag, const ResourceFindings &F,
                    const ASTContext &Ctx);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_RESOURCEDIAGNOSTICS_H
