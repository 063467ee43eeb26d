//===--- MissingAwaitedCleanupCheck.cpp -----------------------------------===//

#include "MissingAwaitedCleanupCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"
#include "ResourceDiagnostics.h"
#include "ResourceFixes.h"
#include "analysis/ResourceLifetime.h"
#include "rewrites/InsertAwait.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

void MissingAwaitedCleanupCheck::registerMatchers(MatchFinder *Finder) {
  if (hasModel())
    Finder->addMatcher(userFunctionDefinition().bind("function"), this);
}

void MissingAwaitedCleanupCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Function = Result.Nodes.getNodeAs<FunctionDecl>("function");
  summaryFacts(); // what callees of other files release
  static const std::vector<ResourceFindings> NoLifetimes;
  const std::vector<ResourceFindings> &Lifetimes =
      isCoroutine(*Function)
          ? sharedResourceLifetimes(*Function, model(), throwOracle())
          : NoLifetimes;
  // One root cause, one finding: a variable left unreleased on a normal
  // path is coroguard-unmanaged-resource's, whatever else is wrong with it.
  llvm::SmallPtrSet<const VarDecl *, 4> Unmanaged;
  if (isCheckEnabled("coroguard-unmanaged-resource"))
    for (const ResourceFindings &F : Lifetimes)
      if (F.NormalLeak)
        Unmanaged.insert(F.Var);
  llvm::SmallPtrSet<const VarDecl *, 4> Discarded;
  checkDiscardedReleases(*Function, *Result.SourceManager, Unmanaged,
                         Discarded);
  checkExceptionalPaths(*Function, Lifetimes, Unmanaged, Discarded);
}

/// (a) `conn.close();`: the release runs only when its awaitable is
/// awaited.
void MissingAwaitedCleanupCheck::checkDiscardedReleases(
    const FunctionDecl &Function, const SourceManager &SM,
    const llvm::SmallPtrSetImpl<const VarDecl *> &Unmanaged,
    llvm::SmallPtrSetImpl<const VarDecl *> &Discarded) {
  // `(void)x.close();` discards the release just the same.
  forEachDiscardedCall(Function, SM, [&](const DiscardedCall &Dropped) {
    bool CanAwait = Dropped.CanAwait;
    const auto *Call = dyn_cast<CXXMemberCallExpr>(&Dropped.Call);
    if (!Call || !model().isAwaitedReleaseCall(*Call))
      return;
    SourceLocation Loc = Call->getBeginLoc();
    const auto *Object = dyn_cast<DeclRefExpr>(
        Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
    const auto *Var = Object ? dyn_cast<VarDecl>(Object->getDecl()) : nullptr;
    if ((Var && Unmanaged.count(Var)) || !firstReportAt(Loc))
      return;
    if (Var)
      Discarded.insert(Var);
    std::string Why;
    std::vector<FixItHint> Hints;
    if (!isCoroutine(Function))
      Why = "co_await can only be written in a coroutine";
    else if (!CanAwait)
      Why = "co_await is not allowed in a catch handler; keep the exception "
            "in a std::exception_ptr and release after the handler";
    if (Why.empty()) {
      rewrites::RewriteNodes Nodes(Function.getASTContext());
      llvm::Expected<std::vector<FixItHint>> Made = rewrites::fixItsOf(
          rewrites::insertAwait(*Call, Nodes), Nodes, nullptr);
      if (Made)
        Hints = std::move(*Made);
      else
        Why = rewrites::reasonOf(Made.takeError());
    }
    {
      auto Diag = diag(Loc, "the awaitable returned by '%0()' is discarded, "
                            "so %select{the resource|%2}1 is never released; "
                            "co_await it")
                  << Call->getMethodDecl()->getName() << (Object != nullptr)
                  << (Object ? Object->getDecl() : nullptr)
                  << Call->getSourceRange();
      for (const FixItHint &Hint : fixItsOnWarning(Hints))
        Diag << Hint;
    }
    nameFixIts(Loc, "insert 'co_await'", Hints);
    noteNoFix(Loc, Why, Function.getASTContext().getSourceManager());
  });
}

/// (b) released on the normal paths, but an exception between acquisition
/// and release leaves the scope without it.
void MissingAwaitedCleanupCheck::checkExceptionalPaths(
    const FunctionDecl &Function, llvm::ArrayRef<ResourceFindings> Lifetimes,
    const llvm::SmallPtrSetImpl<const VarDecl *> &Unmanaged,
    const llvm::SmallPtrSetImpl<const VarDecl *> &Discarded) {
  auto Reports = [&](const ResourceFindings &F) {
    // A resource left unreleased on a normal path is the business of
    // coroguard-unmanaged-resource: one finding per variable.
    // A discarded release was reported already: fixing it comes first.
    // A resource the function only hands over (a factory's `co_return
    // conn;`, a move into the coroutine that closes it) is not its to
    // release: the exception before the hand-over is the owner-to-be's.
    return !Unmanaged.count(F.Var) && F.ExceptionalLeak &&
           !Discarded.count(F.Var) &&
           !(F.ReleaseCalls.empty() && !F.NormalLeak);
  };
  std::optional<llvm::DenseMap<const VarDecl *, ResourceFix>> Fixes;
  for (const ResourceFindings &F : Lifetimes) {
    if (!Reports(F) || !firstReportAt(F.Var->getLocation()))
      continue;
    if (!Fixes)
      Fixes = fixResources(
          Function, Lifetimes,
          reportedResources(Function, Lifetimes, model(),
                            isCheckEnabled("coroguard-unmanaged-resource"),
                            /*CleanupEnabled=*/true),
          [&](const VarDecl &Var) {
            return llvm::any_of(Lifetimes, [&](const ResourceFindings &G) {
              return G.Var == &Var && Reports(G);
            });
          },
          model(), throwOracle(), fixStyle(), includes());
    const ResourceFix &Fix = (*Fixes)[F.Var];
    {
      auto Diag = diag(F.Var->getLocation(),
                       "%0 is not released if an exception is thrown before "
                       "%1 %select{is called|is awaited}2")
                  << F.Var << describeReleases(F.Resource)
                  << F.Resource.Awaited;
      for (const FixItHint &Hint : fixItsOnWarning(Fix.Hints))
        Diag << Hint;
    }
    nameFixIts(F.Var->getLocation(), Fix.Name, Fix.Hints);
    if (F.LeakIsTerminator)
      diag(F.ExceptionalLeak->getBeginLoc(),
           "the coroutine ends here with an exception, without releasing %0",
           DiagnosticIDs::Note)
          << F.Var;
    else
      diag(F.ExceptionalLeak->getBeginLoc(),
           "an exception thrown here leaves the scope of %0 without "
           "releasing it",
           DiagnosticIDs::Note)
          << F.Var;
    if (!F.Resource.GuardNote.empty())
      diag(F.Var->getLocation(), "%0", DiagnosticIDs::Note)
          << expandGuardTemplate(F.Resource.GuardNote, *F.Var);
    if (!Fix.Note.empty())
      diag(Fix.NoteAt, "%0", DiagnosticIDs::Note) << Fix.Note;
  }
}

COROGUARD_CHECK_FACTORY(MissingAwaitedCleanupCheck)

} // namespace clang::coroguard
