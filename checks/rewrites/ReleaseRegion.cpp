//===--- ReleaseRegion.cpp ------------------------------------------------===//

#include "rewrites/ReleaseRegion.h"
#include "CoroutineScope.h"

#include "rewrites/Rewrite.h"
#include "rewrites/SourceLayout.h"
#include "rewrites/Templates.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/IgnoreExpr.h"
#include "clang/Lex/Lexer.h"

namespace clang::coroguard::rewrites {

namespace {

/// The index in \p Block of its statement that holds \p S.
std::optional<unsigned> topIndex(const Stmt *S, const CompoundStmt &Block,
                                 const ParentMap &Parents) {
  const Stmt *Child = S;
  for (const Stmt *P = Parents.getParent(S); P;
       Child = P, P = Parents.getParent(P))
    if (P == &Block) {
      auto It = llvm::find(Block.body(), Child);
      return It - Block.body_begin();
    }
  return std::nullopt;
}

const Expr *withoutWrappers(const Expr *E) {
  return E ? IgnoreExprNodes(E, IgnoreImplicitSingleStep,
                             IgnoreParensSingleStep)
           : nullptr;
}

/// The release call of \p F's variable that \p S consists of:
/// `co_await v.close();`, or `v.close();` for a release that is not
/// awaited.
const CXXMemberCallExpr *releaseCallOf(const Stmt *S, const ReleaseRegion &R) {
  const ResourceFindings &F = *R.Resource;
  const auto *E = withoutWrappers(dyn_cast_or_null<Expr>(S));
  if (const auto *Await = dyn_cast_or_null<CoawaitExpr>(E))
    E = withoutWrappers(Await->getOperand());
  else if (F.Resource.Awaited && !llvm::is_contained(R.AwaitBefore, E))
    return nullptr;
  const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(E);
  if (!Call || !F.Resource.isRelease(Call->getMethodDecl()))
    return nullptr;
  const auto *Object =
      dyn_cast<DeclRefExpr>(withoutWrappers(Call->getImplicitObjectArgument()));
  return Object && Object->getDecl() == F.Var ? Call : nullptr;
}

/// Whether \p S lies in a catch handler below \p Stop.
bool insideHandler(const Stmt *S, const Stmt *Stop, const ParentMap &Parents) {
  for (const Stmt *P = Parents.getParent(S); P && P != Stop;
       P = Parents.getParent(P)) {
    if (isa<CXXCatchStmt>(P))
      return true;
    if (isa<LambdaExpr>(P))
      return false;
  }
  return false;
}

/// The statement that holds expression \p S: climbs out of expressions and
/// the statements that only wrap one (co_return, a declaration).
const Stmt *enclosingStatement(const Stmt *S, const ParentMap &Parents) {
  const Stmt *Cur = S;
  while (const Stmt *P = Parents.getParent(Cur)) {
    if (!isa<Expr, CoreturnStmt, ReturnStmt, DeclStmt>(P))
      break;
    Cur = P;
  }
  return Cur;
}

const char *exitWord(const Stmt &Exit) {
  if (isa<CoreturnStmt>(Exit))
    return "co_return";
  if (isa<BreakStmt>(Exit))
    return "break";
  if (isa<ContinueStmt>(Exit))
    return "continue";
  if (isa<GotoStmt>(Exit))
    return "goto";
  return "exit";
}

/// Where each local variable of \p Body is declared: the block (or other
/// statement) that holds its declaration.
llvm::DenseMap<const VarDecl *, const Stmt *>
declaringScopes(const Stmt &Body, const ParentMap &Parents) {
  llvm::DenseMap<const VarDecl *, const Stmt *> Scopes;
  llvm::SmallVector<const Stmt *, 32> Work{&Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        if (const auto *Var = dyn_cast<VarDecl>(D))
          Scopes[Var] = Parents.getParent(DS);
    if (isa<LambdaExpr>(S))
      continue;
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return Scopes;
}

bool contains(const Stmt *Outer, const Stmt *Inner, const ParentMap &Parents) {
  for (const Stmt *S = Inner; S; S = Parents.getParent(S))
    if (S == Outer)
      return true;
  return false;
}

/// Whether every variable \p Call names (but the resource) can be named
/// anywhere in the resource's block after its declaration.
bool namesOnlyVisible(const Expr &Call, const ResourceFindings &F,
                      const CompoundStmt &Block, const Stmt &Body,
                      const ParentMap &Parents, const SourceManager &SM) {
  std::optional<llvm::DenseMap<const VarDecl *, const Stmt *>> Scopes;
  llvm::SmallVector<const Stmt *, 8> Work{&Call};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(S)) {
      const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
      if (Var && Var != F.Var && Var->isLocalVarDecl()) {
        if (!Scopes)
          Scopes = declaringScopes(Body, Parents);
        const Stmt *Scope = Scopes->lookup(Var);
        if (!Scope || !contains(Scope, &Block, Parents) ||
            !SM.isBeforeInTranslationUnit(Var->getLocation(),
                                          F.Var->getLocation()))
          return false;
      }
    }
    if (S)
      for (const Stmt *Child : S->children())
        Work.push_back(Child);
  }
  return true;
}

/// Fills in the release the rewrite writes: a call of the code to copy, the
/// model's template, or `v.release()` when it takes no argument.
llvm::Error chooseRelease(ReleaseRegion &R, const Stmt &Body,
                          const ParentMap &Parents, ASTContext &Context) {
  const ResourceFindings &F = *R.Resource;
  const SourceManager &SM = Context.getSourceManager();
  llvm::StringRef Name = failureRelease(F.Resource);
  R.Awaited = F.Resource.Awaited;
  for (const Stmt *S : F.ReleaseCalls) {
    const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
    if (!Call || !Call->getMethodDecl() ||
        Call->getMethodDecl()->getName() != Name ||
        Call->getBeginLoc().isMacroID() || Call->getEndLoc().isMacroID() ||
        !namesOnlyVisible(*Call, F, *R.Block, Body, Parents, SM))
      continue;
    R.ReleaseToCopy = Call;
    return llvm::Error::success();
  }
  if (!F.Resource.ReleaseCall.empty()) {
    R.ReleaseText =
        expandTemplate(F.Resource.ReleaseCall, variablePlaceholders(*F.Var));
    return llvm::Error::success();
  }
  // The model's releases are written for other coroutines (asio's
  // use_awaitable for awaitable<T> with the default executor): the bare
  // call would need a default completion token the stream may not have.
  if (!F.Resource.ReleaseForms.empty())
    return noFix(F.Var->getLocation(),
                 "no release of '" + F.Var->getName() + "' to write: the " +
                     "model's '" +
                     expandTemplate(F.Resource.ReleaseForms.front().Text,
                                    variablePlaceholders(*F.Var)) +
                     "' is for coroutines returning '" +
                     F.Resource.ReleaseForms.front().TaskType +
                     "' with its default arguments, and the code has no "
                     "call of it to copy");
  const CXXRecordDecl *Class = F.Var->getType()->getAsCXXRecordDecl();
  bool Callable = false;
  for (const CXXRecordDecl *C = Class; C && !Callable;) {
    for (const NamedDecl *D : C->lookup(&Context.Idents.get(Name))) {
      const auto *Method = dyn_cast<CXXMethodDecl>(D->getUnderlyingDecl());
      if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
        Method = dyn_cast<CXXMethodDecl>(Template->getTemplatedDecl());
      if (Method && Method->getMinRequiredArguments() == 0)
        Callable = true;
    }
    // The release may be a member of a base class.
    const CXXRecordDecl *Next = nullptr;
    for (const CXXBaseSpecifier &Base : C->bases())
      if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl())
        Next = B;
    C = Next;
  }
  if (!Callable)
    return noFix(F.Var->getLocation(),
                 "no release of '" + F.Var->getName() + "' to write: '" + Name +
                     "()' needs arguments, and the code has no call of it to "
                     "copy; give the model entry a 'releaseCall'");
  R.ReleaseText = (F.Var->getName() + "." + Name + "()").str();
  return llvm::Error::success();
}

