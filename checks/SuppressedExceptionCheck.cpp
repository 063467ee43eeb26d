//===--- SuppressedExceptionCheck.cpp -------------------------------------===//

#include "SuppressedExceptionCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"
#include "ErrorCallbacks.h"
#include "analysis/HandlerRules.h"
#include "model/ModelLoader.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

static constexpr llvm::StringLiteral ReportingFunctionsKey =
    "ReportingFunctions";

SuppressedExceptionCheck::SuppressedExceptionCheck(
    llvm::StringRef Name, tidy::ClangTidyContext *Context)
    : CoroGuardCheck(Name, Context),
      ReportingFunctionsOption(Options.get(ReportingFunctionsKey, "")) {
  for (const std::string &F : splitList(ReportingFunctionsOption))
    ReportingFunctions.insert(F);
}

void SuppressedExceptionCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &Opts) {
  CoroGuardCheck::storeOptions(Opts);
  Options.store(Opts, ReportingFunctionsKey, ReportingFunctionsOption);
}

void SuppressedExceptionCheck::registerMatchers(MatchFinder *Finder) {
  if (!hasModel())
    return;
  Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
  Finder->addMatcher(cxxMethodDecl(isDefinition(),
                                   hasName("unhandled_exception"),
                                   unless(isExpansionInSystemHeader()))
                         .bind("unhandled"),
                     this);
  // Exit hooks that receive the exception by reference: Boost.Cobalt's
  // with() teardown and await_exit members.
  Finder->addMatcher(cxxMethodDecl(isDefinition(),
                                   unless(isExpansionInSystemHeader()),
                                   anyOf(hasName("await_exit"),
                                         ofClass(cxxRecordDecl(isLambda()))))
                         .bind("exit-hook"),
                     this);
  // Calls of the model's sink functions (concurrencpp's executor::post).
  // Matched by plain name (hasName does not see through the template
  // arguments of a class like derivable_executor<T>); the model decides.
  std::vector<std::string> SinkFunctions;
  for (const auto &[Name, Entry] : model().model().exceptionSinks())
    if (Entry.Value.SinkKind == ExceptionSinkEntry::Kind::Function)
      SinkFunctions.push_back(
          llvm::StringRef(Entry.Value.Name).rsplit("::").second.str());
  if (!SinkFunctions.empty()) {
    std::vector<llvm::StringRef> Names(SinkFunctions.begin(),
                                       SinkFunctions.end());
    Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                                callee(functionDecl(hasAnyName(Names))))
                           .bind("sink-call"),
                       this);
  }
  // Calls given a callback (a lambda, or a local initialised with one): a
  // completion handler that may ignore the error it receives.
  auto Callback = ignoringImplicit(
      anyOf(lambdaExpr(), declRefExpr(to(varDecl(hasInitializer(
                              ignoringImplicit(lambdaExpr())))))));
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()), hasAnyArgument(Callback))
          .bind("callback-call"),
      this);
  // Calls given one of the model's sink tokens.
  std::vector<std::string> Tokens;
  for (const auto &[Name, Entry] : model().model().exceptionSinks())
    if (Entry.Value.SinkKind == ExceptionSinkEntry::Kind::Token)
      Tokens.push_back("::" + Entry.Value.Name);
  if (!Tokens.empty()) {
    // (Finding the call from the token's use through ASTContext::getParents
    // builds a parent map of the whole translation unit: ~9% of a run on
    // asio code. Checking each call's arguments is cheaper.)
    std::vector<llvm::StringRef> Names(Tokens.begin(), Tokens.end());
    auto Token =
        ignoringParenImpCasts(declRefExpr(to(varDecl(hasAnyName(Names)))));
    // The token as an argument, or wrapped by a token adapter
    // (`bind_cancellation_slot(slot, detached)`).
    Finder->addMatcher(
        callExpr(
            unless(isExpansionInSystemHeader()),
            hasAnyArgument(anyOf(Token, ignoringParenImpCasts(ignoringImplicit(
                                            callExpr(hasAnyArgument(Token)))))))
            .bind("call"),
        this);
  }
}

void SuppressedExceptionCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("callback-call"))
    checkCallbacks(*Call);
  if (const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine"))
    checkHandlers(*Coroutine);
  else if (const auto *Method =
               Result.Nodes.getNodeAs<CXXMethodDecl>("unhandled"))
    checkUnhandledException(*Method);
  else if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call"))
    checkSinks(*Call);
  else if (const auto *Hook =
               Result.Nodes.getNodeAs<CXXMethodDecl>("exit-hook"))
    checkExitHook(*Hook);
  else if (const auto *SinkCall = Result.Nodes.getNodeAs<CallExpr>("sink-call"))
    checkSinkFunction(*SinkCall);
}

