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
#include "rewrites/CallTemplate.h"
#include "rewrites/ErrorHandlers.h"
#include "rewrites/Templates.h"

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

/// The class of \p E's type; null also for an expression that has no type
/// (one clang recovered from an error).
static const CXXRecordDecl *classOf(const Expr &E) {
  QualType T = E.getType();
  return T.isNull() ? nullptr : T->getAsCXXRecordDecl();
}

/// A token that hands the error back as a value: redirect_error(token, ec),
/// as_tuple(token), as_single(token).
static bool hasErrorValueToken(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    if (const CXXRecordDecl *RD = classOf(*E);
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
  const CXXRecordDecl *RD = classOf(*Operand->IgnoreParenImpCasts());
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

/// Whether the spawned \p Spawned may handle its own errors. A coroutine
/// whose body is in another file is taken to let them out, and is set in
/// \p Unseen: the project's facts may say otherwise.
static bool mayHandleItsOwnErrors(const Expr *Spawned,
                                  const ThrowOracle &Throws,
                                  const FunctionDecl **Unseen = nullptr) {
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
  // A coroutine whose body is in another file may let its errors out as
  // well as any other: only a body seen to handle them says otherwise.
  const FunctionDecl *Definition = nullptr;
  if (!Callee->hasBody(Definition)) {
    if (Unseen)
      *Unseen = Callee;
    return false;
  }
  return handlesItsOwnErrors(*Definition, Throws);
}

bool handlesItsOwnErrors(const FunctionDecl &Coroutine,
                         const ThrowOracle &Throws) {
  const Stmt *Body = getCoroutineUserBody(Coroutine);
  return startsWithTry(Coroutine) || (Body && !letsErrorsOut(Body, Throws));
}

std::optional<std::string>
SuppressedExceptionCheck::spawnedElsewhere(const FunctionDecl *Unseen) {
  std::string Key = Unseen ? project::keyOf(*Unseen) : "";
  if (Key.empty())
    return "";
  if (const project::FactBase *Known = summaryFacts())
    return Known->handlesErrors(Key) ? std::nullopt
                                     : std::optional<std::string>("");
  if (!unitFacts())
    return "";
  return project::conditionalMessage("", {project::Fact::LetsErrorsOut, Key});
}

/// \p Text written into a diagnostic's format string as it is.
static std::string escapeFormat(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '%')
      Out += '%';
    Out += C;
  }
  return Out;
}

void SuppressedExceptionCheck::reportSinkFunction(const CallExpr &Call,
                                                  SourceLocation Loc,
                                                  llvm::StringRef Message) {
  // The model's form that hands the error to the reporter: a spawn that
  // drops it gives it nowhere else to go, so there is no rethrowing form.
  const ExceptionSinkEntry *Sink = model().functionSink(Call);
  std::vector<FixItHint> Hints;
  std::string Why;
  if (!Sink || Sink->ReportingReplacement.empty()) {
    Why = "the model gives this call no form that reports the error";
  } else if (errorReporter().empty()) {
    Why = "set option coroguard.ErrorReporter to a function that reports a "
          "std::exception_ptr, and the fix-it hands the error to it";
  } else {
    llvm::StringMap<std::string> Values;
    Values["reporter"] = errorReporter().str();
    rewrites::RewriteNodes Nodes(*AST);
    Hints = fixItsOr(
        rewrites::replaceCall(
            Call, rewrites::expandTemplate(Sink->ReportingReplacement, Values),
            "<exception>", Nodes),
        Nodes, Why);
  }
  {
    auto Diag = diag(Loc, Message) << Call.getDirectCallee()->getDeclName();
    for (const FixItHint &Hint : fixItsOnWarning(Hints))
      Diag << Hint;
  }
  nameFixIts(Loc, "hand the error to '" + errorReporter().str() + "'", Hints);
  noteNoFix(Loc, Why, AST->getSourceManager());
}

void SuppressedExceptionCheck::checkSinkFunction(const CallExpr &Call) {
  if (!model().isFunctionSink(Call))
    return;
  // At the start of the whole call, which its fix-it replaces (clangd shows
  // a diagnostic at the start of the fix-it range that holds it).
  SourceLocation Loc = static_cast<const Stmt &>(Call).getBeginLoc();
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
      reportSinkFunction(Call, Loc,
                         "%0 drops any exception thrown by the work it runs; "
                         "catch it inside the work, or use a form that "
                         "returns the error");
      return;
    }
    // A coroutine spawned and detached (libcoro's spawn_detached): its
    // promise drops what it throws.
    bool SpawnsTask =
        Lambda || (!Arg->getType()->isDependentType() &&
                   model().taskKind(Arg->getType()) != TaskKind::None);
    const FunctionDecl *Unseen = nullptr;
    if (!SpawnsTask || mayHandleItsOwnErrors(Arg, throwOracle(), &Unseen))
      continue;
    std::optional<std::string> Waits = spawnedElsewhere(Unseen);
    if (!Waits || !firstReportAt(Loc))
      continue;
    reportSinkFunction(Call, Loc,
                       "%0 drops the exception of the coroutine it spawns; "
                       "handle errors inside it, or await it where an error "
                       "can be reported" +
                           escapeFormat(*Waits));
    return;
  }
}