/// The checks on the text of the region: no macro expansion crosses its
/// edges and no preprocessor directive lies in it.
llvm::Error checkText(const ReleaseRegion &R, ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  const LangOptions &LO = Context.getLangOpts();
  const Stmt *Decl = R.at(R.Decl);
  if (Decl->getBeginLoc().isMacroID() || Decl->getEndLoc().isMacroID())
    return noFix(R.Resource->Var->getLocation(),
                 "the declaration of '" + R.Resource->Var->getName() +
                     "' is written in a macro");
  unsigned End =
      R.End == ReleaseRegion::EndForm::KeptRelease ? R.Last + 1 : R.Last;
  for (unsigned I = R.First; I <= End && I < R.Block->size(); ++I) {
    const Stmt *S = R.at(I);
    CharSourceRange Range = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(S->getSourceRange()), SM, LO);
    if (Range.isInvalid() || (I == End && S->getEndLoc().isMacroID()) ||
        (I == R.First && S->getBeginLoc().isMacroID()))
      return noFix(
          S->getBeginLoc(),
          "a macro expansion crosses the edge of the code that uses '" +
              R.Resource->Var->getName() + "'");
  }
  SourceLocation From = endOfStatementLine(*Decl, SM, LO);
  SourceLocation To = R.empty() ? From : endOfStatementLine(*R.at(End), SM, LO);
  if (From.isInvalid() || To.isInvalid())
    return noFix(R.Resource->Var->getLocation(),
                 "the code that uses '" + R.Resource->Var->getName() +
                     "' ends in a macro");
  if (hasPreprocessorDirective(CharSourceRange::getCharRange(From, To), SM, LO))
    return noFix(R.Resource->Var->getLocation(),
                 "a preprocessor directive lies in the code that uses '" +
                     R.Resource->Var->getName() +
                     "'; rewrite it by hand for each configuration");
  return llvm::Error::success();
}

