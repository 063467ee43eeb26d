//===--- CallSites.h - where each function of a unit is called ------------===//
//
// Some facts about a function's parameters come from its callers: a
// coroutine given only results its callers have already resolved
// (`auto [a, b] = co_await when_all(...); co_await consume(std::move(a));`)
// does not block on them. This index lists, for each function, the calls
// of it in the translation unit and the function each is made in (a
// lambda's call operator for a call in a lambda). It is built on first
// use, in one walk of the unit outside system headers.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_CALLSITES_H
#define COROGUARD_CHECKS_ANALYSIS_CALLSITES_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace clang::coroguard {

class CallSites {
public:
  struct Site {
    const CallExpr *Call;
    const FunctionDecl *Caller;
  };

  /// The calls of \p Callee (any of its redeclarations) in \p Context.
  llvm::ArrayRef<Site> of(const FunctionDecl &Callee, ASTContext &Context);

  /// Forgets the index: a new translation unit starts.
  void reset() {
    Built = false;
    Sites.clear();
  }

private:
  bool Built = false;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<Site, 2>> Sites;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_CALLSITES_H
