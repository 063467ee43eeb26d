//===--- ResourceFixes.cpp ------------------------------------------------===//

#include "ResourceFixes.h"

#include "CoroutineScope.h"
#include "rewrites/LibraryForms.h"
#include "rewrites/PortableRelease.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"

namespace clang::coroguard {

using rewrites::ReleaseRegion;

namespace {

/// The releases of \p Function whose awaitable is discarded.
std::vector<rewrites::DiscardedRelease>
discardedReleases(const FunctionDecl &Function, ModelQueries &Model) {
  std::vector<rewrites::DiscardedRelease> Found;
  forEachDiscardedCall(
      Function, Function.getASTContext().getSourceManager(),
      [&](const DiscardedCall &Dropped) {
        const auto *Call = dyn_cast<CXXMemberCallExpr>(&Dropped.Call);
        if (Call && !Dropped.VoidCast && Model.isAwaitedReleaseCall(*Call))
          Found.push_back({Call, Dropped.CanAwait});
      });
  return Found;
}

const VarDecl *objectVariable(const CXXMemberCallExpr &Call) {
  const auto *Object = dyn_cast<DeclRefExpr>(
      Call.getImplicitObjectArgument()->IgnoreParenImpCasts());
  return Object ? dyn_cast<VarDecl>(Object->getDecl()) : nullptr;
}

} // namespace

llvm::SmallPtrSet<const VarDecl *, 4>
reportedResources(const FunctionDecl &Function,
                  const std::vector<ResourceFindings> &Lifetimes,
                  ModelQueries &Model, bool UnmanagedEnabled,
                  bool CleanupEnabled) {
  llvm::SmallPtrSet<const VarDecl *, 4> Reported, Unmanaged, Tracked;
  for (const ResourceFindings &F : Lifetimes) {
    Tracked.insert(F.Var);
    if (UnmanagedEnabled && F.NormalLeak)
      Unmanaged.insert(F.Var);
  }
  Reported = Unmanaged;
  if (!CleanupEnabled)
    return Reported;
  llvm::SmallPtrSet<const VarDecl *, 4> Discarded;
  for (const rewrites::DiscardedRelease &D : discardedReleases(Function, Model))
    if (const VarDecl *Var = objectVariable(*D.Call))
      Discarded.insert(Var);
  for (const ResourceFindings &F : Lifetimes)
    if (F.ExceptionalLeak && !Unmanaged.count(F.Var) && !Discarded.count(F.Var))
      Reported.insert(F.Var);
  return Reported;
}

namespace {

void setReason(ResourceFix &Fix, llvm::Error Reason, SourceLocation Fallback) {
  llvm::handleAllErrors(
      std::move(Reason),
      [&](const rewrites::NoFixReason &Why) {
        Fix.NoteAt = Why.where().isValid() ? Why.where() : Fallback;
        Fix.Note = "no fix-it: " + Why.why();
      },
      [&](const llvm::ErrorInfoBase &Other) {
        Fix.NoteAt = Fallback;
        Fix.Note = "no fix-it: " + Other.message();
      });
}

/// Turns \p Edits into \p Fix's hints, or its reason.
void make(ResourceFix &Fix, llvm::Expected<transformer::EditGenerator> Edits,
          const rewrites::RewriteNodes &Nodes,
          tidy::utils::IncludeInserter *Includes, SourceLocation At) {
  if (!Edits) {
    setReason(Fix, Edits.takeError(), At);
    return;
  }
  llvm::Expected<std::vector<FixItHint>> Hints =
      rewrites::toFixIts(*Edits, Nodes, Includes);
  if (!Hints) {
    setReason(Fix, Hints.takeError(), At);
    return;
  }
  Fix.Hints = std::move(*Hints);
}

} // namespace

llvm::DenseMap<const VarDecl *, ResourceFix>
fixResources(const FunctionDecl &Function,
             const std::vector<ResourceFindings> &Lifetimes,
             const llvm::SmallPtrSetImpl<const VarDecl *> &Reported,
             llvm::function_ref<bool(const VarDecl &)> EmittedHere,
             ModelQueries &Model, const ThrowOracle &Throws, FixStyle Style,
             tidy::utils::IncludeInserter *Includes) {
  llvm::DenseMap<const VarDecl *, ResourceFix> Fixes;
  const Stmt *Body = getCoroutineUserBody(Function);
  if (!Body || Reported.empty())
    return Fixes;
  ASTContext &Context = Function.getASTContext();
  ParentMap Parents(const_cast<Stmt *>(Body));
  // The release templates that suit this coroutine's task type.
  std::vector<ResourceFindings> Resolved(Lifetimes);
  for (ResourceFindings &F : Resolved)
    F.Resource.ReleaseCall =
        Model.releaseCallIn(F.Resource.ReleaseForms, Function.getReturnType());
  std::vector<ResourceTrace> Traces =
      traceResourceLifetimes(Function, Model, Throws, Resolved);
  std::vector<rewrites::DiscardedRelease> Discarded =
      discardedReleases(Function, Model);

  std::vector<const VarDecl *> Rewritten(Reported.begin(), Reported.end());
  // One-line guards first: they need no region.
  std::vector<ReleaseRegion> Planned;
  for (unsigned I = 0; I < Resolved.size(); ++I) {
    const ResourceFindings &F = Resolved[I];
    if (!Reported.count(F.Var))
      continue;
    ResourceFix &Fix = Fixes[F.Var];
    if (Style == FixStyle::Library && !F.Resource.Guard.empty()) {
      if (EmittedHere(*F.Var)) {
        rewrites::RewriteNodes Nodes(Context);
        make(Fix, rewrites::scopeGuard(F, Parents, Nodes), Nodes, Includes,
             F.Var->getLocation());
        Fix.Name =
            "release '" + F.Var->getName().str() + "' with a scope guard";
      }
      continue;
    }
    if (Traces.empty()) {
      Fix.NoteAt = F.Var->getLocation();
      Fix.Note = "no fix-it: the coroutine's control flow cannot be built";
      continue;
    }
    llvm::Expected<ReleaseRegion> Plan = rewrites::planReleaseRegion(
        F, Traces[I], *Body, Parents, Discarded, Rewritten, Context);
    if (!Plan) {
      setReason(Fix, Plan.takeError(), F.Var->getLocation());
      continue;
    }
    Planned.push_back(std::move(*Plan));
  }

  // Regions that overlap are rewritten together: groups of the nesting
  // relation, in declaration order.
  std::vector<unsigned> Group(Planned.size());
  for (unsigned I = 0; I < Planned.size(); ++I)
    Group[I] = I;
  std::function<unsigned(unsigned)> Find = [&](unsigned I) {
    return Group[I] == I ? I : Group[I] = Find(Group[I]);
  };
  for (unsigned I = 0; I < Planned.size(); ++I)
    for (unsigned J = 0; J < Planned.size(); ++J)
      if (isNestedIn(Planned[J], Planned[I], Parents))
        Group[Find(J)] = Find(I);
  for (unsigned Root = 0; Root < Planned.size(); ++Root) {
    std::vector<ReleaseRegion> Members;
    for (unsigned I = 0; I < Planned.size(); ++I)
      if (Find(I) == Root)
        Members.push_back(Planned[I]);
    if (Members.empty())
      continue;
    // Planned follows declaration order: the first member carries the fix.
    const VarDecl *Carrier = Members.front().Resource->Var;
    for (unsigned I = 1; I < Members.size(); ++I) {
      ResourceFix &Fix = Fixes[Members[I].Resource->Var];
      Fix.NoteAt = Members[I].Resource->Var->getLocation();
      Fix.Note = "the fix-it of '" + Carrier->getName().str() +
                 "' also releases '" +
                 Members[I].Resource->Var->getName().str() + "' on every path";
    }
    if (!EmittedHere(*Carrier))
      continue;
    ResourceFix &Fix = Fixes[Carrier];
    if (Style == FixStyle::Library && Members.size() == 1) {
      const ResourceInfo &Resource = Members.front().Resource->Resource;
      llvm::StringRef Template = Resource.ScopeFunction;
      if (Template.empty())
        if (const TaskTypeEntry *Task =
                Model.taskTypeEntry(Function.getReturnType()))
          Template = Task->ScopeFunction;
      if (!Template.empty()) {
        rewrites::RewriteNodes Nodes(Context);
        make(Fix, rewrites::scopeFunction(Template, Members.front(), Nodes),
             Nodes, Includes, Carrier->getLocation());
        Fix.Name = "release '" + Carrier->getName().str() +
                   "' on every path with the library's scope function";
        if (!Fix.Hints.empty())
          continue;
        // The portable rewrite is the fallback.
        Fix = ResourceFix();
      }
    }
    if (llvm::Error E = rewrites::nestRegions(Members, Parents)) {
      ResourceFix Why;
      setReason(Why, std::move(E), Carrier->getLocation());
      for (const ReleaseRegion &M : Members) {
        ResourceFix &MemberFix = Fixes[M.Resource->Var];
        MemberFix.NoteAt = Why.NoteAt;
        MemberFix.Note = Why.Note;
      }
      continue;
    }
    rewrites::RewriteNodes Nodes(Context);
    make(Fix, rewrites::portableRelease(Members, *Body, Parents, Nodes), Nodes,
         Includes, Carrier->getLocation());
    Fix.Name = "release ";
    for (unsigned I = 0; I < Members.size(); ++I)
      Fix.Name += (I == 0                    ? "'"
                   : I + 1 == Members.size() ? " and '"
                                             : ", '") +
                  Members[I].Resource->Var->getName().str() + "'";
    Fix.Name += " on every path, exceptions included";
  }
  return Fixes;
}

} // namespace clang::coroguard