/// Jumps into a try block are ill-formed: no label of the region may be
/// the target of a goto outside it, and no case label of the region may
/// belong to a switch outside it.
llvm::Error checkJumpsIn(const ReleaseRegion &R, const Stmt &Body,
                         const ParentMap &Parents) {
  llvm::SmallPtrSet<const LabelDecl *, 4> Labels;
  llvm::SmallVector<const Stmt *, 32> Work;
  for (unsigned I = R.First; I <= R.Last; ++I)
    Work.push_back(R.at(I));
  auto InRegion = [&](const Stmt *S) {
    std::optional<unsigned> I = topIndex(S, *R.Block, Parents);
    return I && *I >= R.First && *I <= R.Last;
  };
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr>(S))
      continue;
    if (const auto *Label = dyn_cast<LabelStmt>(S))
      Labels.insert(Label->getDecl());
    if (const auto *Case = dyn_cast<SwitchCase>(S)) {
      const Stmt *Switch = Parents.getParent(Case);
      while (Switch && !isa<SwitchStmt>(Switch))
        Switch = Parents.getParent(Switch);
      if (Switch && !InRegion(Switch))
        return noFix(Case->getBeginLoc(),
                     "this case label would be inside the try block");
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  if (Labels.empty())
    return llvm::Error::success();
  Work.push_back(&Body);
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *Goto = dyn_cast<GotoStmt>(S))
      if (Labels.count(Goto->getLabel()) && !InRegion(Goto))
        return noFix(Goto->getBeginLoc(),
                     "this goto jumps into the code that would be inside "
                     "the try block");
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return llvm::Error::success();
}

} // namespace

