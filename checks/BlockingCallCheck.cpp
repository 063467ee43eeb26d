//===--- BlockingCallCheck.cpp --------------------------------------------===//

#include "BlockingCallCheck.h"

#include "CoroutineMatchers.h"
#include "CoroutineScope.h"
#include "model/ModelLoader.h"
#include "rewrites/CallTemplate.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang::ast_matchers;

namespace clang::coroguard {

static constexpr llvm::StringLiteral MaxDepthKey = "MaxDepth";
static constexpr llvm::StringLiteral BlockingFunctionsKey = "BlockingFunctions";

BlockingCallCheck::BlockingCallCheck(llvm::StringRef Name,
                                     tidy::ClangTidyContext *Context)
    : CoroGuardCheck(Name, Context), MaxDepth(Options.get(MaxDepthKey, 8U)),
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
  Descriptors.reset();
  Calls.reset();
  Callers.clear();
}

void BlockingCallCheck::registerMatchers(MatchFinder *Finder) {
  if (!hasModel())
    return;
  Finder->addMatcher(coroutineDefinition().bind("coroutine"), this);
  // For the rest of the project: what each function of this file does.
  if (unitFacts())
    Finder->addMatcher(functionDecl(isDefinition(), isExpansionInMainFile(),
                                    unless(isImplicit()))
                           .bind("definition"),
                       this);
}

BlockingCallCheck::Body
BlockingCallCheck::analyse(const FunctionDecl &Function, const Stmt &Statements,
                           llvm::ArrayRef<const VarDecl *> ResolvedAtEntry) {
  return Body{Function,
              Statements,
              std::vector<const VarDecl *>(ResolvedAtEntry.begin(),
                                           ResolvedAtEntry.end()),
              nullptr,
              nullptr,
              false};
}

/// The object whose result a member call waits for (`f` of `f.get()`), or
/// null.
static const Expr *objectOf(const Expr &E) {
  const auto *Member = dyn_cast<CXXMemberCallExpr>(&E);
  return Member && isResultWait(*Member) ? Member->getImplicitObjectArgument()
                                         : nullptr;
}

bool BlockingCallCheck::isResolvedArgument(const Expr &Arg, const Expr &At,
                                           Body &In) {
  if (!In.Built) {
    In.Built = true;
    In.Flow = std::make_unique<FunctionFlow>(In.Function, In.Statements,
                                             throwOracle());
    if (In.Flow->valid())
      In.Resolved = std::make_unique<ResolvedResults>(*In.Flow, model(),
                                                      In.ResolvedAtEntry);
  }
  return In.Resolved && In.Resolved->isResolved(Arg, At);
}

std::optional<BlockingInfo> BlockingCallCheck::blocksDirectly(const Expr &E,
                                                              Body &In) {
  std::optional<BlockingInfo> Info = model().blockingCall(E);
  if (!Info && !ExtraBlocking.empty())
    if (const auto *Call = dyn_cast<CallExpr>(&E))
      if (const FunctionDecl *Callee = Call->getDirectCallee()) {
        std::string Name = getQualifiedFunctionName(*Callee);
        if (ExtraBlocking.count(Name))
          Info = BlockingInfo{Name, "", std::nullopt, std::nullopt};
      }
  if (!Info)
    return std::nullopt;
  const auto *Call = dyn_cast<CallExpr>(&E);
  // A zero timeout polls: wait_for(0s) does not block.
  if (Call && isZeroTimeoutWait(*Call))
    return std::nullopt;
  // A wait on a result that is already there returns at once.
  if (const Expr *Object = objectOf(E);
      Object && isResolvedArgument(*Object, E, In))
    return std::nullopt;
  if (Call && (Info->DescriptorArgument || Info->FlagsArgument) &&
      Descriptors.isNonBlocking(*Call, Info->DescriptorArgument,
                                Info->FlagsArgument, In.Function, model()))
    return std::nullopt;
  return Info;
}

/// The parameter of \p FD that \p E comes from, if any.
static std::optional<unsigned> parameterIndex(const Expr *E,
                                              const FunctionDecl &FD) {
  const auto *Param = dyn_cast_or_null<ParmVarDecl>(rootVariable(E));
  if (!Param)
    return std::nullopt;
  for (unsigned I = 0; I < FD.getNumParams(); ++I)
    if (FD.getParamDecl(I) == Param)
      return I;
  return std::nullopt;
}

