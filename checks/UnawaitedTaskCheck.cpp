//===--- UnawaitedTaskCheck.cpp -------------------------------------------===//

#include "UnawaitedTaskCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

void UnawaitedTaskCheck::registerMatchers(MatchFinder *Finder) {
  if (hasModel())
    Finder->addMatcher(userFunctionDefinition().bind("function"), this);
}

void UnawaitedTaskCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  const Stmt *CoroutineBody = getCoroutineUserBody(*Function);
  const Stmt *Body = CoroutineBody ? CoroutineBody : Function->getBody();
  if (!Body)
    return;
  // Lambdas are functions of their own and are matched separately: whether
  // `co_await` may be inserted depends on the innermost function.
  ScopeWalkOptions Options;
  Options.IntoImmediatelyInvokedLambdas = false;
  // co_await may not appear in a handler: calls there get no fix-it.
  // Handlers are seen before their contents (pre-order).
  llvm::SmallVector<SourceRange, 4> Handlers;
  const SourceManager &SM = *Result.SourceManager;
  auto InHandler = [&](SourceLocation Loc) {
    return llvm::any_of(Handlers, [&](SourceRange R) {
      return SM.isPointWithin(Loc, R.getBegin(), R.getEnd());
    });
  };
  forEachStmtInScope(*Body, Options, [&](const Stmt &S, const Stmt *Parent) {
    if (const auto *Catch = dyn_cast<CXXCatchStmt>(&S)) {
      Handlers.push_back(Catch->getHandlerBlock()->getSourceRange());
      return;
    }
    const auto *E = dyn_cast<Expr>(&S);
    if (!E || !isDiscardedPosition(S, Parent))
      return;
    // In `a(), b();` both results are dropped; the left one is a discarded
    // position of its own.
    const Expr *Discarded = ignoreFullExprWrappers(E);
    while (const auto *Comma = dyn_cast<BinaryOperator>(Discarded)) {
      if (Comma->getOpcode() != BO_Comma)
        break;
      Discarded = ignoreFullExprWrappers(Comma->getRHS());
    }
    if (const auto *Call = dyn_cast<CallExpr>(Discarded))
      checkDiscardedCall(*Call, CoroutineBody && !InHandler(SM.getExpansionLoc(
                                                     Call->getBeginLoc()))
                                    ? Function
                                    : nullptr);
  });
}

void UnawaitedTaskCheck::checkDiscardedCall(const CallExpr &Call,
                                            const FunctionDecl *Coroutine) {
  QualType Type = Call.getType();
  if (Type->isDependentType())
    return; // decided per instantiation
  // A discarded release (`conn.close();`) is one finding, reported by
  // coroguard-missing-awaited-cleanup when it runs.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(&Call))
    if (isCheckEnabled("coroguard-missing-awaited-cleanup") &&
        model().isAwaitedReleaseCall(*Member))
      return;
  TaskKind Kind = model().taskKind(Type);
  if (Kind != TaskKind::Lazy && Kind != TaskKind::Awaiter)
    return;
  bool IsTask = Kind == TaskKind::Lazy;
  SourceLocation Loc = Call.getBeginLoc();
  if (!firstReportAt(Loc))
    return;

  // The plain name: template arguments (lambda types...) are noise here.
  const auto *Callee = dyn_cast_or_null<NamedDecl>(Call.getCalleeDecl());
  DeclarationName Name = Callee ? Callee->getDeclName() : DeclarationName();
  auto Diag = diag(Loc, "%select{awaitable|task}0 returned by "
                        "%select{this call|%2}1 is discarded, so it never "
                        "runs")
              << IsTask << !Name.isEmpty() << Name << Call.getSourceRange();
  // Only where `co_await` is known to compile on this type.
  if (Coroutine && !Loc.isMacroID() &&
      model().isKnownAwaitable(Type, Coroutine->getReturnType()))
    Diag << FixItHint::CreateInsertion(Loc, "co_await ");
}

} // namespace clang::coroguard