static bool isNamed(const FunctionDecl *FD, llvm::StringRef Qualified) {
  return FD && FD->getIdentifier() &&
         FD->getQualifiedNameAsString() == Qualified;
}

bool SuppressedExceptionCheck::reports(const Expr &CallOrConstruct) {
  if (model().isReportingCall(CallOrConstruct))
    return true;
  const auto *Call = dyn_cast<CallExpr>(&CallOrConstruct);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  return Callee && !ReportingFunctions.empty() &&
         ReportingFunctions.count(getQualifiedFunctionName(*Callee));
}

bool SuppressedExceptionCheck::keepsException(const Stmt &Handler,
                                              const Stmt *FunctionBody) {
  auto Reports = [this](const Expr &CallOrConstruct) {
    return reports(CallOrConstruct);
  };
  KeepingRules Rules;
  Rules.FunctionBody = FunctionBody;
  Rules.Reports = Reports;
  return coroguard::keepsException(Handler, Rules);
}

/// A handler with no statement (comments aside).
static bool isEmptyHandler(const CXXCatchStmt &Catch) {
  const auto *Block = dyn_cast<CompoundStmt>(Catch.getHandlerBlock());
  return Block && Block->body_empty();
}

/// catch (const std::exception &) and friends: every standard exception.
static bool catchesStdException(const CXXCatchStmt &Catch) {
  QualType T = Catch.getCaughtType();
  if (T.isNull())
    return false;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getName() == "exception" && RD->isInStdNamespace();
}

bool SuppressedExceptionCheck::isAssertion(const Stmt *S, unsigned Jumps) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  // `if (!threw) goto report;` (GoogleTest's EXPECT_ANY_THROW).
  if (const auto *Goto = dyn_cast<GotoStmt>(S)) {
    const LabelStmt *Target = Goto->getLabel()->getStmt();
    return Target && Jumps < 2 && isAssertion(Target->getSubStmt(), Jumps + 1);
  }
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (reports(*Call) || isConstantFailureCheck(*Call) ||
        isAssertionFailure(*Call))
      return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
    if (reports(*Construct))
      return true;
  for (const Stmt *Child : S->children())
    if (isAssertion(Child, Jumps))
      return true;
  return false;
}

bool SuppressedExceptionCheck::expectsException(const CXXTryStmt &Try,
                                                const Stmt *Parent) {
  // try { co_await must_fail(); FAIL("should have thrown"); } catch (...) {}
  if (const auto *Block = dyn_cast<CompoundStmt>(Try.getTryBlock());
      Block && !Block->body_empty() && isAssertion(Block->body_back()))
    return true;
  // try { co_await op(); } catch (...) {}  CHECK(state_after(op));
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Parent)) {
    const auto *It = llvm::find(Block->body(), &Try);
    if (It != Block->body_end() && std::next(It) != Block->body_end())
      return isAssertion(*std::next(It));
  }
  return false;
}

void SuppressedExceptionCheck::checkHandlers(const FunctionDecl &Coroutine) {
  const Stmt *Body = getCoroutineUserBody(Coroutine);
  if (!Body)
    return;
  ScopeWalkOptions Options;
  Options.IntoImmediatelyInvokedLambdas = false;
  forEachStmtInScope(*Body, Options, [&](const Stmt &S, const Stmt *Parent) {
    const auto *Try = dyn_cast<CXXTryStmt>(&S);
    if (!Try)
      return;
    std::optional<bool> Expected;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I) {
      const CXXCatchStmt *Catch = Try->getHandler(I);
      // A handler is judged where its `catch` is spelled: inside a test
      // framework's assertion macro it is not the user's. One in a macro
      // of the analysed code is reported where the macro is used.
      const SourceManager &SM = Coroutine.getASTContext().getSourceManager();
      if (!isAnalysedCode(Catch->getCatchLoc(), SM))
        continue;
      bool CatchAll = Catch->getCaughtType().isNull();
      bool Broad = CatchAll || catchesStdException(*Catch);
      bool Empty = isEmptyHandler(*Catch);
      // A handler for one specific type (`catch (const cancelled &) {}`)
      // is a decision, not an accident.
      if ((Empty && !Broad) || (!Empty && !CatchAll) ||
          (!Empty && keepsException(*Catch->getHandlerBlock(), Body)))
        continue;
      // A test that expects the exception and checks the outcome.
      if (!Expected)
        Expected = expectsException(*Try, Parent);
      SourceLocation Loc = SM.getFileLoc(Catch->getCatchLoc());
      if (*Expected || !firstReportAt(Loc))
        continue;
      if (Empty)
        diag(Loc, "empty handler in coroutine %0 swallows %select{every "
                  "exception|every standard exception}1, cancellation "
                  "included; rethrow it, or catch the specific type you "
                  "mean to ignore")
            << &Coroutine << !CatchAll;
      else
        diag(Loc, "'catch (...)' in coroutine %0 swallows every exception, "
                  "cancellation included; rethrow it (throw;), or keep it "
                  "with std::current_exception()")
            << &Coroutine;
    }
  });
}