const BlockingCallCheck::Summary *
BlockingCallCheck::summaryOf(const FunctionDecl &Function) {
  const FunctionDecl *Definition = nullptr;
  if (!Function.hasBody(Definition) || isCoroutine(*Definition))
    return nullptr;
  // Library code is not followed: the model is the authority on what its
  // functions do, and walking them would cost more than it finds.
  if (model().isLibraryCode(*Definition))
    return nullptr;
  auto [It, Inserted] = Summaries.try_emplace(Definition);
  if (!Inserted)
    return It->second.matters() ? &It->second : nullptr;

  Body In = analyse(*Definition, *Definition->getBody(), {});
  Summary Found;
  auto AddStep = [&](const Expr &E, const Chain *Sub,
                     const BlockingInfo *Direct, const Expr *Object) {
    Chain C;
    C.Steps.push_back({Definition, &E});
    if (Sub) {
      C.Steps.insert(C.Steps.end(), Sub->Steps.begin(), Sub->Steps.end());
      C.Tail = Sub->Tail;
      C.Blocking = Sub->Blocking;
    } else {
      C.Blocking = *Direct;
    }
    // A wait on what a parameter holds blocks only when the caller passes
    // something unresolved.
    if (std::optional<unsigned> P =
            Object ? parameterIndex(Object, *Definition) : std::nullopt) {
      if (llvm::none_of(Found.WhenUnresolved,
                        [&](const auto &W) { return W.first == *P; }))
        Found.WhenUnresolved.push_back({*P, std::move(C)});
    } else if (!Found.Always) {
      Found.Always = std::move(C);
    }
  };
  forEachStmtInScope(
      *Definition->getBody(), ScopeWalkOptions{},
      [&](const Stmt &S, const Stmt *) {
        if (Found.Always || !isa<CallExpr, CXXConstructExpr>(S))
          return;
        const auto &E = cast<Expr>(S);
        if (std::optional<BlockingInfo> Info = blocksDirectly(E, In)) {
          AddStep(E, nullptr, &*Info, objectOf(E));
          return;
        }
        const auto *Call = dyn_cast<CallExpr>(&E);
        const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
        const Summary *Sub = Callee ? summaryOf(*Callee) : nullptr;
        if (!Sub) {
          // A function of another file: it blocks if its facts say so.
          std::string Key = Callee ? unseenKey(*Callee) : "";
          if (Key.empty())
            return;
          if (const project::FactBase *Known = summaryFacts()) {
            if (std::optional<project::BlockingChain> Elsewhere =
                    Known->blocks(Key)) {
              Chain Sub;
              Sub.Tail = std::move(Elsewhere->Steps);
              Sub.Blocking.Name = Elsewhere->Blocking;
              Sub.Blocking.Alternative = Elsewhere->Alternative;
              AddStep(E, &Sub, nullptr, nullptr);
            }
          } else if (unitFacts()) {
            Found.Unseen.push_back({std::move(Key), &E});
          }
          return;
        }
        if (Sub->Always) {
          AddStep(E, &*Sub->Always, nullptr, nullptr);
          return;
        }
        for (const auto &[Param, SubChain] : Sub->WhenUnresolved)
          if (Param < Call->getNumArgs() &&
              !isResolvedArgument(*Call->getArg(Param), E, In))
            AddStep(E, &SubChain, nullptr, Call->getArg(Param));
        if (!Sub->Unseen.empty())
          if (std::string Key = project::keyOf(*Callee); !Key.empty())
            Found.Unseen.push_back({std::move(Key), &E});
      });
  // Re-find: the map may have grown while the body was walked.
  Summary &Slot = Summaries[Definition];
  Slot = std::move(Found);
  if (unitFacts())
    recordFacts(*Definition, Slot);
  return Slot.matters() ? &Slot : nullptr;
}

