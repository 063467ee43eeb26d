//===--- CoroutineScope.h - what belongs to a coroutine's own body --------===//
//
// A coroutine scope is the body of a function or lambda whose body is a
// CoroutineBodyStmt. Nested lambdas, blocks and local classes are separate
// scopes (a lambda handed to a thread pool does not run on the coroutine's
// thread); an immediately invoked lambda is part of the enclosing scope.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_COROUTINESCOPE_H
#define COROGUARD_CHECKS_COROUTINESCOPE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class SourceManager;
} // namespace clang

namespace clang::coroguard {

/// Returns the user-written body of \p FD if it is a coroutine, else null.
const Stmt *getCoroutineUserBody(const FunctionDecl &FD);

/// True if \p FD is a coroutine (its body contains co_await, co_yield or
/// co_return).
inline bool isCoroutine(const FunctionDecl &FD) {
  return getCoroutineUserBody(FD) != nullptr;
}

/// Options for walking a scope.
struct ScopeWalkOptions {
  /// Walk into the bodies of lambdas that are called where they are written
  /// (`[&] { ... }()`), because they run on the enclosing coroutine's thread.
  bool IntoImmediatelyInvokedLambdas = true;
};

/// Calls \p Visit for every statement of \p Body that belongs to the same
/// scope, pre-order, with its parent statement (null for \p Body itself).
void forEachStmtInScope(
    const Stmt &Body, const ScopeWalkOptions &Options,
    llvm::function_ref<void(const Stmt &S, const Stmt *Parent)> Visit);

/// True if \p S, a child of \p Parent, is in a position where its value is
/// discarded: a statement of a block, the body of a branch or loop, a
/// for-increment, or the left operand of a comma.
bool isDiscardedPosition(const Stmt &S, const Stmt *Parent);

/// Whether \p S (or anything in it, lambdas included) names \p D.
bool mentionsDecl(const Stmt *S, const Decl *D);

/// Strips the implicit wrappers Sema puts around a full expression
/// (cleanups, temporaries, implicit casts, parentheses) to reach the call.
const Expr *ignoreFullExprWrappers(const Expr *E);

/// A call whose result is discarded.
struct DiscardedCall {
  const CallExpr &Call;
  /// `co_await` may be written there: in a coroutine, outside any handler.
  bool CanAwait;
  /// The `(void)` cast that discards it, if any.
  const ExplicitCastExpr *VoidCast;
};

/// Calls \p Visit for every call whose result \p Function's own body
/// discards (lambdas are functions of their own): expression statements,
/// branch and loop bodies, both operands of a discarded comma, and
/// `(void)call()`.
void forEachDiscardedCall(
    const FunctionDecl &Function, const SourceManager &SM,
    llvm::function_ref<void(const DiscardedCall &)> Visit);

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_COROUTINESCOPE_H
