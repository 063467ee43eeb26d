//===--- UnawaitedTaskCheck.cpp -------------------------------------------===//

#include "UnawaitedTaskCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"
#include "rewrites/InsertAwait.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

void UnawaitedTaskCheck::registerMatchers(MatchFinder *Finder) {
  if (hasModel())
    Finder->addMatcher(userFunctionDefinition().bind("function"), this);
}

void UnawaitedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  const SourceManager &SM = *Result.SourceManager;
  forEachDiscardedCall(*Function, SM, [&](const DiscardedCall &Dropped) {
    // The user's own `(void)` is a deliberate discard; one spelled by a
    // test framework's macro (Catch2's REQUIRE_NOTHROW) is not.
    if (Dropped.VoidCast && isAnalysedCode(Dropped.VoidCast->getBeginLoc(), SM))
      return;
    checkDiscardedCall(Dropped, *Function);
  });
}

/// Whether the value of \p Call dies where it is discarded: a prvalue, or
/// an xvalue of a temporary (`std::move(make_task())`). A reference to a
/// task that a container or a variable owns (`tasks.emplace_back(...)`,
/// `t = make_task()`) discards nothing.
static bool endsItsLifeHere(const CallExpr &Call) {
  if (Call.isPRValue())
    return true;
  if (!Call.isXValue())
    return false;
  for (const Expr *Arg : Call.arguments())
    if (isa<MaterializeTemporaryExpr>(Arg->IgnoreParens()))
      return true;
  return false;
}

std::string UnawaitedTaskCheck::whyNoAwait(const DiscardedCall &Dropped,
                                           const FunctionDecl &Function,
                                           QualType Type) {
  if (!isCoroutine(Function))
    return "co_await can only be written in a coroutine; await it in the "
           "coroutine that calls this function, or start it with the "
           "library's spawn";
  if (!Dropped.CanAwait)
    return "co_await is not allowed in a catch handler";
  if (ModelQueries::isGenerator(Function.getReturnType()))
    return "a generator yields values and cannot co_await";
  if (!model().isKnownAwaitable(Type, Function.getReturnType()))
    return "it is not known to be awaitable in this coroutine";
  return "";
}

void UnawaitedTaskCheck::checkDiscardedCall(const DiscardedCall &Dropped,
                                            const FunctionDecl &Function) {
  const CallExpr &Call = Dropped.Call;
  QualType Type = Call.getType();
  if (Type->isDependentType() || !endsItsLifeHere(Call))
    return; // decided per instantiation, or owned elsewhere
  // A discarded release (`conn.close();`) is one finding, reported by
  // coroguard-missing-awaited-cleanup when it runs.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    if (isCheckEnabled("coroguard-missing-awaited-cleanup") &&
        model().isAwaitedReleaseCall(*Member))
      return;
  TaskKind Kind = model().taskKind(Type);
  TaskTypeEntry::Discard Effect = TaskTypeEntry::Discard::Detaches;
  if (Kind == TaskKind::Eager)
    Effect = model().discardEffect(Type);
  if (Kind != TaskKind::Lazy && Kind != TaskKind::Awaiter &&
      Effect == TaskTypeEntry::Discard::Detaches)
    return;
  // The start of the whole call: CallExpr::getBeginLoc of an operator call
  // (`[&] { ... }()`) is its callee, the '('.
  SourceLocation Loc = static_cast<const Stmt &>(Call).getBeginLoc();
  if (!firstReportAt(Loc))
    return;

  // The plain name: template arguments (lambda types...) are noise here,
  // and a lambda's `operator()` says nothing.
  const auto *Callee = dyn_cast_or_null<NamedDecl>(Call.getCalleeDecl());
  DeclarationName Name = Callee ? Callee->getDeclName() : DeclarationName();
  if (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
      Method && Method->getParent()->isLambda())
    Name = DeclarationName();
  if (Kind == TaskKind::Eager) {
    const CXXRecordDecl *RD = Type->getAsCXXRecordDecl();
    std::string TypeName =
        RD ? RD->getQualifiedNameAsString() : Type.getAsString();
    bool Cancels = Effect == TaskTypeEntry::Discard::Cancels;
    diag(Loc, "'%0' returned by %select{this call|%2}1 is discarded, "
              "%select{and its destructor blocks the thread until the work "
              "completes; keep it and co_await it, or detach the work|which "
              "cancels its work; co_await it, or detach it explicitly}3")
        << TypeName << !Name.isEmpty() << Name << Cancels
        << Call.getSourceRange();
    return;
  }
  bool IsTask = Kind == TaskKind::Lazy;
  // Only where `co_await` is known to compile on this type, and not in a
  // generator, which yields instead of awaiting.
  std::string Why = whyNoAwait(Dropped, Function, Type);
  std::vector<FixItHint> Hints;
  if (Why.empty()) {
    rewrites::RewriteNodes Nodes(Function.getASTContext());
    llvm::Expected<std::vector<FixItHint>> Made =
        rewrites::fixItsOf(rewrites::insertAwait(Call, Nodes), Nodes, nullptr);
    if (Made)
      Hints = std::move(*Made);
    else
      Why = rewrites::reasonOf(Made.takeError());
  }
  {
    auto Diag = diag(Loc, "%select{awaitable|task}0 returned by "
                          "%select{this call|%2}1 is discarded, so it never "
                          "runs")
                << IsTask << !Name.isEmpty() << Name << Call.getSourceRange();
    for (const FixItHint &Hint : fixItsOnWarning(Hints))
      Diag << Hint;
  }
  nameFixIts(Loc, "insert 'co_await'", Hints);
  noteNoFix(Loc, Why, Function.getASTContext().getSourceManager());
}

COROGUARD_CHECK_FACTORY(UnawaitedTaskCheck)

} // namespace clang::coroguard