std::string BlockingCallCheck::unseenKey(const FunctionDecl &Callee) {
  const FunctionDecl *Definition = nullptr;
  if (Callee.hasBody(Definition) || Callee.isDeleted() ||
      Callee.isDefaulted() || Callee.isPureVirtual() || Callee.getBuiltinID() ||
      model().isLibraryCode(Callee) ||
      model().taskKind(Callee.getReturnType()) != TaskKind::None)
    return "";
  return project::keyOf(Callee);
}

/// \p Loc of \p Caller, as a step of it calling \p Callee.
static project::Step stepAt(SourceLocation Loc, const FunctionDecl &Caller,
                            llvm::StringRef Callee) {
  const SourceManager &SM = Caller.getASTContext().getSourceManager();
  PresumedLoc At = SM.getPresumedLoc(SM.getFileLoc(Loc),
                                     /*UseLineDirectives=*/false);
  project::Step S;
  if (At.isValid()) {
    S.File = project::absolutePath(At.getFilename());
    S.Line = At.getLine();
    S.Column = At.getColumn();
  }
  S.Caller = getQualifiedFunctionName(Caller);
  S.Callee = Callee.str();
  return S;
}

void BlockingCallCheck::recordFacts(const FunctionDecl &Definition,
                                    const Summary &S) {
  // A definition with no fact is written down only where another file may
  // call it (declared in a header): a function defined in several files
  // blocks only if each definition does.
  if (!S.Always && S.Unseen.empty()) {
    const SourceManager &SM = Definition.getASTContext().getSourceManager();
    SourceLocation Declared =
        SM.getExpansionLoc(Definition.getCanonicalDecl()->getLocation());
    if (!Definition.isExternallyVisible() || Definition.isInlined() ||
        SM.isInMainFile(Declared) || SM.isInSystemHeader(Declared) ||
        !SM.isInMainFile(SM.getExpansionLoc(Definition.getLocation())))
      return;
  }
  project::FunctionFacts F;
  F.Key = project::keyOf(Definition);
  F.Name = getQualifiedFunctionName(Definition);
  project::Step Where = stepAt(Definition.getLocation(), Definition, "");
  F.File = Where.File;
  F.Line = Where.Line;
  if (S.Always) {
    const Chain &C = *S.Always;
    for (size_t I = 0; I < C.Steps.size(); ++I) {
      bool Last = I + 1 == C.Steps.size();
      F.Blocks.push_back(stepAt(
          C.Steps[I].second->getBeginLoc(), *C.Steps[I].first,
          Last ? (C.Tail.empty() ? C.Blocking.Name : C.Tail.front().Caller)
               : getQualifiedFunctionName(*C.Steps[I + 1].first)));
    }
    F.Blocks.insert(F.Blocks.end(), C.Tail.begin(), C.Tail.end());
    F.Blocking = C.Blocking.Name;
    F.Alternative = C.Blocking.Alternative;
  } else {
    for (const auto &[Key, Call] : S.Unseen) {
      const auto *CE = dyn_cast<CallExpr>(Call);
      const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
      F.Calls.push_back(
          {Key, stepAt(Call->getBeginLoc(), Definition,
                       Callee ? getQualifiedFunctionName(*Callee) : "")});
    }
  }
  unitFacts()->add(std::move(F));
}

void BlockingCallCheck::reportIfBlocks(const Expr &At,
                                       const FunctionDecl &Coroutine,
                                       const FunctionDecl &Callee,
                                       const std::string &Key) {
  if (unitFacts()) {
    if (!firstReportAt(At.getBeginLoc()))
      return;
    diag(At.getBeginLoc(), "%0 blocks the thread inside coroutine %1%2")
        << &Callee << &Coroutine
        << project::conditionalMessage("", {project::Fact::Blocks, Key})
        << At.getSourceRange();
    return;
  }
  const project::FactBase *Known = summaryFacts();
  std::optional<project::BlockingChain> Elsewhere =
      Known ? Known->blocks(Key) : std::nullopt;
  if (!Elsewhere || !firstReportAt(At.getBeginLoc()))
    return;
  Chain C;
  C.Tail = std::move(Elsewhere->Steps);
  C.Blocking.Name = Elsewhere->Blocking;
  C.Blocking.Alternative = Elsewhere->Alternative;
  report(At, Coroutine, Callee, C);
}