namespace {

/// The first declaration of the region's own statements (but those of
/// \p Ignoring, and those hoisted) used after the region, and the
/// statement that declares it.
std::pair<const NamedDecl *, const DeclStmt *>
firstUsedAfter(const ReleaseRegion &R,
               llvm::ArrayRef<const VarDecl *> Ignoring) {
  unsigned After =
      R.End == ReleaseRegion::EndForm::KeptRelease ? R.Last + 2 : R.Last + 1;
  for (unsigned I = R.First; I <= R.Last; ++I) {
    const auto *DS = dyn_cast<DeclStmt>(R.at(I));
    if (!DS || llvm::is_contained(R.Hoisted, DS))
      continue;
    llvm::SmallVector<const NamedDecl *, 4> Declared;
    for (const Decl *D : DS->decls()) {
      if (const auto *Named = dyn_cast<NamedDecl>(D))
        Declared.push_back(Named);
      if (const auto *Bindings = dyn_cast<DecompositionDecl>(D))
        for (const BindingDecl *B : Bindings->bindings())
          Declared.push_back(B);
    }
    for (const NamedDecl *Named : Declared)
      for (unsigned J = After;
           J < R.Block->size() && !llvm::is_contained(Ignoring, Named); ++J)
        if (mentionsDecl(R.at(J), Named))
          return {Named, DS};
  }
  return {nullptr, nullptr};
}

/// Whether \p DS can move from the region to before its try: it only
/// default-initialises plain variables (`beast::flat_buffer buffer;`), none
/// of them a resource of \p Others, in the user's text, and the region
/// names none of them unqualified before it (that use would then name the
/// moved variable).
/// Whether \p S names \p Name without a qualifier (`buffer`, not
/// `net::buffer`): what a variable of that name would hide.
bool namesUnqualified(const Stmt *S, llvm::StringRef Name) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (!Ref->hasQualifier() && Ref->getNameInfo().getAsString() == Name)
      return true;
  if (const auto *Member = dyn_cast<MemberExpr>(S))
    if (Member->isImplicitAccess() &&
        Member->getMemberNameInfo().getAsString() == Name)
      return true;
  if (const auto *Lookup = dyn_cast<UnresolvedLookupExpr>(S))
    if (!Lookup->getQualifier() && Lookup->getName().getAsString() == Name)
      return true;
  for (const Stmt *Child : S->children())
    if (namesUnqualified(Child, Name))
      return true;
  return false;
}

bool hoistable(const DeclStmt &DS, const ReleaseRegion &R,
               llvm::ArrayRef<const VarDecl *> Others, ASTContext &Context) {
  if (DS.getBeginLoc().isMacroID() || DS.getEndLoc().isMacroID())
    return false;
  std::vector<const Stmt *> Before;
  for (unsigned I = R.First; I <= R.Last && R.at(I) != &DS; ++I)
    Before.push_back(R.at(I));
  for (const Decl *D : DS.decls()) {
    const auto *Var = dyn_cast<VarDecl>(D);
    if (!Var || isa<DecompositionDecl>(Var) || !Var->hasLocalStorage() ||
        Var->getType()->isReferenceType() ||
        Var->getType().isConstQualified() || llvm::is_contained(Others, Var) ||
        llvm::any_of(Before, [&](const Stmt *S) {
          return namesUnqualified(S, Var->getName());
        }))
      return false;
    const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Var->getInit());
    if (Var->getInit() && (!Construct || Construct->getNumArgs() != 0))
      return false;
  }
  return true;
}

} // namespace

llvm::Error
checkDeclarationsUsedAfter(const ReleaseRegion &R,
                           llvm::ArrayRef<const VarDecl *> Ignoring) {
  if (const NamedDecl *Named = firstUsedAfter(R, Ignoring).first)
    return noFix(Named->getLocation(),
                 "'" + Named->getName() +
                     "', declared between the acquisition and the release "
                     "of '" +
                     R.Resource->Var->getName() +
                     "', is used after the release");
  return llvm::Error::success();
}

namespace {

/// Whether \p S is, or lies in, a release of the resource (or awaits one),
/// or a co_return (whose promise call follows the release written before
/// it).
bool isReleaseOrReturn(const Stmt *S, const ResourceFindings &F,
                       const ParentMap &Parents) {
  if (const auto *Await = dyn_cast<CoawaitExpr>(S))
    if (llvm::is_contained(F.ReleaseCalls,
                           withoutWrappers(Await->getOperand())))
      return true;
  for (const Stmt *Cur = S; Cur; Cur = Parents.getParent(Cur)) {
    if (isa<CoreturnStmt>(Cur))
      return true;
    if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Cur))
      if (llvm::is_contained(F.ReleaseCalls, Call))
        return true;
    if (isa<CompoundStmt>(Cur))
      return false;
  }
  return false;
}

