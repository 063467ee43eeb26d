//===--- Templates.h - the model's fix-it templates -----------------------===//
//
// The model writes fix-its as text with placeholders in braces ({var},
// {type}, {object}, {args}, {0}, {body}, {release}, {reporter}). One
// expansion for all of them: a placeholder with no value stays as written,
// so a template's own braces (`{ co_await x; }`) are left alone.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_REWRITES_TEMPLATES_H
#define COROGUARD_CHECKS_REWRITES_TEMPLATES_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace clang {
class VarDecl;
} // namespace clang

namespace clang::coroguard::rewrites {

/// \p Template with each `{name}` of \p Values replaced by its value.
std::string expandTemplate(llvm::StringRef Template,
                           const llvm::StringMap<std::string> &Values);

/// Whether \p Template uses the placeholder `{Name}`.
bool usesPlaceholder(llvm::StringRef Template, llvm::StringRef Name);

/// {var} and {type} of \p Var (its type as written in the declaration).
llvm::StringMap<std::string> variablePlaceholders(const VarDecl &Var);

} // namespace clang::coroguard::rewrites

#endif // COROGUARD_CHECKS_REWRITES_TEMPLATES_H