/// The lambda an argument is, through the conversions of passing it.
static const LambdaExpr *lambdaPassed(const Expr *Arg) {
  for (unsigned Steps = 0; Arg && Steps < 8; ++Steps) {
    Arg = Arg->IgnoreImplicit();
    if (const auto *Lambda = dyn_cast<LambdaExpr>(Arg))
      return Lambda;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Arg);
        Construct && Construct->getNumArgs() == 1)
      Arg = Construct->getArg(0);
    else if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Arg))
      Arg = Cast->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

/// The call in \p S that \p Operator's lambda is an argument of.
static const CallExpr *callPassing(const Stmt *S,
                                   const CXXMethodDecl &Operator) {
  if (!S)
    return nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    for (const Expr *Arg : Call->arguments())
      if (const LambdaExpr *Lambda = lambdaPassed(Arg);
          Lambda && Lambda->getCallOperator() == &Operator)
        return Call;
  for (const Stmt *Child : S->children())
    if (const CallExpr *Found = callPassing(Child, Operator))
      return Found;
  return nullptr;
}

std::vector<const VarDecl *>
BlockingCallCheck::resolvedParameters(const FunctionDecl &FD) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&FD);
  if (FD.param_empty())
    return {};
  if (!Method || !Method->getParent()->isLambda()) {
    // Every call of it in this unit passes a resolved result. (A caller in
    // another file is not seen; docs/checks/coroguard-blocking-call.md.)
    llvm::ArrayRef<CallSites::Site> Sites =
        Calls.of(FD, const_cast<ASTContext &>(FD.getASTContext()));
    std::vector<const VarDecl *> Resolved;
    for (unsigned I = 0; I < FD.getNumParams() && !Sites.empty(); ++I) {
      if (!FD.getParamDecl(I)->getType()->getAsCXXRecordDecl())
        continue;
      bool Every = llvm::all_of(Sites, [&](const CallSites::Site &Site) {
        if (I >= Site.Call->getNumArgs() || Site.Caller == &FD)
          return false;
        Body *B = callerBody(*Site.Caller);
        return B && isResolvedArgument(*Site.Call->getArg(I), *Site.Call, *B);
      });
      if (Every)
        Resolved.push_back(FD.getParamDecl(I));
    }
    return Resolved;
  }
  if (model().model().resolvedContinuations().empty())
    return {};
  // The call the lambda is given to, in the function it is written in.
  const auto *Outer =
      dyn_cast<FunctionDecl>(Method->getParent()->getDeclContext());
  const CallExpr *Call =
      Outer ? callPassing(Outer->getBody(), *Method) : nullptr;
  if (!Call || !model().isResolvedContinuation(*Call))
    return {};
  return std::vector<const VarDecl *>(FD.param_begin(), FD.param_end());
}

BlockingCallCheck::Body *
BlockingCallCheck::callerBody(const FunctionDecl &Caller) {
  auto [It, Inserted] = Callers.try_emplace(&Caller);
  if (Inserted) {
    const FunctionDecl *Definition = nullptr;
    if (Caller.hasBody(Definition) && Definition == &Caller) {
      const Stmt *Statements =
          isCoroutine(Caller) ? getCoroutineUserBody(Caller) : Caller.getBody();
      if (Statements)
        It->second = std::make_unique<Body>(analyse(Caller, *Statements, {}));
    }
  }
  return It->second.get();
}

void BlockingCallCheck::report(const Expr &At, const FunctionDecl &Coroutine,
                               const FunctionDecl &Callee,
                               const Chain &Blocks) {
  diag(At.getBeginLoc(),
       "%0 blocks the thread inside coroutine %1: it calls '%2'%select{|; "
       "%4}3")
      << &Callee << &Coroutine << Blocks.Blocking.Name
      << !Blocks.Blocking.Alternative.empty() << Blocks.Blocking.Alternative
      << At.getSourceRange();
  for (size_t I = 0; I < Blocks.Steps.size(); ++I) {
    const auto &[Caller, StepCall] = Blocks.Steps[I];
    bool Last = I + 1 == Blocks.Steps.size();
    std::string Next =
        Last ? Blocks.Blocking.Name
             : getQualifiedFunctionName(*Blocks.Steps[I + 1].first);
    diag(StepCall->getBeginLoc(), "%0 calls '%1' here%select{|, which blocks}2",
         DiagnosticIDs::Note)
        << Caller << Next << Last;
  }
  // Steps in other files, from the summary file: shown at the call, with
  // where they are.
  for (size_t I = 0; I < Blocks.Tail.size(); ++I) {
    const project::Step &S = Blocks.Tail[I];
    diag(At.getBeginLoc(), "'%0' calls '%1' at %2:%3%select{|, which blocks}4",
         DiagnosticIDs::Note)
        << S.Caller << S.Callee << S.File << S.Line
        << (I + 1 == Blocks.Tail.size());
  }
}