bool leaves(const Stmt *S, bool InLoop = false) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<CoreturnStmt, GotoStmt>(S))
    return true;
  if (isa<BreakStmt, ContinueStmt>(S))
    return !InLoop;
  bool Loop =
      InLoop || isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchStmt>(S);
  for (const Stmt *Child : S->children())
    if (leaves(Child, Loop))
      return true;
  return false;
}

/// Shapes \p R to end with statement \p LastLeak (the block's size: with
/// the block): how the code after its handler ends, and which exits in it
/// need the release before them. \p AtEnd is the state at the end of the
/// block.
llvm::Error shapeRegion(ReleaseRegion &R, unsigned LastLeak,
                        const std::optional<ReleaseState> &AtEnd,
                        const ResourceTrace &T, const ParentMap &Parents) {
  const ResourceFindings &F = *R.Resource;
  llvm::StringRef Var = F.Var->getName();
  unsigned Size = R.Block->size();
  R.First = R.Decl + 1;
  R.Last = LastLeak == Size ? Size - 1 : LastLeak;

  // How the code after the handler ends.
  ReleaseState End;
  bool Followed = LastLeak + 1 < Size;
  if (!Followed) {
    End = AtEnd.value_or(ReleaseState());
  } else {
    auto It = T.BeforeStatement.find(R.at(R.Last + 1));
    if (It != T.BeforeStatement.end())
      End = It->second;
  }
  if (!End.Reached)
    R.End = ReleaseRegion::EndForm::Unreachable;
  else if (!Followed && End.definitelyOpen())
    R.End = ReleaseRegion::EndForm::ReleaseHere;
  else if (!Followed && !End.definitelyReleased())
    return noFix(F.Var->getLocation(),
                 "'" + Var +
                     "' is released on some paths only before the "
                     "end of its scope; release it on every path by hand");
  else if (End.definitelyOpen() && Followed &&
           releaseCallOf(R.at(R.Last + 1), R) &&
           releaseCallOf(R.at(R.Last + 1), R)->getMethodDecl()->getName() ==
               failureRelease(F.Resource))
    R.End = ReleaseRegion::EndForm::KeptRelease;
  else
    R.End = ReleaseRegion::EndForm::ReleaseIfFailed;

  // Every exit inside the region where the resource is still open gets its
  // release; one where it may or may not be cannot.
  for (const ResourceTrace::Exit &Exit : T.Exits) {
    if (Exit.Trigger == R.Block || !Exit.Trigger || !Exit.State.MayBeOpen)
      continue;
    const Stmt *At = Exit.Trigger;
    if (!Exit.State.definitelyOpen())
      return noFix(At->getBeginLoc(), llvm::Twine("'") + Var +
                                          "' may or may not be released "
                                          "when this " +
                                          exitWord(*At) + " is taken");
    if (At->getBeginLoc().isMacroID())
      return noFix(At->getBeginLoc(), llvm::Twine("this ") + exitWord(*At) +
                                          " is written in a macro");
    if (insideHandler(At, R.Block, Parents))
      return noFix(At->getBeginLoc(),
                   llvm::Twine("this ") + exitWord(*At) +
                       " is in a catch handler, where co_await is not "
                       "allowed");
    if (const auto *Return = dyn_cast<CoreturnStmt>(At);
        Return && mentionsDecl(Return->getOperand(), F.Var))
      return noFix(At->getBeginLoc(),
                   "the value of this co_return uses '" + Var +
                       "', which would be released before it");
    if (!llvm::is_contained(R.ReleaseBefore, At))
      R.ReleaseBefore.push_back(At);
  }
  for (const auto &[Terminator, State] : T.Terminators) {
    const Stmt *At = enclosingStatement(Terminator, Parents);
    if (!State.definitelyOpen() || At->getBeginLoc().isMacroID() ||
        insideHandler(At, R.Block, Parents))
      return noFix(Terminator->getBeginLoc(),
                   "the coroutine ends here with an exception, and '" + Var +
                       "' cannot be released before it");
    if (!llvm::is_contained(R.ReleaseBefore, At))
      R.ReleaseBefore.push_back(At);
  }
  // A resource released inside the region and then still in it when an
  // exception is thrown would be released a second time on the way out.
  for (const Stmt *S : T.ThrowsAfterRelease) {
    std::optional<unsigned> I = topIndex(S, *R.Block, Parents);
    if (!I || *I < R.First || *I > R.Last || isReleaseOrReturn(S, F, Parents))
      continue;
    return noFix(S->getBeginLoc(),
                 "'" + Var +
                     "' may already be released when this throws; "
                     "the rewrite would release it twice");
  }
  return llvm::Error::success();
}

} // namespace

