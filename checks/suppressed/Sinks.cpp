//===--- suppressed/Sinks.cpp ---------------------------------------------===//
//
// coroguard-suppressed-exception: spawns and operations whose completion token
// or sink function drops the error.
//
//===----------------------------------------------------------------------===//

#include "SuppressedExceptionCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"
#include "analysis/HandlerRules.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

static bool isNamed(const FunctionDecl *FD, llvm::StringRef Qualified) {
  return FD && FD->getIdentifier() &&
         FD->getQualifiedNameAsString() == Qualified;
}

/// Whether \p S contains a throwing point outside any try statement.
static bool mayThrowUncaught(const Stmt *S, const ThrowOracle &Throws) {
  if (!S || isa<CXXTryStmt, LambdaExpr>(S))
    return false;
  if (Throws.mayThrow(*S))
    return true;
  for (const Stmt *Child : S->children())
    if (mayThrowUncaught(Child, Throws))
      return true;
  return false;
}

/// Whether the spawned coroutine may handle errors of its own: a try
/// statement at the top of its body (whatever it does not catch is then a
/// decision of its author), or a body this translation unit cannot see —
/// spawned coroutines usually catch what they expect, and a finding that
/// cannot be checked is not reported.
static bool startsWithTry(const FunctionDecl &Coroutine) {
  const auto *Body =
      dyn_cast_or_null<CompoundStmt>(getCoroutineUserBody(Coroutine));
  return Body && llvm::any_of(Body->body(),
                              [](const Stmt *S) { return isa<CXXTryStmt>(S); });
}

/// A type that is, or holds as a template argument, an error code
/// (`std::error_code`, `boost::system::error_code`, `std::tuple<error_code,
/// std::size_t>`): what an operation completed with as_tuple, as_single or
/// a default token of that kind produces.
static bool carriesErrorCode(QualType T, unsigned Depth = 0) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  if (!RD || Depth > 3)
    return false;
  if (RD->getName() == "error_code")
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
      if (Arg.getKind() == TemplateArgument::Type &&
          carriesErrorCode(Arg.getAsType(), Depth + 1))
        return true;
      if (Arg.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument &P : Arg.pack_elements())
          if (P.getKind() == TemplateArgument::Type &&
              carriesErrorCode(P.getAsType(), Depth + 1))
            return true;
    }
  return false;
}

/// A token that hands the error back as a value: redirect_error(token, ec),
/// as_tuple(token), as_single(token).
static bool hasErrorValueToken(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    if (const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl();
        RD && RD->getIdentifier() &&
        llvm::is_contained({"redirect_error_t", "as_tuple_t", "as_single_t"},
                           RD->getName()))
      return true;
  for (const Stmt *Child : S->children())
    if (hasErrorValueToken(Child))
      return true;
  return false;
}

/// `co_await this_coro::executor` and the like ask the coroutine's own
/// state: they do not fail.
static bool isCoroutineQuery(const Expr *Operand) {
  const CXXRecordDecl *RD =
      Operand->IgnoreParenImpCasts()->getType()->getAsCXXRecordDecl();
  if (!RD)
    return false;
  for (const DeclContext *DC = RD->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC);
        NS && NS->getIdentifier() && NS->getName() == "this_coro")
      return true;
  return false;
}

/// Whether something in \p S lets an error out of the coroutine: a throw, a
/// call that may throw, or a co_await of an operation that reports its
/// error by throwing. An operation that completes with an error value
/// (as_tuple, as_single, redirect_error) leaves the error to the coroutine,
/// and so does anything inside a try statement. The calls in a co_await's
/// operand start the operation: their failure is the co_await's.
static bool letsErrorsOut(const Stmt *S, const ThrowOracle &Throws) {
  if (!S || isa<LambdaExpr, CXXTryStmt>(S))
    return false;
  if (isa<CXXThrowExpr, DependentCoawaitExpr>(S))
    return true;
  if (const auto *Await = dyn_cast<CoawaitExpr>(S))
    return !carriesErrorCode(Await->getType()) &&
           !hasErrorValueToken(Await->getOperand()) &&
           !isCoroutineQuery(Await->getOperand());
  if (isa<CallExpr, CXXConstructExpr>(S) && Throws.mayThrow(*S))
    return true;
  for (const Stmt *Child : S->children())
    if (letsErrorsOut(Child, Throws))
      return true;
  return false;
}

static bool mayHandleItsOwnErrors(const Expr *Spawned,
                                  const ThrowOracle &Throws) {
  const Expr *E = Spawned ? ignoreFullExprWrappers(Spawned) : nullptr;
  // spawn(std::move(t)): the task a local was made from.
  if (const auto *Move = dyn_cast_or_null<CallExpr>(E);
      Move && Move->getNumArgs() == 1 && Move->getDirectCallee() &&
      Move->getDirectCallee()->isInStdNamespace() &&
      Move->getDirectCallee()->getIdentifier() &&
      Move->getDirectCallee()->getName() == "move")
    if (const auto *Ref =
            dyn_cast<DeclRefExpr>(Move->getArg(0)->IgnoreParenImpCasts()))
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
          Var && Var->hasLocalStorage() && Var->getInit())
        E = ignoreFullExprWrappers(Var->getInit());
  // A lambda spawned: a coroutine lambda is judged by its own body;
  // `[self] { return self->reader(); }` by the call it returns.
  if (const auto *Lambda = dyn_cast_or_null<LambdaExpr>(E)) {
    const CXXMethodDecl *Operator = Lambda->getCallOperator();
    if (isCoroutine(*Operator))
      return startsWithTry(*Operator) ||
             !letsErrorsOut(getCoroutineUserBody(*Operator), Throws);
    const auto *Body = dyn_cast_or_null<CompoundStmt>(Lambda->getBody());
    const auto *Return = Body && Body->size() == 1
                             ? dyn_cast<ReturnStmt>(Body->body_front())
                             : nullptr;
    E = Return && Return->getRetValue()
            ? ignoreFullExprWrappers(Return->getRetValue())
            : nullptr;
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return false;
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition))
    return true;
  const Stmt *Body = getCoroutineUserBody(*Definition);
  return startsWithTry(*Definition) || (Body && !letsErrorsOut(Body, Throws));
}

