//===--- HandOver.cpp -----------------------------------------------------===//

#include "HandOver.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::coroguard {

OwnershipQueries::~OwnershipQueries() = default;

namespace handover {

using namespace ast_matchers;

const Expr *ignoringCopies(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
      E = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
      E = Bind->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
             Construct && Construct->getNumArgs() == 1 &&
             Construct->getConstructor()->isCopyOrMoveConstructor())
      E = Construct->getArg(0);
    else
      break;
  }
  return E;
}

namespace {

using internal::BoundNodesTreeBuilder;

/// The callee and the arguments that fill its parameters (a member
/// operator's object is not one).
std::pair<const FunctionDecl *, llvm::ArrayRef<const Expr *>>
calleeAndArguments(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  llvm::ArrayRef<const Expr *> Args(Call.getArgs(), Call.getNumArgs());
  if (isa<CXXOperatorCallExpr>(Call) &&
      isa_and_nonnull<CXXMethodDecl>(Callee) && !Args.empty())
    Args = Args.drop_front();
  return {Callee, Args};
}

std::pair<const FunctionDecl *, llvm::ArrayRef<const Expr *>>
calleeAndArguments(const CXXConstructExpr &Construct) {
  return {Construct.getConstructor(),
          llvm::ArrayRef<const Expr *>(Construct.getArgs(),
                                       Construct.getNumArgs())};
}

/// The followed variable \p E names, through copies.
const VarDecl *followedVar(const Expr *E, const OwnershipQueries &Queries) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(ignoringCopies(E));
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Queries.isFollowed(*Var) ? Var : nullptr;
}

/// Adds one match per variable in \p Vars to \p Builder; false if none.
bool bindEach(llvm::ArrayRef<const VarDecl *> Vars,
              BoundNodesTreeBuilder *Builder) {
  BoundNodesTreeBuilder Result;
  for (const VarDecl *Var : Vars) {
    BoundNodesTreeBuilder One(*Builder);
    One.setBinding(HandedVar, DynTypedNode::create(*Var));
    Result.addMatch(One);
  }
  *Builder = std::move(Result);
  return !Vars.empty();
}

AST_MATCHER_P(VarDecl, isFollowedBy, const OwnershipQueries *, Queries) {
  return Queries->isFollowed(Node);
}

AST_MATCHER_P(Expr, throughCopies, ast_matchers::internal::Matcher<Expr>,
              Inner) {
  const Expr *E = ignoringCopies(&Node);
  return E && Inner.matches(*E, Finder, Builder);
}

AST_MATCHER_P(CoreturnStmt, hasCoreturnOperand,
              ast_matchers::internal::Matcher<Expr>, Inner) {
  const Expr *Operand = Node.getOperand();
  return Operand && Inner.matches(*Operand, Finder, Builder);
}

AST_MATCHER(LambdaCapture, isByCopy) {
  return Node.getCaptureKind() == LCK_ByCopy;
}

AST_POLYMORPHIC_MATCHER_P(isGuardOf,
                          AST_POLYMORPHIC_SUPPORTED_TYPES(CallExpr,
                                                          CXXConstructExpr),
                          const OwnershipQueries *, Queries) {
  return Queries->isGuard(Node);
}

/// Like hasAnyArgument, but binds once for every argument that matches.
AST_POLYMORPHIC_MATCHER_P(forEachArgument,
                          AST_POLYMORPHIC_SUPPORTED_TYPES(CallExpr,
                                                          CXXConstructExpr),
                          ast_matchers::internal::Matcher<Expr>, Inner) {
  BoundNodesTreeBuilder Result;
  bool Matched = false;
  for (const Expr *Arg : calleeAndArguments(Node).second) {
    BoundNodesTreeBuilder ArgBuilder(*Builder);
    if (Inner.matches(*Arg, Finder, &ArgBuilder)) {
      Matched = true;
      Result.addMatch(ArgBuilder);
    }
  }
  *Builder = std::move(Result);
  return Matched;
}

/// A followed variable passed where the callee takes it over: by value, by
/// rvalue reference, through a parameter the call does not declare
/// (variadic, a call through a pointer), or by non-const lvalue reference
/// to a callee that releases it on every path.
AST_POLYMORPHIC_MATCHER_P(forEachArgumentTakenOver,
                          AST_POLYMORPHIC_SUPPORTED_TYPES(CallExpr,
                                                          CXXConstructExpr),
                          const OwnershipQueries *, Queries) {
  auto [Callee, Args] = calleeAndArguments(Node);
  llvm::SmallVector<const VarDecl *, 2> Taken;
  for (unsigned Index = 0; Index < Args.size(); ++Index) {
    const VarDecl *Var = followedVar(Args[Index], *Queries);
    if (!Var)
      continue;
    const ParmVarDecl *Param = Callee && Index < Callee->getNumParams()
                                   ? Callee->getParamDecl(Index)
                                   : nullptr;
    QualType Type = Param ? Param->getType() : QualType();
    if (!Param || !Type->isReferenceType() || Type->isRValueReferenceType() ||
        (!Type.getNonReferenceType().isConstQualified() &&
         Queries->releasesOnEveryPath(*Callee, Index, *Var)))
      Taken.push_back(Var);
  }
  return bindEach(Taken, Builder);
}

