//===--- ResourceUses.cpp -------------------------------------------------===//

#include "ResourceUses.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

#include <functional>

namespace clang::coroguard {

ResourceUses::ResourceUses(ModelQueries &Model, const ThrowOracle &Throws,
                           const std::vector<ResourceFindings> &Vars,
                           unsigned CalleeDepth)
    : Model(Model), Throws(Throws), Vars(Vars), CalleeDepth(CalleeDepth) {
  for (unsigned I = 0; I < Vars.size(); ++I)
    Index[Vars[I].Var] = I;
}

std::optional<unsigned> ResourceUses::trackedVar(const Expr *E) const {
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
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E);
  if (!Ref)
    return std::nullopt;
  auto It = Index.find(dyn_cast<VarDecl>(Ref->getDecl()));
  if (It == Index.end())
    return std::nullopt;
  return It->second;
}

void ResourceUses::collectMentions(const Stmt *S,
                                   llvm::SmallVectorImpl<unsigned> &Out) {
  if (!S)
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    auto It = Index.find(dyn_cast<VarDecl>(Ref->getDecl()));
    if (It != Index.end())
      Out.push_back(It->second);
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable())
        if (auto It = Index.find(dyn_cast<VarDecl>(Capture.getCapturedVar()));
            It != Index.end())
          Out.push_back(It->second);
    for (const Expr *Init : Lambda->capture_inits())
      collectMentions(Init, Out);
    return;
  }
  for (const Stmt *Child : S->children())
    collectMentions(Child, Out);
}

std::optional<unsigned> ResourceUses::releasedBy(const Stmt &S) const {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&S);
  if (!Member)
    return std::nullopt;
  std::optional<unsigned> I = trackedVar(Member->getImplicitObjectArgument());
  const CXXMethodDecl *Method = Member->getMethodDecl();
  if (I && Vars[*I].Resource.isRelease(Method))
    return I;
  return std::nullopt;
}

/// Whether \p S calls a member named in \p Releases (also in a template
/// pattern, where the call is dependent), or a member function of \p Class
/// that does, \p Depth levels deep.
static bool callsRelease(const Stmt *S, const ResourceInfo &Resource,
                         const CXXRecordDecl &Class, unsigned Depth) {
  if (!S)
    return false;
  if (const auto *Member = dyn_cast<CXXDependentScopeMemberExpr>(S))
    if (Resource.isRelease(Member->getMember()))
      return true;
  if (const auto *Member = dyn_cast<UnresolvedMemberExpr>(S))
    if (Resource.isRelease(Member->getMemberName()))
      return true;
  // A member call; in a template pattern, one of the current
  // instantiation is a plain call of a MemberExpr.
  const CXXMethodDecl *Called = nullptr;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    Called = Call->getMethodDecl();
  else if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const auto *Callee =
            dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParenImpCasts()))
      Called = dyn_cast<CXXMethodDecl>(Callee->getMemberDecl());
  if (const CXXMethodDecl *Method = Called) {
    if (Resource.isRelease(Method->getDeclName()))
      return true;
    const FunctionDecl *Definition = nullptr;
    if (Depth > 0 &&
        Method->getParent()->getCanonicalDecl() == Class.getCanonicalDecl() &&
        Method->hasBody(Definition) &&
        callsRelease(Definition->getBody(), Resource, Class, Depth - 1))
      return true;
  }
  for (const Stmt *Child : S->children())
    if (callsRelease(Child, Resource, Class, Depth))
      return true;
  return false;
}

bool ResourceUses::destructorReleases(QualType Guard,
                                      const ResourceInfo &Resource) const {
  const CXXRecordDecl *RD = Guard->getAsCXXRecordDecl();
  // The class itself, then, for a class template's specialization whose
  // destructor was not instantiated, its pattern.
  for (int Step = 0; RD && Step < 2;
       ++Step, RD = RD->getTemplateInstantiationPattern()) {
    const CXXDestructorDecl *Dtor = RD->getDestructor();
    const FunctionDecl *Definition = nullptr;
    if (Dtor && Dtor->hasBody(Definition))
      return callsRelease(Definition->getBody(), Resource, *RD, /*Depth=*/2);
  }
  return false;
}