/// Whether the spawned awaitable has no value (`awaitable<void>`: its
/// handler takes the error alone), a value (`awaitable<T>`: the error and
/// the value), or is no awaitable of a task type (an operation, whose
/// handler takes an error code: no fix-it writes that).
static std::optional<bool> spawnsNoValue(const Expr *Spawned,
                                         ModelQueries &Model) {
  QualType T = Spawned ? Spawned->getType() : QualType();
  // A function object spawned (`[] { return session(); }`): what it
  // returns.
  if (const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl())
    if (const CXXMethodDecl *Call =
            RD->isLambda() ? RD->getLambdaCallOperator() : nullptr)
      T = Call->getReturnType();
  if (T.isNull() || T->isDependentType() || Model.taskKind(T) == TaskKind::None)
    return std::nullopt;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || Spec->getTemplateArgs().size() == 0)
    return std::nullopt;
  const TemplateArgument &First = Spec->getTemplateArgs()[0];
  if (First.getKind() != TemplateArgument::Type)
    return std::nullopt;
  return First.getAsType()->isVoidType();
}

/// The function types among \p Args: completion signatures.
static void
addSignatures(llvm::ArrayRef<TemplateArgument> Args,
              llvm::SmallVectorImpl<const FunctionProtoType *> &Out) {
  for (const TemplateArgument &Arg : Args) {
    if (Arg.getKind() == TemplateArgument::Pack)
      addSignatures(Arg.pack_elements(), Out);
    else if (Arg.getKind() == TemplateArgument::Type)
      if (const auto *Sig = Arg.getAsType()->getAs<FunctionProtoType>())
        Out.push_back(Sig);
  }
}

/// The signatures a body starts its operation with: the explicit template
/// arguments of its async_initiate / async_compose call
/// (`async_initiate<CompletionToken, void(error_code)>`), as composed
/// operations (co_composed, async_compose) are written.
static void
initiatedSignatures(const Stmt *S,
                    llvm::SmallVectorImpl<const FunctionProtoType *> &Out) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->getIdentifier() &&
        llvm::is_contained({"async_initiate", "async_compose"},
                           Callee->getName()))
      if (const TemplateArgumentList *Args =
              Callee->getTemplateSpecializationArgs())
        addSignatures(Args->asArray(), Out);
  for (const Stmt *Child : S->children())
    initiatedSignatures(Child, Out);
}

/// The completion signatures of the operation \p Call starts, for its
/// token argument \p ArgIndex: the signatures its token parameter is
/// constrained to (`ASIO_COMPLETION_TOKEN_FOR(void(error_code, size_t))`,
/// `completion_token_for<void()>`), else those its body initiates the
/// operation with. Empty when unknown.
static llvm::SmallVector<const FunctionProtoType *, 2>
completionSignatures(const CallExpr &Call, unsigned ArgIndex) {
  llvm::SmallVector<const FunctionProtoType *, 2> Sigs;
  const FunctionDecl *Callee = Call.getDirectCallee();
  if (!Callee || isa<CXXOperatorCallExpr>(Call))
    return Sigs;
  const FunctionDecl *Pattern = Callee;
  if (const FunctionTemplateDecl *Primary = Callee->getPrimaryTemplate())
    Pattern = Primary->getTemplatedDecl();
  if (ArgIndex < Pattern->getNumParams())
    if (const auto *Param = Pattern->getParamDecl(ArgIndex)
                                ->getType()
                                .getNonReferenceType()
                                ->getAs<TemplateTypeParmType>())
      if (const TemplateTypeParmDecl *Decl = Param->getDecl())
        if (const TypeConstraint *Constraint = Decl->getTypeConstraint())
          if (const ASTTemplateArgumentListInfo *Written =
                  Constraint->getTemplateArgsAsWritten()) {
            llvm::SmallVector<TemplateArgument, 2> Args;
            for (const TemplateArgumentLoc &Arg : Written->arguments())
              Args.push_back(Arg.getArgument());
            addSignatures(Args, Sigs);
          }
  if (Sigs.empty())
    initiatedSignatures(Callee->getBody(), Sigs);
  return Sigs;
}

