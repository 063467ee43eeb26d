//===--- FunctionFlow.h - the control flow every path question runs on ----===//
//
// One function body's CFG together with the facts every path analysis
// shares, written once: which elements are code the user wrote, which are
// suspension points, which may throw and where the exception goes, and
// which statement's end ends a variable's lifetime.
//
// Clang's CFG has no edges for exceptions thrown by calls or co_await. A
// throwing point inside a try block continues at that try's handlers (the
// CFG block whose terminator is the try); anywhere else it leaves the
// function.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_ANALYSIS_FUNCTIONFLOW_H
#define COROGUARD_CHECKS_ANALYSIS_FUNCTIONFLOW_H

#include "analysis/MayThrow.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"

#include <memory>

namespace clang::coroguard {

class FunctionFlow {
public:
  /// Builds the CFG of \p Body: the user-written body of coroutine \p FD, or
  /// the body of a plain function. valid() is false when Clang cannot build
  /// one.
  FunctionFlow(const FunctionDecl &FD, const Stmt &Body,
               const ThrowOracle &Throws);

  bool valid() const { return Cfg != nullptr; }
  const CFG &cfg() const { return *Cfg; }
  const Stmt &body() const { return Body; }
  const FunctionDecl &function() const { return FD; }
  const ParentMap &parents() const { return Parents; }
  ASTContext &context() const;

  /// Part of the code as written: the body, or a statement with a parent in
  /// it. The pieces Sema adds to a co_await (await_ready, await_suspend,
  /// await_resume) are not.
  bool isWritten(const Stmt &S) const {
    return &S == &Body || Parents.hasParent(&S);
  }

  /// A co_await or co_yield the user wrote, wherever it is nested
  /// (declarations, assignments, conditions, arguments, co_return operands):
  /// every one is an element of its own in this CFG.
  bool isSuspensionPoint(const Stmt &S) const;

  /// Whether element \p S may throw, by the policy of the run, except that a
  /// call inside a handler that keeps the exception (rethrows it or stores
  /// std::current_exception()) gets no edge of its own: logging there is
  /// part of the idiom, not a new exit.
  bool mayThrow(const Stmt &S) const;

  /// The innermost try whose try block contains \p S (a handler is not
  /// covered by its own try), or null when an exception leaves the function.
  const CXXTryStmt *enclosingTry(const Stmt &S) const;

  /// The block that dispatches to \p Try's handlers, or null.
  const CFGBlock *handlersOf(const CXXTryStmt *Try) const {
    return Try ? Handlers.lookup(Try) : nullptr;
  }

  /// The statement whose end ends the lifetime of \p Var, declared by
  /// \p DeclaringStmt: the enclosing block, or the if/for/while/switch/catch
  /// that declares it. Null \p DeclaringStmt (a parameter): the body.
  const Stmt *scopeOf(const Stmt *DeclaringStmt) const;

  /// Whether \p Inner is \p Outer or nested in it.
  bool contains(const Stmt *Outer, const Stmt *Inner) const;

private:
  /// The catch handler whose block contains \p S, if any (not looking past
  /// a lambda).
  const CXXCatchStmt *enclosingHandler(const Stmt &S) const;
  bool handlerKeeps(const CXXCatchStmt &Catch) const;

  const FunctionDecl &FD;
  const Stmt &Body;
  const ThrowOracle &Throws;
  ParentMap Parents;
  std::unique_ptr<CFG> Cfg;
  llvm::DenseMap<const CXXTryStmt *, const CFGBlock *> Handlers;
  mutable llvm::DenseMap<const CXXCatchStmt *, bool> KeepingHandlers;
};

} // namespace clang::coroguard

#endif // COROGUARD_CHECKS_ANALYSIS_FUNCTIONFLOW_H