/// Why `co_await` cannot replace \p E in \p Coroutine's body, or empty:
/// it must be in the coroutine's own scope (not in a lambda the walk went
/// into) and outside any handler.
static std::string whyNotAwaitable(const Expr &E,
                                   const FunctionDecl &Coroutine) {
  ASTContext &Context = Coroutine.getASTContext();
  DynTypedNode Node = DynTypedNode::create(E);
  for (;;) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty())
      return "";
    if (Parents[0].get<LambdaExpr>())
      return "the call is in a lambda, where co_await cannot be written";
    if (Parents[0].get<CXXCatchStmt>())
      return "co_await is not allowed in a catch handler";
    if (const auto *FD = Parents[0].get<FunctionDecl>())
      return FD->getCanonicalDecl() == Coroutine.getCanonicalDecl()
                 ? ""
                 : "the call is in a lambda, where co_await cannot be "
                   "written";
    Node = Parents[0];
  }
}

void BlockingCallCheck::reportDirect(const Expr &E,
                                     const FunctionDecl &Coroutine,
                                     const BlockingInfo &Blocking,
                                     llvm::StringRef Waits) {
  // The model's awaitable form: the first whose conditions hold.
  const auto *Call = dyn_cast<CallExpr>(&E);
  const CallReplacement *Form = nullptr;
  for (const CallReplacement &R : Blocking.Replacements)
    if (Call &&
        (R.TaskType.empty() ||
         model().isTaskTypeNamed(Coroutine.getReturnType(), R.TaskType)) &&
        (!R.Arguments || *R.Arguments == rewrites::writtenArguments(*Call))) {
      Form = &R;
      break;
    }
  std::vector<FixItHint> Hints;
  std::string Why;
  if (Form) {
    Why = whyNotAwaitable(E, Coroutine);
    if (Why.empty()) {
      rewrites::RewriteNodes Nodes(Coroutine.getASTContext());
      Hints = fixItsOr(
          rewrites::replaceCall(*Call, Form->Text, Form->Include, Nodes), Nodes,
          Why);
    }
  } else if (!Blocking.Replacements.empty()) {
    Why = "its awaitable form is known for other coroutine types or "
          "argument lists only";
  }
  SourceLocation Loc = E.getBeginLoc();
  {
    auto Diag = diag(Loc, "'%0' blocks the thread inside coroutine "
                          "%1%select{|; %3}2%4")
                << Blocking.Name << &Coroutine << !Blocking.Alternative.empty()
                << Blocking.Alternative << Waits << E.getSourceRange();
    for (const FixItHint &Hint : fixItsOnWarning(Hints))
      Diag << Hint;
  }
  nameFixIts(Loc, "replace '" + Blocking.Name + "' with its awaitable form",
             Hints);
  noteNoFix(Loc, Why, Coroutine.getASTContext().getSourceManager());
}

/// Whether \p Coroutine is a lambda that an offload function runs on a
/// thread pool (`co_await co_spawn(pool, [] -> awaitable<T> {...},
/// use_awaitable)`): its thread is there to block. The call is found in
/// the function the lambda is written in, not through the AST's parent
/// map, which is costly to build on a large translation unit.
static bool isOffloadedToAPool(const FunctionDecl &Coroutine,
                               ModelQueries &Model) {
  const auto *Method = dyn_cast<CXXMethodDecl>(&Coroutine);
  if (!Method || !Method->getParent()->isLambda() ||
      Model.model().blockingExecutors().empty())
    return false;
  const auto *Outer =
      dyn_cast<FunctionDecl>(Method->getParent()->getDeclContext());
  const CallExpr *Call =
      Outer ? callPassing(Outer->getBody(), *Method) : nullptr;
  if (!Call || !Model.isOffloadCall(*Call))
    return false;
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    if (Model.isBlockingExecutor(
            Member->getImplicitObjectArgument()->getType()))
      return true;
  return llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
    return Model.isBlockingExecutor(Arg->getType());
  });
}

void BlockingCallCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Definition =
          Result.Nodes.getNodeAs<FunctionDecl>("definition")) {
    // Summarising it writes its facts down (recordFacts).
    if (!Definition->isDependentContext() &&
        !Definition->isTemplateInstantiation() &&
        !(isa<CXXMethodDecl>(Definition) &&
          cast<CXXMethodDecl>(Definition)->getParent()->isLambda())) {
      summaryOf(*Definition);
      // fcntl(fd, F_SETFL, O_NONBLOCK) on a parameter: callers in other
      // files pass a descriptor that no longer blocks.
      if (llvm::any_of(Definition->parameters(), [](const ParmVarDecl *P) {
            return P->getType()->isIntegerType();
          })) {
        project::FunctionFacts F = project::factsOf(*Definition);
        F.NonBlockingParams =
            Descriptors.nonBlockingParams(*Definition, model());
        if (!F.NonBlockingParams.empty())
          unitFacts()->add(std::move(F));
      }
    }
    return;
  }
  const auto *Coroutine = Result.Nodes.getNodeAs<FunctionDecl>("coroutine");
  // Read before anything asks: the descriptor scan takes what functions of
  // other files do from it.
  summaryFacts();
  const Stmt *Statements = getCoroutineUserBody(*Coroutine);
  if (!Statements || isOffloadedToAPool(*Coroutine, model()))
    return;
  Body In = analyse(*Coroutine, *Statements, resolvedParameters(*Coroutine));
  forEachStmtInScope(
      *Statements, ScopeWalkOptions{}, [&](const Stmt &S, const Stmt *) {
        if (!isa<CallExpr, CXXConstructExpr>(S))
          return;
        const auto &E = cast<Expr>(S);
        SourceLocation Loc = E.getBeginLoc();
        if (std::optional<BlockingInfo> Blocking = blocksDirectly(E, In)) {
          if (!firstReportAt(Loc))
            return;
          // Its descriptor went to a function of another file, which may
          // make it non-blocking: the run decides.
          std::string Waits;
          if (const auto *Call = dyn_cast<CallExpr>(&E);
              Call && Blocking->DescriptorArgument && unitFacts())
            if (auto Helper = Descriptors.unseenHelper(
                    *Call, *Blocking->DescriptorArgument))
              if (std::string Key = project::keyOf(*Helper->first);
                  !Key.empty())
                Waits = project::conditionalMessage(
                    "", {project::Fact::KeepsBlocking, Key, Helper->second});
          reportDirect(E, *Coroutine, *Blocking, Waits);
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
        const Summary *Blocks = summaryOf(*Callee);
        if (!Blocks) {
          if (std::string Key = unseenKey(*Callee); !Key.empty())
            reportIfBlocks(E, *Coroutine, *Callee, Key);
          return;
        }
        // The call site decides for a parameter that must be unresolved.
        const Chain *Chosen = Blocks->Always ? &*Blocks->Always : nullptr;
        for (const auto &[Param, SubChain] : Blocks->WhenUnresolved)
          if (!Chosen && Param < Call->getNumArgs() &&
              !isResolvedArgument(*Call->getArg(Param), E, In))
            Chosen = &SubChain;
        // It calls functions of other files: the run decides.
        if (!Chosen && !Blocks->Unseen.empty() && unitFacts()) {
          if (std::string Key = project::keyOf(*Callee); !Key.empty())
            reportIfBlocks(E, *Coroutine, *Callee, Key);
          return;
        }
        if (!Chosen || Chosen->Steps.size() > MaxDepth || !firstReportAt(Loc))
          return;
        report(E, *Coroutine, *Callee, *Chosen);
      });
}

COROGUARD_CHECK_FACTORY(BlockingCallCheck)

} // namespace clang::coroguard
