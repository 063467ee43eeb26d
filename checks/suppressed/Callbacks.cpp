//===--- suppressed/Callbacks.cpp -----------------------------------------===//
//
// coroguard-suppressed-exception: completion callbacks that ignore the error
// they are given.
//
//===----------------------------------------------------------------------===//

#include "SuppressedExceptionCheck.h"

#include "CoroutineScope.h"
#include "ErrorCallbacks.h"
#include "analysis/HandlerRules.h"
#include "rewrites/ErrorHandlers.h"

#include "clang/AST/ExprCXX.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

/// A variable captured by reference that \p Body assigns or increments.
static const VarDecl *writtenCapture(const Stmt *Body,
                                     const LambdaExpr &Callback) {
  if (!Body || isa<LambdaExpr>(Body))
    return nullptr;
  const Expr *Target = nullptr;
  if (const auto *Assign = dyn_cast<BinaryOperator>(Body);
      Assign && Assign->isAssignmentOp())
    Target = Assign->getLHS();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Body);
           Op && Op->isAssignmentOp() && Op->getNumArgs() > 0)
    Target = Op->getArg(0);
  else if (const auto *Unary = dyn_cast<UnaryOperator>(Body);
           Unary && Unary->isIncrementDecrementOp())
    Target = Unary->getSubExpr();
  if (const auto *Ref =
          Target ? dyn_cast<DeclRefExpr>(Target->IgnoreParenImpCasts())
                 : nullptr)
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
      for (const LambdaCapture &C : Callback.captures())
        if (C.capturesVariable() && C.getCapturedVar() == Var &&
            C.getCaptureKind() == LCK_ByRef)
          return Var;
  for (const Stmt *Child : Body->children())
    if (const VarDecl *Var = writtenCapture(Child, Callback))
      return Var;
  return nullptr;
}

/// Whether \p S is or holds \p Target.
static bool holds(const Stmt *S, const Stmt *Target) {
  if (!S)
    return false;
  if (S == Target)
    return true;
  for (const Stmt *Child : S->children())
    if (holds(Child, Target))
      return true;
  return false;
}

/// The statement that follows the one holding \p Target in the innermost
/// block of \p S that holds it; null if it is the last one. Found by a walk
/// of one function body rather than through the AST's parent map, which is
/// costly to build on a large translation unit.
static const Stmt *statementAfter(const Stmt *S, const Stmt *Target) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  for (const Stmt *Child : S->children()) {
    if (!holds(Child, Target))
      continue;
    // The innermost block that holds it first.
    if (const Stmt *Inner = statementAfter(Child, Target))
      return Inner;
    if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
      const auto *It = llvm::find(Block->body(), Child);
      return std::next(It) != Block->body_end() ? *std::next(It) : nullptr;
    }
    return nullptr;
  }
  return nullptr;
}

/// A call that resumes a coroutine: `h.resume()` or `h()` on a
/// std::coroutine_handle.
static bool resumesACoroutine(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXRecordDecl *RD = Call->getRecordDecl();
        RD && RD->getIdentifier() && RD->getName() == "coroutine_handle")
      if (const CXXMethodDecl *M = Call->getMethodDecl();
          M && M->getIdentifier() && M->getName() == "resume")
        return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
    if (const CXXRecordDecl *RD =
            Op->getArg(0)->getType()->getAsCXXRecordDecl();
        RD && RD->getIdentifier() && RD->getName() == "coroutine_handle")
      return true;
  for (const Stmt *Child : S->children())
    if (resumesACoroutine(Child))
      return true;
  return false;
}