bool canLeave(const Stmt *S) { return leaves(S); }

const CXXMemberCallExpr *releaseStatementCall(const Stmt *S,
                                              const ReleaseRegion &R) {
  return releaseCallOf(S, R);
}

llvm::StringRef failureRelease(const ResourceInfo &Resource) {
  for (const std::string &Name : Resource.Release)
    if (Name != "commit")
      return Name;
  return Resource.Release.front();
}

llvm::Expected<ReleaseRegion>
planReleaseRegion(const ResourceFindings &F, const ResourceTrace &T,
                  const Stmt &Body, const ParentMap &Parents,
                  llvm::ArrayRef<DiscardedRelease> Discarded,
                  llvm::ArrayRef<const VarDecl *> Others, ASTContext &Context) {
  ReleaseRegion R;
  R.Resource = &F;
  llvm::StringRef Var = F.Var->getName();
  // A release whose awaitable is discarded does not happen; the rewrite
  // awaits it (and so fixes that finding of missing-awaited-cleanup too).
  for (const DiscardedRelease &D : Discarded) {
    const auto *Object = dyn_cast<DeclRefExpr>(
        withoutWrappers(D.Call->getImplicitObjectArgument()));
    if (!Object || Object->getDecl() != F.Var)
      continue;
    if (!D.CanAwait || D.Call->getBeginLoc().isMacroID())
      return noFix(D.Call->getBeginLoc(),
                   "the awaitable of this release of '" + Var +
                       "' is discarded where co_await cannot be written");
    R.AwaitBefore.push_back(D.Call);
  }
  R.Block = dyn_cast_or_null<CompoundStmt>(Parents.getParent(F.DeclaringStmt));
  if (!R.Block)
    return noFix(F.Var->getLocation(),
                 "'" + Var + "' is declared in the header of a statement");
  if (F.AcquiredByAssignment)
    return noFix(F.Var->getLocation(),
                 "'" + Var +
                     "' is acquired by an assignment after its "
                     "declaration");
  R.Decl = *topIndex(F.DeclaringStmt, *R.Block, Parents);
  unsigned Size = R.Block->size();

  // The region reaches the last statement where the resource can leak; a
  // leak at the end of its scope makes it the rest of the block.
  std::optional<unsigned> LastLeak;
  auto Leaks = [&](unsigned I) {
    LastLeak = LastLeak ? std::max(*LastLeak, I) : I;
  };
  std::optional<ReleaseState> AtEnd;
  for (const ResourceTrace::Exit &Exit : T.Exits) {
    if (Exit.Trigger == R.Block) {
      AtEnd = AtEnd.value_or(ReleaseState());
      AtEnd->join(Exit.State);
      if (Exit.State.MayBeOpen)
        Leaks(Size);
      continue;
    }
    if (!Exit.State.MayBeOpen || !Exit.Trigger)
      continue;
    if (std::optional<unsigned> I = topIndex(Exit.Trigger, *R.Block, Parents))
      Leaks(*I);
  }
  for (const Stmt *S : T.ExceptionalLeaks)
    if (std::optional<unsigned> I = topIndex(S, *R.Block, Parents))
      Leaks(*I);
  if (!LastLeak)
    return noFix(F.Var->getLocation(), "no path leaks '" + Var + "'");
  if (*LastLeak <= R.Decl)
    return noFix(F.Var->getLocation(),
                 "'" + Var + "' can leak inside its own declaration");
  ReleaseRegion Plain = R;
  if (llvm::Error E = shapeRegion(R, *LastLeak, AtEnd, T, Parents))
    return std::move(E);
  // The region's own declarations are used after it (`auto buf = co_await
  // in.read(); co_await in.close(); co_return buf;`): it takes the rest of
  // the block instead, which works when nothing after the release throws.
  // A declaration that only default-initialises (`flat_buffer buffer;`)
  // moves before the try instead.
  while (!R.empty() && *LastLeak < Size) {
    auto [Used, Declaration] = firstUsedAfter(R, Others);
    if (!Used || !hoistable(*Declaration, R, Others, Context))
      break;
    R.Hoisted.push_back(Declaration);
  }
  if (!R.empty() && *LastLeak < Size)
    if (llvm::Error Used = checkDeclarationsUsedAfter(R, Others)) {
      if (llvm::Error E = shapeRegion(Plain, Size, AtEnd, T, Parents)) {
        llvm::consumeError(std::move(E));
        return std::move(Used);
      }
      llvm::consumeError(std::move(Used));
      R = std::move(Plain);
    }

  if (llvm::Error E = checkText(R, Context))
    return std::move(E);
  if (!R.empty())
    if (llvm::Error E = checkJumpsIn(R, Body, Parents))
      return std::move(E);
  bool NeedsRelease =
      R.End != ReleaseRegion::EndForm::KeptRelease || !R.ReleaseBefore.empty();
  if (NeedsRelease)
    if (llvm::Error E = chooseRelease(R, Body, Parents, Context))
      return std::move(E);
  return R;
}

