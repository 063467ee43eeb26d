//===--- ExceptionEdges.h - where an exception thrown in a CFG goes -------===//
//
// Clang's CFG has no edges for exceptions thrown by calls or co_await. The
// analyses add them: a throwing point inside a try block continues at that
// try's handlers (the CFG block whose terminator is the try), anywhere else
// it leaves the function.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_EXCEPTIONEDGES_H
#define COROGUARD_CHECKS_ANALYSIS_EXCEPTIONEDGES_H

#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::coroguard {

class ExceptionEdges {
public:
  ExceptionEdges(const CFG &Cfg, const ParentMap &Parents) : Parents(Parents) {
    for (const CFGBlock *Block : Cfg)
      if (const auto *Try =
              dyn_cast_or_null<CXXTryStmt>(Block->getTerminatorStmt()))
        Handlers[Try] = Block;
  }

  /// The innermost try whose try block contains \p S (a handler is not
  /// covered by its own try), or null.
  const CXXTryStmt *enclosingTry(const Stmt &S) const {
    const Stmt *Child = &S;
    for (const Stmt *Cur = Parents.getParent(&S); Cur;
         Child = Cur, Cur = Parents.getParent(Cur))
      if (const auto *Try = dyn_cast<CXXTryStmt>(Cur))
        if (Child == Try->getTryBlock())
          return Try;
    return nullptr;
  }

  /// The block that dispatches to \p Try's handlers, or null.
  const CFGBlock *handlersOf(const CXXTryStmt *Try) const {
    return Try ? Handlers.lookup(Try) : nullptr;
  }

private:
  const ParentMap &Parents;
  llvm::DenseMap<const CXXTryStmt *, const CFGBlock *> Handlers;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_EXCEPTIONEDGES_H
