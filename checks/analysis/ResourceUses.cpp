//===--- ResourceUses.cpp -------------------------------------------------===//

#include "ResourceUses.h"

#include "HandOver.h"
#include "project/ProjectFacts.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::coroguard {

ResourceUses::ResourceUses(ASTContext &Context, ModelQueries &Model,
                           const ThrowOracle &Throws,
                           const std::vector<ResourceFindings> &Vars,
                           unsigned CalleeDepth)
    : Context(Context), Model(Model), Throws(Throws), Vars(Vars),
      CalleeDepth(CalleeDepth), HandOverRules(handover::anyHandOver(*this)) {
  for (unsigned I = 0; I < Vars.size(); ++I)
    Index[Vars[I].Var] = I;
}

std::optional<unsigned> ResourceUses::trackedVar(const Expr *E) const {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(handover::ignoringCopies(E));
  if (!Ref)
    return std::nullopt;
  auto It = Index.find(dyn_cast<VarDecl>(Ref->getDecl()));
  if (It == Index.end())
    return std::nullopt;
  return It->second;
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
    // The summary file's facts (the plugin, clangd), else the name.
    const project::FactBase *Known = project::knownFacts();
    ParameterRelease Guess =
        (Known && Known->releasesParam(project::keyOf(Callee), Param)) ||
                soundsLikeRelease(Callee)
            ? ParameterRelease::Every
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

bool ResourceUses::isFollowed(const VarDecl &Var) const {
  return Index.count(&Var);
}

bool ResourceUses::isGuard(const Expr &CallOrConstruct) const {
  return Model.guardCall(CallOrConstruct) != nullptr;
}

bool ResourceUses::releasesOnEveryPath(const FunctionDecl &Callee,
                                       unsigned Param,
                                       const VarDecl &Var) const {
  unsigned I = Index.lookup(&Var);
  bool Every = calleeReleasesParam(Callee, Param, Vars[I].Resource) ==
               ParameterRelease::Every;
  // A function of another file the resource is passed to: whether it
  // releases it is a fact of that file (project/ProjectFacts.h).
  if (!Every && !Callee.hasBody() && !Model.isLibraryCode(Callee))
    Unseen.try_emplace(I, &Callee, Param);
  return Every;
}

bool ResourceUses::bodyReleases(const Stmt &Body, const VarDecl &Var) const {
  return releasesIn(&Body, Index.lookup(&Var));
}

bool ResourceUses::destructorReleases(QualType Guard,
                                      const VarDecl &Var) const {
  return destructorReleases(Guard, Vars[Index.lookup(&Var)].Resource);
}

bool ResourceUses::mentionsFollowed(const Stmt *S) const {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Index.count(dyn_cast<VarDecl>(Ref->getDecl()));
  // A lambda by its captures, implicit ones included: what its body names
  // from outside, it captures.
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    for (const LambdaCapture &Capture : Lambda->captures())
      if (Capture.capturesVariable() &&
          Index.count(dyn_cast<VarDecl>(Capture.getCapturedVar())))
        return true;
    return false;
  }
  for (const Stmt *Child : S->children())
    if (mentionsFollowed(Child))
      return true;
  return false;
}

void ResourceUses::apply(const Stmt &S, VarSet &State) {
  if (State.none())
    return;
  // x.close(), x.commit(): a release.
  if (std::optional<unsigned> I = releasedBy(S))
    State.reset(*I);
  // The solver visits an element more than once (loops, then the replay
  // that reports); what it hands over does not change. Every rule hands
  // over a variable the element mentions.
  auto [It, Inserted] = HandedOver.try_emplace(&S);
  if (Inserted && mentionsFollowed(&S)) {
    llvm::SmallVector<const VarDecl *, 2> Handed;
    handover::handedOver(S, Context, HandOverRules, *this, Handed);
    for (const VarDecl *Var : Handed)
      It->second.push_back(Index.lookup(Var));
  }
  for (unsigned I : It->second)
    State.reset(I);
}

} // namespace clang::coroguard