bool ResourceUses::releasesIn(const Stmt *S, unsigned I) const {
  if (!S)
    return false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S)) {
    const auto *Ref = dyn_cast<DeclRefExpr>(
        Member->getImplicitObjectArgument()->IgnoreParenImpCasts());
    const CXXMethodDecl *Method = Member->getMethodDecl();
    if (Ref && Ref->getDecl() == Vars[I].Var &&
        Vars[I].Resource.isRelease(Method))
      return true;
  }
  for (const Stmt *Child : S->children())
    if (releasesIn(Child, I))
      return true;
  return false;
}

static bool isNamedStdFunction(const FunctionDecl *FD,
                               std::initializer_list<llvm::StringRef> Names) {
  if (!FD || !FD->isInStdNamespace() || !FD->getIdentifier())
    return false;
  return llvm::is_contained(Names, FD->getName());
}

/// A callee name that says it releases what it is given.
static bool soundsLikeRelease(const FunctionDecl &Callee) {
  if (!Callee.getIdentifier())
    return false;
  std::string Name = Callee.getName().lower();
  for (llvm::StringRef Word :
       {"close", "shutdown", "stop", "join", "disconnect", "release", "cleanup",
        "dispose", "finish", "destroy"})
    if (llvm::StringRef(Name).contains(Word))
      return true;
  return false;
}

ParameterRelease
ResourceUses::calleeReleasesParam(const FunctionDecl &Callee, unsigned Param,
                                  const ResourceInfo &Resource) const {
  auto Key = std::make_pair(Callee.getCanonicalDecl(), Param);
  auto [It, Inserted] = CalleeCache.try_emplace(Key, ParameterRelease::None);
  if (!Inserted)
    return It->second;
  const FunctionDecl *Definition = nullptr;
  if (!Callee.hasBody(Definition) || Param >= Definition->getNumParams()) {
    ParameterRelease Guess = soundsLikeRelease(Callee) ? ParameterRelease::Every
                                                       : ParameterRelease::None;
    CalleeCache[Key] = Guess;
    return Guess;
  }
  // Callees of callees are followed a few levels; deeper, or in a cycle,
  // the callee is taken not to release (a finding rather than a miss).
  constexpr unsigned MaxCalleeDepth = 3;
  ParameterRelease Releases =
      CalleeDepth < MaxCalleeDepth
          ? releasesParameter(*Definition, *Definition->getParamDecl(Param),
                              Resource, Model, Throws, CalleeDepth + 1)
          : ParameterRelease::None;
  // Re-find: the analysis of the callee may have grown the cache.
  CalleeCache[Key] = Releases;
  return Releases;
}

bool ResourceUses::partlyReleases(const Stmt &S, unsigned I) const {
  const auto *Call = dyn_cast<CallExpr>(&S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return false;
  llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
  if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) &&
      !Args.empty())
    Args = Args.drop_front();
  for (unsigned ArgIndex = 0;
       ArgIndex < Args.size() && ArgIndex < Callee->getNumParams(); ++ArgIndex)
    if (trackedVar(Args[ArgIndex]) == I &&
        Callee->getParamDecl(ArgIndex)->getType()->isLValueReferenceType() &&
        calleeReleasesParam(*Callee, ArgIndex, Vars[I].Resource) ==
            ParameterRelease::Some)
      return true;
  return false;
}

void ResourceUses::applyArguments(const FunctionDecl *Callee,
                                  llvm::ArrayRef<const Expr *> Args,
                                  bool IsGuard, llvm::BitVector &State) {
  for (unsigned ArgIndex = 0; ArgIndex < Args.size(); ++ArgIndex) {
    const Expr *Arg = Args[ArgIndex];
    if (IsGuard) {
      llvm::SmallVector<unsigned, 2> Mentioned;
      collectMentions(Arg, Mentioned);
      for (unsigned I : Mentioned)
        State.reset(I);
      continue;
    }
    // f(&x): whoever holds the pointer may release it.
    if (const auto *Unary = dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
        Unary && Unary->getOpcode() == UO_AddrOf) {
      if (std::optional<unsigned> I = trackedVar(Unary->getSubExpr()))
        State.reset(*I);
      continue;
    }
    std::optional<unsigned> I = trackedVar(Arg);
    if (!I)
      continue;
    const ParmVarDecl *Param = Callee && ArgIndex < Callee->getNumParams()
                                   ? Callee->getParamDecl(ArgIndex)
                                   : nullptr;
    // Unknown parameter (variadic, call through a pointer): the value was
    // passed on, so assume the callee took it.
    QualType ParamType = Param ? Param->getType() : QualType();
    if (!Param || !ParamType->isReferenceType() ||
        ParamType->isRValueReferenceType()) {
      State.reset(*I);
      continue;
    }
    if (!ParamType.getNonReferenceType().isConstQualified() && Callee &&
        calleeReleasesParam(*Callee, ArgIndex, Vars[*I].Resource) ==
            ParameterRelease::Every)
      State.reset(*I);
  }
}