void SuppressedExceptionCheck::checkUnhandledException(
    const CXXMethodDecl &Method) {
  // Only promise types: a class with get_return_object().
  const CXXRecordDecl *Promise = Method.getParent();
  bool IsPromise = Promise->getName() == "promise_type";
  for (const CXXMethodDecl *M : Promise->methods())
    IsPromise |= M->getIdentifier() && M->getName() == "get_return_object";
  if (!IsPromise || !Method.getBody() || Method.isDeleted())
    return;
  // Templates: the written code once.
  if (Method.isTemplateInstantiation())
    return;
  if (keepsException(*Method.getBody(), Method.getBody()) ||
      !firstReportAt(Method.getLocation()))
    return;
  diag(Method.getLocation(),
       "%0 drops the exception of every coroutine of this type; store "
       "std::current_exception(), rethrow it, or terminate")
      << &Method;
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

void SuppressedExceptionCheck::checkCallbacks(const CallExpr &Call) {
  bool FirstIsError = model().isCallbackSink(Call);
  for (const Expr *Arg : Call.arguments()) {
    const LambdaExpr *Callback = lambdaArgument(*Arg);
    if (!Callback)
      continue;
    const ParmVarDecl *Ignored =
        ignoredErrorParameter(*Callback, model(), FirstIsError);
    if (!Ignored)
      continue;
    // At the parameter's type: an unnamed parameter has nothing else.
    SourceLocation Loc = Ignored->getBeginLoc();
    if (!firstReportAt(Loc))
      continue;
    diag(Loc, "the callback ignores the error it is given, so the error "
              "disappears; rethrow it, or report it")
        << Ignored->getSourceRange();
  }
}

/// `e = nullptr`, `e = {}`, `e = std::exception_ptr()` on the parameter.
static const Expr *clearingAssignment(const Stmt *S, const ParmVarDecl *P) {
  if (!S || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2) {
    const auto *Ref =
        dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts());
    const Expr *Value = Op->getArg(1)->IgnoreParenImpCasts();
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Value))
      Value = Temp->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Value))
      Value = Bind->getSubExpr()->IgnoreParenImpCasts();
    bool Clears = isa<CXXNullPtrLiteralExpr>(Value);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Value))
      Clears |= Construct->getNumArgs() == 0 ||
                (Construct->getNumArgs() == 1 &&
                 isa<CXXNullPtrLiteralExpr>(
                     Construct->getArg(0)->IgnoreParenImpCasts()));
    if (const auto *List = dyn_cast<InitListExpr>(Value))
      Clears |= List->getNumInits() == 0;
    if (Ref && Ref->getDecl() == P && Clears)
      return Op;
  }
  for (const Stmt *Child : S->children())
    if (const Expr *Found = clearingAssignment(Child, P))
      return Found;
  return nullptr;
}

void SuppressedExceptionCheck::checkExitHook(const CXXMethodDecl &Hook) {
  // Instantiations too: a generic teardown (`[](auto &res, auto &e)`) has
  // an exception_ptr parameter only once instantiated. The code as written
  // is reported once.
  if (!Hook.getBody())
    return;
  // Not every front visits the instantiations of a generic lambda: reach
  // them from the pattern.
  if (const FunctionTemplateDecl *Template =
          Hook.getDescribedFunctionTemplate())
    for (const FunctionDecl *Spec : Template->specializations())
      if (const auto *Method = dyn_cast<CXXMethodDecl>(Spec);
          Method && Method != &Hook)
        checkExitHook(*Method);
  for (const ParmVarDecl *P : Hook.parameters()) {
    QualType T = P->getType();
    if (!T->isLValueReferenceType() ||
        T.getNonReferenceType().isConstQualified())
      continue;
    const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
    if (!RD || RD->getName() != "exception_ptr" || !RD->isInStdNamespace())
      continue;
    const Expr *Clear = clearingAssignment(Hook.getBody(), P);
    if (!Clear || !firstReportAt(Clear->getBeginLoc()))
      continue;
    diag(Clear->getBeginLoc(),
         "the exit hook clears the exception it is given, so the error of "
         "the scope it closes disappears; leave %0 as it is")
        << P;
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

COROGUARD_CHECK_FACTORY(SuppressedExceptionCheck)

} // namespace clang::coroguard
