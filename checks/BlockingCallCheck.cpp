//===--- BlockingCallCheck.cpp --------------------------------------------===//

#include "BlockingCallCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"
#include "model/ModelLoader.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

static constexpr llvm::StringLiteral MaxDepthKey = "MaxDepth";
static constexpr llvm::StringLiteral BlockingFunctionsKey = "BlockingFunctions";

BlockingCallCheck::BlockingCallCheck(llvm::StringRef Name,
                                     tidy::ClangTidyContext *Context)
    : CoroGuardCheck(Name, Context),
      MaxDepth(Options.get(MaxDepthKey, 8U)),
      ExtraBlockingFunctions(Options.get(BlockingFunctionsKey, "")) {
  for (const std::string &Function : splitList(ExtraBlockingFunctions))
    ExtraBlocking.insert(Function);
}

void BlockingCallCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  CoroGuardCheck::storeOptions(Opts);
  Options.store(Opts, MaxDepthKey, MaxDepth);
  Options.store(Opts, BlockingFunctionsKey, ExtraBlockingFunctions);
}

void BlockingCallCheck::onStartOfTranslationUnit() {
  CoroGuardCheck::onStartOfTranslationUnit();
  Summaries.clear();
}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  if (hasModel())
    Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
}

/// The variable a call's object comes from: `f` in `f.get()` and in
/// `std::get<0>(f).get()`.
static const VarDecl *rootVariable(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
        return Var;
      if (const auto *Binding = dyn_cast<BindingDecl>(Ref->getDecl()))
        return dyn_cast_or_null<VarDecl>(Binding->getDecomposedDecl());
      return nullptr;
    }
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      E = Member->getBase();
    else if (const auto *Call = dyn_cast<CallExpr>(E);
             Call && Call->getNumArgs() == 1)
      E = Call->getArg(0); // std::get<N>(tuple), std::move(x)
    else
      return nullptr;
  }
  return nullptr;
}

static bool containsCoAwait(const Stmt *S) {
  if (!S)
    return false;
  if (isa<CoawaitExpr, DependentCoawaitExpr>(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsCoAwait(Child))
      return true;
  return false;
}

/// `f.get()` where f came out of a co_await (`co_await when_all(...)`): the
/// future is already resolved, so get() returns at once.
static bool isResolvedFutureGet(const Expr &E) {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(&E);
  if (!Call)
    return false;
  const VarDecl *Root = rootVariable(Call->getImplicitObjectArgument());
  return Root && Root->hasInit() && containsCoAwait(Root->getInit());
}

std::optional<BlockingInfo> BlockingCallCheck::blocksDirectly(const Expr &E) {
  if (isResolvedFutureGet(E))
    return std::nullopt;
  if (std::optional<BlockingInfo> Info = model().blockingCall(E))
    return Info;
  if (!ExtraBlocking.empty())
    if (const auto *Call = dyn_cast<CallExpr>(&E))
      if (const FunctionDecl *Callee = Call->getDirectCallee()) {
        std::string Name = getQualifiedFunctionName(*Callee);
        if (ExtraBlocking.count(Name))
          return BlockingInfo{Name, ""};
      }
  return std::nullopt;
}

const BlockingCallCheck::Chain *
BlockingCallCheck::summaryOf(const FunctionDecl &Function) {
  const FunctionDecl *Definition = nullptr;
  if (!Function.hasBody(Definition) || isCoroutine(*Definition))
    return nullptr;
  // Library internals are not followed: their blocking functions are in
  // the model, and walking them would cost more than it finds.
  const SourceManager &SM = Definition->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(Definition->getLocation()))
    return nullptr;
  auto [It, Inserted] = Summaries.try_emplace(Definition, std::nullopt);
  if (!Inserted)
    return It->second ? &*It->second : nullptr;

  std::optional<Chain> Found;
  ScopeWalkOptions Options;
  forEachStmtInScope(*Definition->getBody(), Options,
                     [&](const Stmt &S, const Stmt *) {
    if (Found || !isa<CallExpr, CXXConstructExpr>(S))
      return;
    const auto &E = cast<Expr>(S);
    if (std::optional<BlockingInfo> Info = blocksDirectly(E)) {
      Found = Chain{{{Definition, &E}}, *Info};
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(&E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee)
      return;
    if (const Chain *Sub = summaryOf(*Callee)) {
      Chain C;
      C.Steps.push_back({Definition, &E});
      C.Steps.insert(C.Steps.end(), Sub->Steps.begin(), Sub->Steps.end());
      C.Blocking = Sub->Blocking;
      Found = std::move(C);
    }
  });
  // Re-find: the map may have grown while the body was walked.
  std::optional<Chain> &Slot = Summaries[Definition];
  Slot = std::move(Found);
  return Slot ? &*Slot : nullptr;
}

static SourceLocation reportLocation(const Expr &E) {
  return E.getBeginLoc();
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  const Stmt *Body = getCoroutineUserBody(*Coroutine);
  if (!Body)
    return;
  forEachStmtInScope(*Body, ScopeWalkOptions{}, [&](const Stmt &S,
                                                    const Stmt *) {
    if (!isa<CallExpr, CXXConstructExpr>(S))
      return;
    const auto &E = cast<Expr>(S);
    SourceLocation Loc = reportLocation(E);
    if (std::optional<BlockingInfo> Blocking = blocksDirectly(E)) {
      if (!firstReportAt(Loc))
        return;
      diag(Loc, "'%0' blocks the thread inside coroutine %1%select{|; %3}2")
          << Blocking->Name << Coroutine << !Blocking->Alternative.empty()
          << Blocking->Alternative << E.getSourceRange();
      return;
    }
    const auto *Call = dyn_cast<CallExpr>(&E);
    const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
    if (!Callee)
      return;
    // `[&] { ... }()`: the walk has already gone through its body.
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
      if (Op->getNumArgs() > 0 &&
          isa<LambdaExpr>(Op->getArg(0)->IgnoreImplicit()))
        return;
    const Chain *Blocks = summaryOf(*Callee);
    if (!Blocks || Blocks->Steps.size() > MaxDepth || !firstReportAt(Loc))
      return;
    diag(Loc, "%0 blocks the thread inside coroutine %1: it calls '%2'%select{|; "
              "%4}3")
        << Callee << Coroutine << Blocks->Blocking.Name
        << !Blocks->Blocking.Alternative.empty()
        << Blocks->Blocking.Alternative << E.getSourceRange();
    for (size_t I = 0; I < Blocks->Steps.size(); ++I) {
      const auto &[Caller, StepCall] = Blocks->Steps[I];
      bool Last = I + 1 == Blocks->Steps.size();
      std::string Next =
          Last ? Blocks->Blocking.Name
               : getQualifiedFunctionName(*Blocks->Steps[I + 1].first);
      diag(reportLocation(*StepCall), "%0 calls '%1' here%select{|, which blocks}2",
           DiagnosticIDs::Note)
          << Caller << Next << Last;
    }
  });
}

} // namespace clang::coroguard
