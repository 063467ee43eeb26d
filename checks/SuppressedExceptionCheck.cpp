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
  AST = Result.Context;
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("callback-call"))
    checkCallbacks(*Call);
  if (const auto *Coroutine =
          Result.Nodes.getNodeAs<FunctionDecl>("coroutine")) {
    checkHandlers(*Coroutine);
    recordFacts(*Coroutine);
  } else if (const auto *Method =
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

void SuppressedExceptionCheck::recordFacts(const FunctionDecl &Coroutine) {
  project::UnitFacts *Sink = unitFacts();
  if (!Sink || !Coroutine.isExternallyVisible() ||
      isa<CXXMethodDecl>(Coroutine) &&
          cast<CXXMethodDecl>(Coroutine).getParent()->isLambda())
    return;
  const SourceManager &SM = Coroutine.getASTContext().getSourceManager();
  if (!SM.isInMainFile(SM.getExpansionLoc(Coroutine.getLocation())) ||
      !handlesItsOwnErrors(Coroutine, throwOracle()))
    return;
  project::FunctionFacts F = project::factsOf(Coroutine);
  F.HandlesErrors = true;
  Sink->add(std::move(F));
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

/// Whether \p S holds a try statement of its own (not in a lambda).
static bool containsTry(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<CXXTryStmt>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsTry(Child))
      return true;
  return false;
}

bool SuppressedExceptionCheck::expectsException(const CXXTryStmt &Try,
                                                const Stmt *Parent) {
  // try { co_await must_fail(); FAIL("should have thrown"); } catch (...) {}
  // The assertion must be one that runs only when nothing was thrown: one
  // that catches by itself (BOOST_CHECK_THROW(co_await op(), E)) lets
  // every other exception through to the handler, which swallows it.
  if (const auto *Block = dyn_cast<CompoundStmt>(Try.getTryBlock());
      Block && !Block->body_empty() && isAssertion(Block->body_back()) &&
      !containsTry(Block->body_back()))
    return true;
  // try { co_await op(); } catch (...) {}  CHECK(state_after(op));
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Parent)) {
    const auto *It = llvm::find(Block->body(), &Try);
    if (It != Block->body_end() && std::next(It) != Block->body_end())
      return isAssertion(*std::next(It));
  }
  return false;
}

COROGUARD_CHECK_FACTORY(SuppressedExceptionCheck)

} // namespace clang::coroguard
