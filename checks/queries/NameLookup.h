//===--- NameLookup.h - model names resolved as the compiler would
//---------===//
//
// A model entry names a declaration the way users spell it
// (`std::exception_ptr`, `exec::task`), which is not always the name the
// declaration has (`std::__exception_ptr::exception_ptr`,
// `experimental::execution::task`). These look the spelled name up in a
// translation unit, through using-declarations, namespace aliases, inline
// namespaces and typedefs, as qualified lookup does.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_QUERIES_NAMELOOKUP_H
#define COROGUARD_CHECKS_QUERIES_NAMELOOKUP_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace clang::coroguard {

/// The declarations that the qualified name \p Name (`a::b::c`, from the
/// global namespace) denotes in \p Context: classes (a class template's
/// pattern, a typedef's class), functions (a function template's pattern)
/// and variables. Empty when nothing is declared by that name.
llvm::SmallVector<const NamedDecl *, 2>
lookupQualifiedName(llvm::StringRef Name, ASTContext &Context);

/// The name coroguard matches \p D by: `Class::member` for a member
/// function (the class without template arguments), the qualified name
/// otherwise, inline namespaces left out.
std::string ownQualifiedName(const NamedDecl &D);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_QUERIES_NAMELOOKUP_H