/// `[&x] { x.close(); }`: a lambda that releases what it captures by
/// reference takes it over (it is run, or handed to whoever runs it).
AST_MATCHER_P(LambdaExpr, forEachReferenceCaptureReleased,
              const OwnershipQueries *, Queries) {
  llvm::SmallVector<const VarDecl *, 2> Released;
  for (const LambdaCapture &Capture : Node.captures()) {
    if (!Capture.capturesVariable() || Capture.getCaptureKind() != LCK_ByRef)
      continue;
    const auto *Var = dyn_cast<VarDecl>(Capture.getCapturedVar());
    if (Var && Queries->isFollowed(*Var) && Node.getBody() &&
        Queries->bodyReleases(*Node.getBody(), *Var))
      Released.push_back(Var);
  }
  return bindEach(Released, Builder);
}

/// A guard of the user's own: an object made from the variable whose
/// destructor releases it (also when it releases it the wrong way, as
/// seastar's deferred_close does: that is blocking-call's finding).
AST_MATCHER_P(CXXConstructExpr, forEachArgumentGuardedByDestructor,
              const OwnershipQueries *, Queries) {
  llvm::SmallVector<const VarDecl *, 2> Guarded;
  for (const Expr *Arg : Node.arguments())
    if (const VarDecl *Var = followedVar(Arg, *Queries);
        Var && Queries->destructorReleases(Node.getType(), *Var))
      Guarded.push_back(Var);
  return bindEach(Guarded, Builder);
}

} // namespace

static StatementMatcher
movedFrom(const ast_matchers::internal::Matcher<Expr> &Moved) {
  return callExpr(callee(functionDecl(hasAnyName(
                      "::std::move", "::std::forward", "::std::exchange"))),
                  hasArgument(0, Moved));
}

StatementMatcher movedFrom() {
  return movedFrom(throughCopies(declRefExpr(to(varDecl().bind(HandedVar)))));
}

StatementMatcher anyHandOver(const OwnershipQueries &Queries) {
  auto Followed = varDecl(isFollowedBy(&Queries)).bind(HandedVar);
  auto Named = throughCopies(declRefExpr(to(Followed)));
  auto AddressOf = unaryOperator(hasOperatorName("&"), hasUnaryOperand(Named));
  auto Mentions = expr(eachOf(declRefExpr(to(Followed)),
                              forEachDescendant(declRefExpr(to(Followed)))));
  return stmt(eachOf(
      // std::move(x): whoever receives it owns it now.
      movedFrom(Named),
      // owner = x; T owner(x): a copy into an owner.
      cxxOperatorCallExpr(hasOverloadedOperatorName("="), argumentCountIs(2),
                          hasArgument(1, Named)),
      cxxConstructExpr(argumentCountIs(1),
                       hasDeclaration(cxxConstructorDecl(
                           anyOf(isCopyConstructor(), isMoveConstructor()))),
                       hasArgument(0, Named)),
      // return x; co_return x;
      returnStmt(hasReturnValue(Named)),
      coreturnStmt(hasCoreturnOperand(Named)),
      // [x] { ... }; [&x] { x.close(); }
      lambdaExpr(forEachLambdaCapture(
          lambdaCapture(isByCopy(), capturesVar(Followed)))),
      lambdaExpr(forEachReferenceCaptureReleased(&Queries)),
      // &x; auto &alias = x; auto *p = &x: the alias is not followed.
      AddressOf,
      declStmt(forEach(varDecl(
          eachOf(hasInitializer(ignoringParenImpCasts(AddressOf)),
                 allOf(hasType(referenceType()), hasInitializer(Named)))))),
      // f(std::move(x)), f(x) by value, close_all(x) that closes it.
      callExpr(forEachArgumentTakenOver(&Queries)),
      cxxConstructExpr(forEachArgumentTakenOver(&Queries)),
      // scope_guard g([&] { ... x ... }): every variable a guard is made
      // from is the guard's to release.
      callExpr(isGuardOf(&Queries), forEachArgument(Mentions)),
      cxxConstructExpr(isGuardOf(&Queries), forEachArgument(Mentions)),
      cxxConstructExpr(forEachArgumentGuardedByDestructor(&Queries))));
}

void handedOver(const Stmt &S, ASTContext &Context,
                const StatementMatcher &Rules, const OwnershipQueries &Queries,
                llvm::SmallVectorImpl<const VarDecl *> &Out) {
  // The kinds of statement the rules match, checked before paying for a
  // match.
  if (!isa<CallExpr, CXXConstructExpr, ReturnStmt, CoreturnStmt, LambdaExpr,
           UnaryOperator, DeclStmt>(S))
    return;
  for (const BoundNodes &Match : match(Rules, S, Context))
    if (const auto *Var = Match.getNodeAs<VarDecl>(HandedVar);
        Var && Queries.isFollowed(*Var))
      Out.push_back(Var);
}

} // namespace handover
} // namespace clang::coroguard