bool SuppressedExceptionCheck::passesErrorOn(const LambdaExpr &Callback,
                                             const CallExpr &Call) {
  // Continuation plumbing in an awaiter: the callback resumes the waiting
  // coroutine, and await_resume reads the result, error included, from the
  // state the operation shares.
  const auto *Outer =
      dyn_cast<FunctionDecl>(Callback.getLambdaClass()->getDeclContext());
  if (const auto *Suspend = dyn_cast_or_null<CXXMethodDecl>(Outer);
      Suspend && Suspend->getIdentifier() &&
      Suspend->getName() == "await_suspend" &&
      resumesACoroutine(Callback.getBody()))
    return true;
  // What a catch (...) may do with what it does not name: throw, end the
  // program, report (a test framework's failure, a reporting function).
  auto Reports = [this](const Expr &E) { return reports(E); };
  KeepingRules Rules;
  Rules.Reports = Reports;
  if (const Stmt *Body = Callback.getBody();
      Body && coroguard::keepsException(*Body, Rules))
    return true;
  // Or flag it for an assertion right after the call: `[&](auto) { failed =
  // true; }` then `EXPECT_FALSE(failed);`.
  const VarDecl *Flag = writtenCapture(Callback.getBody(), Callback);
  if (!Flag)
    return false;
  const Stmt *Next = Outer ? statementAfter(Outer->getBody(), &Call) : nullptr;
  return Next && isAssertion(Next) && mentionsDecl(Next, Flag);
}

/// std::exception or a class derived from it.
static bool isStdException(const CXXRecordDecl *RD, unsigned Depth = 0) {
  if (!RD || !RD->hasDefinition() || Depth > 8)
    return false;
  if (RD->isInStdNamespace() && RD->getIdentifier() &&
      RD->getName() == "exception")
    return true;
  return llvm::any_of(RD->bases(), [&](const CXXBaseSpecifier &Base) {
    return isStdException(Base.getType()->getAsCXXRecordDecl(), Depth + 1);
  });
}

/// A call of one of the model's readyFunctions that makes a result holding
/// a value (`make_ready_future<int>(1)`, `makeFuture(v)`), not an error
/// (`make_exception_future(e)`: its name, or an argument that carries one).
static bool makesReadyValue(const Expr *E, ModelQueries &Model) {
  const auto *Call =
      E ? dyn_cast<CallExpr>(E->IgnoreUnlessSpelledInSource()) : nullptr;
  if (!Call || !Model.isReadyFunction(*Call))
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || !Callee->getIdentifier())
    return false;
  llvm::StringRef Name = Callee->getName();
  if (Name.contains_insensitive("exception") ||
      Name.contains_insensitive("error") || Name.contains_insensitive("fail"))
    return false;
  return llvm::none_of(Call->arguments(), [&](const Expr *Arg) {
    QualType T = Arg->getType().getNonReferenceType();
    return T->isDependentType() || Model.isErrorCarrier(T) ||
           Model.isExceptionPtr(T) || isStdException(T->getAsCXXRecordDecl());
  });
}

/// Collects the names of the member functions called on \p Promise in
/// \p S; false when \p Promise is used in any other way (moved, passed on,
/// captured): then who resolves it is unknown.
static bool membersCalledOn(const Stmt *S, const VarDecl *Promise,
                            llvm::SmallVectorImpl<llvm::StringRef> &Names) {
  if (!S)
    return true;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S))
    if (const auto *Ref = dyn_cast<DeclRefExpr>(
            Member->getImplicitObjectArgument()->IgnoreParenImpCasts());
        Ref && Ref->getDecl() == Promise) {
      const CXXMethodDecl *Method = Member->getMethodDecl();
      if (!Method || !Method->getIdentifier())
        return false;
      Names.push_back(Method->getName());
      for (const Expr *Arg : Member->arguments())
        if (!membersCalledOn(Arg, Promise, Names))
          return false;
      return true;
    }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Ref->getDecl() != Promise;
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
    return llvm::none_of(Lambda->captures(), [&](const LambdaCapture &C) {
      return C.capturesVariable() && C.getCapturedVar() == Promise;
    });
  for (const Stmt *Child : S->children())
    if (!membersCalledOn(Child, Promise, Names))
      return false;
  return true;
}