void SuppressedExceptionCheck::checkSinkFunction(const CallExpr &Call) {
  if (!model().isFunctionSink(Call))
    return;
  SourceLocation Loc = Call.getBeginLoc();
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    Loc = Member->getExprLoc();
  for (const Expr *Arg : Call.arguments()) {
    const auto *Lambda = dyn_cast<LambdaExpr>(ignoreFullExprWrappers(Arg));
    if (Lambda && !isCoroutine(*Lambda->getCallOperator())) {
      // Work that may throw outside a try, unless noexcept (it terminates
      // instead: nothing is dropped).
      const auto *Proto =
          Lambda->getCallOperator()->getType()->getAs<FunctionProtoType>();
      if (!mayThrowUncaught(Lambda->getBody(), throwOracle()) ||
          (Proto && Proto->isNothrow()) || !firstReportAt(Loc))
        continue;
      diag(Loc, "%0 drops any exception thrown by the work it runs; catch it "
                "inside the work, or use a form that returns the error")
          << Call.getDirectCallee()->getDeclName();
      return;
    }
    // A coroutine spawned and detached (libcoro's spawn_detached): its
    // promise drops what it throws.
    bool SpawnsTask =
        Lambda || (!Arg->getType()->isDependentType() &&
                   model().taskKind(Arg->getType()) != TaskKind::None);
    if (!SpawnsTask || mayHandleItsOwnErrors(Arg, throwOracle()) ||
        !firstReportAt(Loc))
      continue;
    diag(Loc, "%0 drops the exception of the coroutine it spawns; handle "
              "errors inside it, or await it where an error can be reported")
        << Call.getDirectCallee()->getDeclName();
    return;
  }
}

/// The replacement handler is written for spawns of awaitable<void>.
static bool spawnsVoid(const Expr *Spawned) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Spawned ? Spawned->getType()->getAsCXXRecordDecl() : nullptr);
  if (!Spec || Spec->getTemplateArgs().size() == 0)
    return false;
  const TemplateArgument &First = Spec->getTemplateArgs()[0];
  return First.getKind() == TemplateArgument::Type &&
         First.getAsType()->isVoidType();
}

/// A call that adapts a completion token and returns a token of its own
/// (asio's bind_executor, bind_cancellation_slot, bind_allocator, consign,
/// as_tuple, redirect_error): its result goes to the operation.
static bool isTokenAdapter(const CallExpr &Call) {
  const CXXRecordDecl *RD = Call.getType()->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return false;
  llvm::StringRef Name = RD->getName();
  return Name.ends_with("binder") ||
         llvm::is_contained({"consign_t", "as_tuple_t", "as_single_t",
                             "redirect_error_t", "append_t", "prepend_t"},
                            Name);
}

const ExceptionSinkEntry *
SuppressedExceptionCheck::sinkToken(const Expr &Argument) {
  if (const ExceptionSinkEntry *Sink = model().exceptionSinkToken(Argument))
    return Sink;
  const auto *Adapter = dyn_cast<CallExpr>(ignoreFullExprWrappers(&Argument));
  if (!Adapter || !isTokenAdapter(*Adapter))
    return nullptr;
  for (const Expr *Inner : Adapter->arguments())
    if (const ExceptionSinkEntry *Sink = model().exceptionSinkToken(*Inner))
      return Sink;
  return nullptr;
}

void SuppressedExceptionCheck::checkSinks(const CallExpr &Call) {
  // The adapter is reported where its token is used, by the call it is
  // given to.
  if (isTokenAdapter(Call))
    return;
  for (unsigned I = 1; I < Call.getNumArgs(); ++I) {
    const ExceptionSinkEntry *Sink = sinkToken(*Call.getArg(I));
    if (!Sink)
      continue;
    const Expr *Spawned = Call.getArg(I - 1);
    if (mayHandleItsOwnErrors(Spawned, throwOracle()))
      return;
    SourceLocation Loc = Call.getArg(I)->getBeginLoc();
    if (!firstReportAt(Loc))
      return;
    const FunctionDecl *Callee = Call.getDirectCallee();
    bool Spawns = Callee && Callee->getIdentifier() &&
                  Callee->getName().contains_insensitive("spawn");
    auto Diag = diag(Loc, "'%0' drops the %select{error of the operation|"
                          "exception of the spawned coroutine}1; pass a "
                          "completion handler that rethrows or reports it")
                << Sink->Name << Spawns;
    SourceRange Range = Call.getArg(I)->getSourceRange();
    bool Wrapped = !model().exceptionSinkToken(*Call.getArg(I));
    if (!Sink->Replacement.empty() && !Wrapped &&
        !Range.getBegin().isMacroID() && !Range.getEnd().isMacroID() &&
        spawnsVoid(Spawned))
      Diag << FixItHint::CreateReplacement(Range, Sink->Replacement);
    return;
  }
}

} // namespace clang::coroguard