/// Whether one of \p Sigs hands an error to its handler: an error code or
/// an error carrier (std::exception_ptr) among its parameters.
static bool completesWithError(llvm::ArrayRef<const FunctionProtoType *> Sigs,
                               ModelQueries &Model) {
  return llvm::any_of(Sigs, [&](const FunctionProtoType *Sig) {
    return llvm::any_of(Sig->getParamTypes(), [&](QualType T) {
      T = T.getNonReferenceType().getUnqualifiedType();
      return T->isDependentType() || carriesErrorCode(T) ||
             Model.isErrorCarrier(T) || Model.isExceptionPtr(T);
    });
  });
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
  // The token may be the only argument (`timer.async_wait(detached)`).
  for (unsigned I = 0; I < Call.getNumArgs(); ++I) {
    const ExceptionSinkEntry *Sink = sinkToken(*Call.getArg(I));
    if (!Sink)
      continue;
    const Expr *Spawned = I ? Call.getArg(I - 1) : nullptr;
    const FunctionDecl *Unseen = nullptr;
    if (mayHandleItsOwnErrors(Spawned, throwOracle(), &Unseen))
      return;
    // A coroutine of another file: the project's facts decide.
    std::optional<std::string> Waits = spawnedElsewhere(Unseen);
    if (!Waits)
      return;
    // An operation whose handler receives no error (`post(ex, detached)`,
    // a composed operation completing with `void()`, whose exceptions leave
    // through the event loop) has nothing to drop.
    if (llvm::SmallVector<const FunctionProtoType *, 2> Sigs =
            completionSignatures(Call, I);
        !Sigs.empty() && !completesWithError(Sigs, model()))
      return;
    SourceLocation Loc = Call.getArg(I)->getBeginLoc();
    if (!firstReportAt(Loc))
      return;
    const FunctionDecl *Callee = Call.getDirectCallee();
    bool Spawns = Callee && Callee->getIdentifier() &&
                  Callee->getName().contains_insensitive("spawn");
    // The token itself, or the one an adapter wraps.
    const Expr *Token = Call.getArg(I);
    if (!model().exceptionSinkToken(*Token))
      if (const auto *Adapter =
              dyn_cast<CallExpr>(ignoreFullExprWrappers(Token)))
        for (const Expr *Inner : Adapter->arguments())
          if (model().exceptionSinkToken(*Inner))
            Token = Inner;
    std::vector<FixItHint> Hints;
    std::string Why, FixName;
    std::optional<bool> NoValue = spawnsNoValue(Spawned, model());
    if (!NoValue) {
      Why = "the completion handler of this operation takes an error "
            "code; handle it in the handler, or use a token that returns "
            "it (as_tuple, redirect_error)";
    } else if (llvm::Expected<rewrites::HandlerForm> Form =
                   rewrites::handlerFormAt(Call, *AST, errorReporter())) {
      std::string Text = *Form == rewrites::HandlerForm::Rethrow
                             ? Sink->Replacement
                             : Sink->ReportingReplacement;
      llvm::StringMap<std::string> Values;
      Values["results"] = *NoValue ? "" : ", auto &&...";
      Values["reporter"] = errorReporter().str();
      if (Text.empty()) {
        Why = "the model gives '" + Sink->Name + "' no handler to write";
      } else {
        rewrites::RewriteNodes Nodes(*AST);
        Hints =
            fixItsOr(rewrites::replaceToken(
                         *Token, rewrites::expandTemplate(Text, Values), Nodes),
                     Nodes, Why);
        FixName = *Form == rewrites::HandlerForm::Rethrow
                      ? "pass a completion handler that rethrows the error"
                      : "pass a completion handler that reports the error "
                        "to '" +
                            errorReporter().str() + "'";
      }
    } else {
      Why = rewrites::reasonOf(Form.takeError());
    }
    {
      auto Diag = diag(Loc, "'%0' drops the %select{error of the operation|"
                            "exception of the spawned coroutine}1; pass a "
                            "completion handler that rethrows or reports it%2")
                  << Sink->Name << Spawns << *Waits;
      for (const FixItHint &Hint : fixItsOnWarning(Hints))
        Diag << Hint;
    }
    nameFixIts(Loc, FixName, Hints);
    noteNoFix(Loc, Why, AST->getSourceManager());
    return;
  }
}

} // namespace clang::coroguard