/// `p.get_future()` of a local promise that its function only ever
/// resolves with a value: set_value, never set_exception or the like, and
/// never handed to anyone else.
static bool promisedValue(const Expr *E) {
  const auto *Get =
      E ? dyn_cast<CXXMemberCallExpr>(E->IgnoreUnlessSpelledInSource())
        : nullptr;
  if (!Get || !Get->getMethodDecl() || !Get->getMethodDecl()->getIdentifier() ||
      !Get->getMethodDecl()->getName().contains_insensitive("future"))
    return false;
  const auto *Ref = dyn_cast<DeclRefExpr>(
      Get->getImplicitObjectArgument()->IgnoreParenImpCasts());
  const auto *Promise = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  const auto *Function = Promise && Promise->isLocalVarDecl()
                             ? dyn_cast<FunctionDecl>(Promise->getDeclContext())
                             : nullptr;
  llvm::SmallVector<llvm::StringRef, 4> Names;
  if (!Function || !membersCalledOn(Function->getBody(), Promise, Names))
    return false;
  bool SetsValue = false;
  for (llvm::StringRef Name : Names) {
    if (Name.contains_insensitive("exception") ||
        Name.contains_insensitive("error") ||
        Name.contains_insensitive("fail") || Name.contains_insensitive("break"))
      return false;
    SetsValue |= Name.starts_with_insensitive("set_value") ||
                 Name.starts_with_insensitive("setvalue");
  }
  return SetsValue;
}

/// Whether the result a continuation is attached to (`f.then_wrapped(...)`)
/// cannot hold an error: a ready result made with a value, or the future of
/// a local promise its function resolves only with a value, directly or
/// through a local variable initialised so.
static bool holdsOnlyAValue(const CallExpr &Call, ModelQueries &Model) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call);
  const Expr *Object =
      Member
          ? Member->getImplicitObjectArgument()->IgnoreUnlessSpelledInSource()
          : nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Object))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Var->isLocalVarDecl())
      Object = Var->getInit();
  return makesReadyValue(Object, Model) || promisedValue(Object);
}

void SuppressedExceptionCheck::checkCallbacks(const CallExpr &Call) {
  // A guard (Boost.Cobalt's with) rethrows the error after its teardown has
  // seen it: a teardown that ignores its copy drops nothing (one that
  // clears it through a reference is checkExitHook's).
  if (model().guardCall(Call))
    return;
  bool FirstIsError = model().isCallbackSink(Call);
  // The continuation of a result made with a value receives no error.
  if (holdsOnlyAValue(Call, model()))
    return;
  for (const Expr *Arg : Call.arguments()) {
    const LambdaExpr *Callback = lambdaArgument(*Arg);
    if (!Callback)
      continue;
    const ParmVarDecl *Ignored =
        ignoredErrorParameter(*Callback, model(), FirstIsError);
    if (!Ignored || passesErrorOn(*Callback, Call))
      continue;
    // At the parameter's type: an unnamed parameter has nothing else.
    SourceLocation Loc = Ignored->getBeginLoc();
    if (!firstReportAt(Loc))
      continue;
    std::vector<FixItHint> Hints;
    std::string Why, FixName;
    llvm::Expected<rewrites::HandlerForm> Form =
        model().isExceptionPtr(Ignored->getType())
            ? rewrites::handlerFormAt(Call, *AST, errorReporter())
            : rewrites::noFix(Loc, "coroguard writes handlers for a "
                                   "std::exception_ptr only");
    if (Form) {
      rewrites::RewriteNodes Nodes(*AST);
      Hints = fixItsOr(rewrites::handleInCallback(*Callback, *Ignored, *Form,
                                                  errorReporter(), Nodes),
                       Nodes, Why);
      FixName = *Form == rewrites::HandlerForm::Rethrow
                    ? "rethrow the error in the callback"
                    : "report the error to '" + errorReporter().str() +
                          "' in the callback";
    } else {
      Why = rewrites::reasonOf(Form.takeError());
    }
    {
      auto Diag = diag(Loc, "the callback ignores the error it is given, so "
                            "the error disappears; rethrow it, or report it")
                  << Ignored->getSourceRange();
      for (const FixItHint &Hint : fixItsOnWarning(Hints))
        Diag << Hint;
    }
    nameFixIts(Loc, FixName, Hints);
    noteNoFix(Loc, Why, AST->getSourceManager());
  }
}

} // namespace clang::coroguard