bool isNestedIn(const ReleaseRegion &Inner, const ReleaseRegion &Outer,
                const ParentMap &Parents) {
  if (&Inner == &Outer || Outer.empty())
    return false;
  std::optional<unsigned> I =
      topIndex(Inner.Resource->DeclaringStmt, *Outer.Block, Parents);
  return I && *I >= Outer.First && *I <= Outer.Last;
}

llvm::Error nestRegions(std::vector<ReleaseRegion> &Regions,
                        const ParentMap &Parents) {
  // Outer regions first: declaration order.
  for (unsigned I = 0; I < Regions.size(); ++I)
    for (unsigned J = 0; J < Regions.size(); ++J) {
      ReleaseRegion &Outer = Regions[I];
      const ReleaseRegion &Inner = Regions[J];
      if (Outer.Block != Inner.Block || !isNestedIn(Inner, Outer, Parents))
        continue;
      unsigned InnerEnd = Inner.End == ReleaseRegion::EndForm::KeptRelease
                              ? Inner.Last + 1
                              : Inner.Last;
      if (InnerEnd <= Outer.Last)
        continue;
      // The inner resource outlives the outer one's region: the outer
      // release written in between moves after the inner handler.
      const ResourceFindings &F = *Outer.Resource;
      const Stmt *Release = Outer.End == ReleaseRegion::EndForm::KeptRelease
                                ? Outer.at(Outer.Last + 1)
                                : nullptr;
      if (!Release || Outer.Last + 1 > InnerEnd)
        return noFix(F.Var->getLocation(),
                     "the releases of '" + F.Var->getName() + "' and '" +
                         Inner.Resource->Var->getName() +
                         "' interleave; nest them by hand");
      for (unsigned K = Outer.Last + 2; K <= InnerEnd; ++K)
        if (leaves(Outer.at(K)))
          return noFix(Outer.at(K)->getBeginLoc(),
                       "'" + F.Var->getName() + "' is released before '" +
                           Inner.Resource->Var->getName() +
                           "' and the code between can leave; nest the "
                           "releases by hand");
      for (const Stmt *Call : F.ReleaseCalls) {
        std::optional<unsigned> At = topIndex(Call, *Outer.Block, Parents);
        if (At && *At > Outer.Last + 1 && *At <= InnerEnd)
          return noFix(Call->getBeginLoc(),
                       "'" + F.Var->getName() +
                           "' is released again inside the code that uses '" +
                           Inner.Resource->Var->getName() + "'");
      }
      Outer.Moved = Release;
      Outer.Last = InnerEnd;
      Outer.End = ReleaseRegion::EndForm::ReleaseHere;
      Outer.ReleaseToCopy = nullptr;
      Outer.ReleaseText.clear();
    }
  for (const ReleaseRegion &R : Regions)
    if (llvm::Error E = checkDeclarationsUsedAfter(R))
      return E;
  return llvm::Error::success();
}

} // namespace clang::coroguard::rewrites