void ResourceUses::applyCall(const CallExpr &Call, llvm::BitVector &State) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  llvm::SmallVector<const Expr *, 4> Args(Call.arguments());

  // x.close(), x.commit(): a release.
  if (std::optional<unsigned> I = releasedBy(Call))
    State.reset(*I);
  // std::move(x), std::forward(x): whoever receives it owns it now.
  if (isNamedStdFunction(Callee, {"move", "forward", "exchange"}) &&
      !Args.empty())
    if (std::optional<unsigned> I = trackedVar(Args.front())) {
      State.reset(*I);
      return;
    }
  bool IsGuard = Model.guardCall(Call) != nullptr;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&Call)) {
    // member = x: a copy into an owner. The object argument is not a
    // parameter of the operator.
    if (Op->getOperator() == OO_Equal && Args.size() == 2) {
      if (std::optional<unsigned> I = trackedVar(Args[1]))
        State.reset(*I);
      return;
    }
    if (isa_and_nonnull<CXXMethodDecl>(Callee) && !Args.empty())
      Args.erase(Args.begin());
  }
  applyArguments(Callee, Args, IsGuard, State);
}

void ResourceUses::apply(const Stmt &S, llvm::BitVector &State) {
  if (State.none())
    return;
  if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    applyCall(*Call, State);
    return;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    llvm::SmallVector<const Expr *, 4> Args(Construct->arguments());
    // A copy of the resource into another object: that object owns it.
    if (Ctor && Ctor->isCopyOrMoveConstructor() && Args.size() == 1) {
      if (std::optional<unsigned> I = trackedVar(Args.front()))
        State.reset(*I);
      return;
    }
    applyArguments(Ctor, Args, Model.guardCall(*Construct) != nullptr, State);
    // A guard of your own: an object made from the resource whose
    // destructor releases it (also when it releases the wrong way, as
    // seastar's deferred_close does: that is blocking-call's finding).
    for (const Expr *Arg : Args)
      if (std::optional<unsigned> I = trackedVar(Arg);
          I && State.test(*I) &&
          destructorReleases(Construct->getType(), Vars[*I].Resource))
        State.reset(*I);
    return;
  }
  if (const auto *Return = dyn_cast<ReturnStmt>(&S)) {
    if (std::optional<unsigned> I = trackedVar(Return->getRetValue()))
      State.reset(*I);
    return;
  }
  if (const auto *CoReturn = dyn_cast<CoreturnStmt>(&S)) {
    if (std::optional<unsigned> I = trackedVar(CoReturn->getOperand()))
      State.reset(*I);
    return;
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(&S)) {
    for (const LambdaCapture &Capture : Lambda->captures()) {
      if (!Capture.capturesVariable())
        continue;
      auto It = Index.find(dyn_cast<VarDecl>(Capture.getCapturedVar()));
      if (It == Index.end())
        continue;
      // By copy: the lambda owns a copy. By reference: the lambda takes
      // over when its body releases the resource (it is run, or handed to
      // whoever runs it).
      if (Capture.getCaptureKind() == LCK_ByCopy ||
          releasesIn(Lambda->getBody(), It->second))
        State.reset(It->second);
    }
    return;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(&S)) {
    if (Unary->getOpcode() == UO_AddrOf)
      if (std::optional<unsigned> I = trackedVar(Unary->getSubExpr()))
        State.reset(*I);
    return;
  }
  if (const auto *DS = dyn_cast<DeclStmt>(&S)) {
    // auto &alias = x; auto *p = &x: the alias is not followed, so x is
    // let go.
    for (const Decl *D : DS->decls()) {
      const auto *Var = dyn_cast<VarDecl>(D);
      if (!Var || !Var->hasInit())
        continue;
      const Expr *Init = Var->getInit()->IgnoreParenImpCasts();
      if (const auto *Unary = dyn_cast<UnaryOperator>(Init);
          Unary && Unary->getOpcode() == UO_AddrOf)
        Init = Unary->getSubExpr();
      else if (!Var->getType()->isReferenceType())
        continue;
      if (std::optional<unsigned> I = trackedVar(Init))
        State.reset(*I);
    }
  }
}

} // namespace clang::coroguard
