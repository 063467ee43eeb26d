//===--- CoroutineMatchers.h - AST matchers shared by the checks ----------===//

#ifndef COROGUARD_CHECKS_COROUTINEMATCHERS_H
#define COROGUARD_CHECKS_COROUTINEMATCHERS_H

#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::coroguard {

/// A function or lambda call operator defined with a coroutine body,
/// outside system headers.
inline ast_matchers::internal::BindableMatcher<Decl> coroutineDefinition() {
  using namespace ast_matchers;
  return functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                      hasBody(coroutineBodyStmt()));
}

/// Any function or lambda call operator defined outside system headers.
inline ast_matchers::internal::BindableMatcher<Decl> userFunctionDefinition() {
  using namespace ast_matchers;
  return functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                      hasBody(stmt()));
}

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_COROUTINEMATCHERS_H
