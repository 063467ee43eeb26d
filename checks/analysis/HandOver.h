//===--- HandOver.h - when a local value gets another owner --------------===//
//
// The ownership hand-over rules, stated as AST matchers on one CFG element
// (the way clang-tidy's bugprone-use-after-move states what reinitialises
// a moved-from value). A variable handed over is no longer the function's
// to release: std::move(x), `owner = x`, `T owner(x)`, `return x`,
// `co_return x`, a lambda capturing it by copy, `&x`, a reference or a
// pointer bound to it, a by-value or rvalue-reference parameter, a guard
// built from it.
//
// The rules that depend on the resource model (which calls are guards,
// which callees release a parameter, which destructors release) ask an
// OwnershipQueries. Every rule binds the handed-over variable's
// DeclRefExpr or VarDecl to HandedVar.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_HANDOVER_H
#define COROGUARD_CHECKS_ANALYSIS_HANDOVER_H

#include "clang/AST/Expr.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::coroguard {

/// What the hand-over rules ask about the resources being followed.
class OwnershipQueries {
public:
  virtual ~OwnershipQueries();
  /// Whether \p Var is one of the variables followed.
  virtual bool isFollowed(const VarDecl &Var) const = 0;
  /// Whether \p CallOrConstruct makes a guard of the model (a scope guard,
  /// a nursery, a deferred close).
  virtual bool isGuard(const Expr &CallOrConstruct) const = 0;
  /// Whether \p Callee releases \p Var, passed as its parameter \p Param by
  /// non-const lvalue reference, on every path.
  virtual bool releasesOnEveryPath(const FunctionDecl &Callee, unsigned Param,
                                   const VarDecl &Var) const = 0;
  /// Whether \p Body, which captures \p Var by reference, releases it.
  virtual bool bodyReleases(const Stmt &Body, const VarDecl &Var) const = 0;
  /// Whether the destructor of \p Guard releases \p Var.
  virtual bool destructorReleases(QualType Guard, const VarDecl &Var) const = 0;
};

namespace handover {

/// The binding every rule gives the handed-over variable.
inline constexpr llvm::StringLiteral HandedVar = "handed";

/// \p E without parentheses, implicit casts, temporaries and the copy or
/// move constructions between a variable and where its value goes.
const Expr *ignoringCopies(const Expr *E);

/// std::move(x), std::forward<T>(x), std::exchange(x, v).
ast_matchers::StatementMatcher movedFrom();

/// Every hand-over rule, as one matcher of a CFG element that binds
/// HandedVar once for each variable it hands over.
ast_matchers::StatementMatcher anyHandOver(const OwnershipQueries &Queries);

/// The followed variables \p S hands over.
void handedOver(const Stmt &S, ASTContext &Context,
                const ast_matchers::StatementMatcher &Rules,
                const OwnershipQueries &Queries,
                llvm::SmallVectorImpl<const VarDecl *> &Out);

} // namespace handover
} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_HANDOVER_H
