//===--- ModelQueries.cpp -------------------------------------------------===//

#include "ModelQueries.h"
#include "ClassShape.h"
#include "NameLookup.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::coroguard {

std::string getQualifiedFunctionName(const FunctionDecl &FD) {
  return ownQualifiedName(FD);
}

static bool hasOwnAnnotation(const Decl &D, llvm::StringRef Annotation) {
  for (const auto *A : D.specific_attrs<AnnotateAttr>())
    if (A->getAnnotation() == Annotation)
      return true;
  return false;
}

bool hasAnnotation(const Decl &D, llvm::StringRef Annotation) {
  if (hasOwnAnnotation(D, Annotation))
    return true;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&D))
    return hasOwnAnnotation(*Spec->getSpecializedTemplate()->getTemplatedDecl(),
                            Annotation);
  if (const auto *Record = dyn_cast<CXXRecordDecl>(&D))
    if (const CXXRecordDecl *Pattern =
            Record->getTemplateInstantiationPattern())
      return hasOwnAnnotation(*Pattern, Annotation);
  if (const auto *FD = dyn_cast<FunctionDecl>(&D)) {
    if (const FunctionDecl *Pattern = FD->getTemplateInstantiationPattern())
      if (hasOwnAnnotation(*Pattern, Annotation))
        return true;
    for (const FunctionDecl *Redecl : FD->redecls())
      if (hasOwnAnnotation(*Redecl, Annotation))
        return true;
  }
  return false;
}

ModelQueries::ModelQueries(std::shared_ptr<const ResourceModel> Model,
                           Settings S)
    : Model(std::move(Model)), Config(std::move(S)) {
  for (const std::string &Name : Config.CleanupNames)
    CleanupNames.insert(Name);
  auto AddNamespaces = [this](const auto &Table) {
    for (const auto &Entry : Table) {
      auto [Outer, Rest] = Entry.first.split("::");
      if (!Rest.empty())
        LibraryNamespaces.insert(Outer);
    }
  };
  AddNamespaces(this->Model->taskTypes());
  AddNamespaces(this->Model->resourceTypes());
  AddNamespaces(this->Model->blockingFunctions());
  AddNamespaces(this->Model->guards());
  AddNamespaces(this->Model->exceptionSinks());
#define COROGUARD_NAMED_SECTION(Key, Member, Description)                      \
  AddNamespaces(this->Model->Key());
#include "model/NamedSections.def"
}

bool ModelQueries::isLibraryCode(const Decl &D) const {
  const SourceManager &SM = D.getASTContext().getSourceManager();
  SourceLocation Loc = SM.getExpansionLoc(D.getLocation());
  if (SM.isInSystemHeader(Loc))
    return true;
  if (SM.isInMainFile(Loc))
    return false;
  const NamespaceDecl *Outer = nullptr;
  for (const DeclContext *DC = D.getDeclContext();
       DC && !DC->isTranslationUnit(); DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      Outer = NS;
  return Outer && Outer->getIdentifier() &&
         LibraryNamespaces.count(Outer->getName());
}

template <class Entry>
const Entry *ModelQueries::findByType(const ResourceModel::Table<Entry> &Table,
                                      QualType T) {
  if (Table.empty())
    return nullptr;
  for (const std::string &Name : typeNames(T))
    if (const Entry *E = ResourceModel::find(Table, Name))
      return E;
  return nullptr;
}

/// A free operator co_await declared beside \p RD for it.
static bool hasFreeCoAwait(const CXXRecordDecl &RD, bool AcceptTemplates) {
  const ASTContext &Ctx = RD.getASTContext();
  DeclarationName CoAwait = Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait);
  const DeclContext *Scope = RD.getDeclContext()->getRedeclContext();
  for (const NamedDecl *D : Scope->lookup(CoAwait)) {
    const auto *FD = dyn_cast<FunctionDecl>(D->getUnderlyingDecl());
    if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
      FD = Template->getTemplatedDecl();
    if (!FD || FD->getNumParams() != 1)
      continue;
    QualType Param = FD->getParamDecl(0)->getType().getNonReferenceType();
    const CXXRecordDecl *ParamRD = Param->getAsCXXRecordDecl();
    if (!ParamRD) { // a template parameter: may well be ours
      if (AcceptTemplates)
        return true;
      continue;
    }
    const CXXRecordDecl *Pattern = RD.getTemplateInstantiationPattern();
    if (ParamRD->getCanonicalDecl() == RD.getCanonicalDecl() ||
        (Pattern && ParamRD->getCanonicalDecl() == Pattern->getCanonicalDecl()))
      return true;
  }
  return false;
}

/// A generator's promise yields values: a generator is iterated, not
/// awaited.
static bool hasYieldingPromise(const CXXRecordDecl &RD) {
  const CXXRecordDecl *Promise = findPromiseType(RD);
  return Promise && lookupMember(*Promise, "yield_value");
}

TaskKind ModelQueries::inferTaskKind(const CXXRecordDecl &RD) {
  // A generator, lazy or eager, that cannot be awaited is neither a task
  // nor an awaitable: discarding it is not "never awaited".
  if (hasYieldingPromise(RD) && !hasAwaitableShape(RD) &&
      !hasFreeCoAwait(RD, /*AcceptTemplates=*/true))
    return TaskKind::None;
  if (const CXXRecordDecl *Promise = findPromiseType(RD)) {
    switch (getInitialSuspend(*Promise)) {
    case InitialSuspend::Always:
      return TaskKind::Lazy;
    default:
      // Starts at once, or through an awaitable of its own whose behaviour
      // is unknown: not reported as lazy unless the model says so.
      return TaskKind::Eager;
    }
  }
  // An awaiter, or a class with an operator co_await of its own or beside
  // it (`co_await delay{10}`).
  if (hasAwaitableShape(RD) || hasFreeCoAwait(RD, /*AcceptTemplates=*/false))
    return TaskKind::Awaiter;
  return TaskKind::None;
}

bool ModelQueries::isGenerator(QualType T) {
  const CXXRecordDecl *RD = getRecord(T);
  return RD && hasYieldingPromise(*RD) && !hasAwaitableShape(*RD) &&
         !hasFreeCoAwait(*RD, /*AcceptTemplates=*/true);
}

const TaskTypeEntry *ModelQueries::taskTypeEntry(QualType T) {
  if (T.isNull() || T->isDependentType())
    return nullptr;
  return findByType(Model->taskTypes(), T);
}

/// Whether each template argument of \p RD after the first is its
/// parameter's default (true for a class that is no template).
static bool hasDefaultTrailingArguments(const CXXRecordDecl &RD) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&RD);
  if (!Spec)
    return true;
  const TemplateParameterList *Params =
      Spec->getSpecializedTemplate()->getTemplateParameters();
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  ASTContext &Context = RD.getASTContext();
  for (unsigned I = 1; I < Args.size() && I < Params->size(); ++I) {
    const auto *Param = dyn_cast<TemplateTypeParmDecl>(Params->getParam(I));
    if (!Param || !Param->hasDefaultArgument() ||
        Args[I].getKind() != TemplateArgument::Type)
      return false;
    QualType Default = Param->getDefaultArgument().getArgument().getAsType();
    if (Default.isNull() || Default->isDependentType() ||
        !Context.hasSameType(Default, Args[I].getAsType()))
      return false;
  }
  return true;
}

bool ModelQueries::isTaskTypeNamed(QualType T, llvm::StringRef Name) {
  if (T.isNull() || T->isDependentType())
    return false;
  const CXXRecordDecl *RD = getRecord(T);
  return RD && hasDefaultTrailingArguments(*RD) &&
         llvm::is_contained(typeNames(T), Name);
}

std::string ModelQueries::releaseCallIn(llvm::ArrayRef<CallReplacement> Forms,
                                        QualType Coroutine) {
  for (const CallReplacement &Form : Forms)
    if (Form.TaskType.empty() || isTaskTypeNamed(Coroutine, Form.TaskType))
      return Form.Text;
  return "";
}

TaskTypeEntry::Discard ModelQueries::discardEffect(QualType T) {
  if (const TaskTypeEntry *E = findByType(Model->taskTypes(), T))
    return E->OnDiscard;
  return TaskTypeEntry::Discard::Detaches;
}

TaskKind ModelQueries::taskKind(QualType T) {
  if (T.isNull() || T->isDependentType())
    return TaskKind::None;
  const CXXRecordDecl *RD = getRecord(T);
  if (!RD)
    return TaskKind::None;
  if (hasAnnotation(*RD, annotations::Task))
    return TaskKind::Lazy;
  // The model is asked first and never cached: one canonical type may be
  // spelled through different aliases.
  if (const TaskTypeEntry *E = findByType(Model->taskTypes(), T))
    return E->Lazy ? TaskKind::Lazy : TaskKind::Eager;
  if (!Config.Infer)
    return TaskKind::None;
  const Type *Key = T.getNonReferenceType().getCanonicalType().getTypePtr();
  auto [It, Inserted] = TaskCache.try_emplace(Key, TaskKind::None);
  if (Inserted)
    It->second = inferTaskKind(*RD);
  return It->second;
}

/// An awaiter whose await_suspend accepts any coroutine (a
/// std::coroutine_handle<> or a template), not only its own library's.
static bool isGenericAwaiter(const CXXRecordDecl &RD) {
  const NamedDecl *Suspend = lookupMember(RD, "await_suspend");
  if (!Suspend)
    return false;
  if (isa<FunctionTemplateDecl>(Suspend))
    return true;
  const auto *FD = dyn_cast<FunctionDecl>(Suspend);
  if (!FD || FD->getNumParams() != 1)
    return false;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      FD->getParamDecl(0)->getType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getName() != "coroutine_handle")
    return true; // not a handle type we can judge
  const TemplateArgumentList &Args = Spec->getTemplateArgs();
  return Args.size() == 1 && Args[0].getKind() == TemplateArgument::Type &&
         Args[0].getAsType()->isVoidType();
}

bool ModelQueries::isKnownAwaitable(QualType T, QualType InCoroutineOf) {
  const CXXRecordDecl *RD = getRecord(T);
  if (!RD || hasYieldingPromise(*RD))
    return false;
  if (hasAwaiterMembers(*RD))
    return isGenericAwaiter(*RD) || sameLibrary(T, InCoroutineOf);
  if (hasAnnotation(*RD, annotations::Task) ||
      findByType(Model->taskTypes(), T))
    // Awaitable through its library's promise (folly's Task).
    return sameLibrary(T, InCoroutineOf);
  return hasAwaitableShape(*RD) ||
         hasFreeCoAwait(*RD, /*AcceptTemplates=*/true);
}

/// The outermost namespace of \p T's class, or empty.
static llvm::StringRef outermostNamespace(QualType T) {
  const CXXRecordDecl *RD = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  const NamespaceDecl *Outer = nullptr;
  for (const DeclContext *DC = RD ? RD->getDeclContext() : nullptr;
       DC && !DC->isTranslationUnit(); DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      Outer = NS;
  return Outer && Outer->getIdentifier() ? Outer->getName() : "";
}

bool ModelQueries::sameLibrary(QualType A, QualType B) {
  llvm::StringRef First = outermostNamespace(A);
  llvm::StringRef Second = outermostNamespace(B);
  return First.empty() || Second.empty() || First == Second;
}

/// A call or delete in \p S that releases something: a callee named like a
/// release (close, shutdown, stop, join, disconnect, release, destroy,
/// free, reset, cancel, cleanup, dispose, unlink), or a delete expression.
static bool releasesSomething(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<CXXDeleteExpr>(S))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee();
        Callee && Callee->getIdentifier()) {
      std::string Name = Callee->getName().lower();
      for (llvm::StringRef Word :
           {"close", "shutdown", "stop", "join", "disconnect", "release",
            "destroy", "free", "reset", "cancel", "cleanup", "dispose",
            "unlink"})
        if (llvm::StringRef(Name).contains(Word))
          return true;
    }
  for (const Stmt *Child : S->children())
    if (releasesSomething(Child))
      return true;
  return false;
}

/// Calls \p Visit on \p RD and each of its bases (once each, also through
/// a dependent base's pattern) until it returns true; whether one did.
static bool
anyInHierarchy(const CXXRecordDecl &RD,
               llvm::function_ref<bool(const CXXRecordDecl &)> Visit) {
  llvm::SmallVector<const CXXRecordDecl *, 4> Work{&RD};
  llvm::SmallPtrSet<const CXXRecordDecl *, 4> Seen;
  while (!Work.empty()) {
    const CXXRecordDecl *Cur = Work.pop_back_val();
    if (!Seen.insert(Cur).second)
      continue;
    if (Visit(*Cur))
      return true;
    for (const CXXBaseSpecifier &Base : Cur->bases())
      if (const CXXRecordDecl *BaseRD = getRecord(Base.getType()))
        Work.push_back(BaseRD);
  }
  return false;
}

/// \p D as a member function, also when it is a member function template.
static const CXXMethodDecl *asMethod(const Decl *D) {
  if (const auto *Template = dyn_cast<FunctionTemplateDecl>(D))
    D = Template->getTemplatedDecl();
  return dyn_cast<CXXMethodDecl>(D);
}

/// Whether the destructor of \p RD (or of a base) releases synchronously.
static bool releasesInDestructor(const CXXRecordDecl &RD) {
  return anyInHierarchy(RD, [](const CXXRecordDecl &Cur) {
    const CXXDestructorDecl *Dtor = Cur.getDestructor();
    const FunctionDecl *Definition = nullptr;
    return Dtor && Dtor->hasBody(Definition) &&
           releasesSomething(Definition->getBody());
  });
}

std::optional<ResourceInfo>
ModelQueries::inferResource(const CXXRecordDecl &RD) {
  ResourceInfo Info;
  Info.TypeName = RD.getQualifiedNameAsString();
  bool AnnotatedClass = hasAnnotation(RD, annotations::AsyncResource);
  Info.From = AnnotatedClass ? ResourceInfo::Source::Annotation
                             : ResourceInfo::Source::Inferred;
  // Walk the class and its bases for release methods.
  anyInHierarchy(RD, [&](const CXXRecordDecl &Cur) {
    for (const Decl *D : Cur.decls()) {
      const CXXMethodDecl *Method = asMethod(D);
      if (!Method || !Method->getIdentifier() || Method->isStatic())
        continue;
      bool Annotated = hasAnnotation(*Method, annotations::Cleanup);
      bool ByName = Config.Infer && CleanupNames.count(Method->getName());
      if (!Annotated && !ByName)
        continue;
      // A release named like an async one but returning void (asio's
      // socket::close) is synchronous: not an async resource.
      TaskKind Returns = taskKind(Method->getReturnType());
      if (!Annotated && Returns == TaskKind::None)
        continue;
      std::string Name = Method->getNameAsString();
      if (!llvm::is_contained(Info.Release, Name))
        Info.Release.push_back(Name);
    }
    return false;
  });
  // Inferred from a release named like an async one, but its destructor
  // releases it already (a socket that closes its descriptor): nothing is
  // left for an awaited release to do.
  if (!AnnotatedClass && !Info.Release.empty() && releasesInDestructor(RD))
    return std::nullopt;
  if (Info.Release.empty()) {
    if (!AnnotatedClass)
      return std::nullopt;
    // An annotated class without annotated methods: its cleanup-named
    // members release it, whatever they return.
    for (const auto *Method : RD.methods())
      if (Method->getIdentifier() &&
          llvm::is_contained(Config.CleanupNames, Method->getName().str()))
        Info.Release.push_back(Method->getNameAsString());
  }
  return Info;
}

/// A stream layered over a reference to the next layer
/// (`websocket::stream<tcp_stream &>`, `ssl::stream<socket &>`) borrows the
/// connection: whoever owns that object closes it.
static bool layersOverReference(const CXXRecordDecl &RD) {
  const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(&RD);
  if (!Spec || Spec->getTemplateArgs().size() == 0)
    return false;
  const TemplateArgument &First = Spec->getTemplateArgs()[0];
  return First.getKind() == TemplateArgument::Type &&
         First.getAsType()->isReferenceType();
}

std::optional<ResourceInfo> ModelQueries::resourceType(QualType T) {
  if (T.isNull() || T->isDependentType())
    return std::nullopt;
  const CXXRecordDecl *RD = getRecord(T);
  if (!RD || layersOverReference(*RD))
    return std::nullopt;
  if (const ResourceTypeEntry *E = findByType(Model->resourceTypes(), T)) {
    ResourceInfo Info;
    Info.TypeName = E->Name;
    Info.Release = E->Release;
    Info.Awaited = E->Awaited;
    Info.Guard = E->Guard;
    Info.GuardNote = E->GuardNote;
    Info.ReleaseForms = E->ReleaseCall;
    Info.ScopeFunction = E->ScopeFunction;
    auto It = Model->resourceTypes().find(E->Name);
    Info.Profile = It->second.Profile;
    return Info;
  }
  const Type *Key = T.getNonReferenceType().getCanonicalType().getTypePtr();
  auto Cached = ResourceCache.find(Key);
  if (Cached != ResourceCache.end())
    return Cached->second;
  // Tasks are not resources, even when they have a member named stop().
  std::optional<ResourceInfo> Info;
  if (!findPromiseType(*RD))
    Info = inferResource(*RD);
  ResourceCache[Key] = Info;
  return Info;
}

/// Global C names are the C library's only when declared as such: a
/// user's own `read()` in the global namespace is not POSIX read.
static bool isCLibraryFunction(const Expr &E) {
  const auto *Call = dyn_cast<CallExpr>(&E);
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD)
    return false;
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  return FD->isExternC() || SM.isInSystemHeader(FD->getLocation());
}

static bool refersTo(const Expr *E, llvm::StringRef QualifiedName) {
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E->IgnoreParenImpCasts());
  const auto *Var = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  return Var && Var->getQualifiedNameAsString() == QualifiedName;
}

std::optional<BlockingInfo> ModelQueries::blockingCall(const Expr &E) {
  if (const auto *Call = dyn_cast<CallExpr>(&E))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (hasAnnotation(*Callee, annotations::Blocking))
        return BlockingInfo{getQualifiedFunctionName(*Callee), ""};
  const auto &Table = Model->blockingFunctions();
  for (const std::string &Name : calleeNames(E)) {
    const BlockingFunctionEntry *Entry = ResourceModel::find(Table, Name);
    if (!Entry)
      continue;
    if (!llvm::StringRef(Name).contains("::") && !Entry->FromUserFile &&
        !isCLibraryFunction(E))
      continue;
    if (!Entry->FirstArgument.empty()) {
      const auto *Call = dyn_cast<CallExpr>(&E);
      if (!Call || Call->getNumArgs() == 0 ||
          !refersTo(Call->getArg(0), Entry->FirstArgument))
        continue;
    }
    return BlockingInfo{Entry->Name, Entry->Alternative,
                        Entry->DescriptorArgument, Entry->FlagsArgument,
                        Entry->Replacements};
  }
  return std::nullopt;
}

bool ModelQueries::isLockType(QualType T) {
  return findByType(Model->lockTypes(), T) != nullptr;
}

ModelQueries::LockEffect
ModelQueries::lockEffect(const CXXMemberCallExpr &Call) {
  if (calls(Call, Model->lockReleases()))
    return LockEffect::Releases;
  if (calls(Call, Model->lockAcquires()))
    return LockEffect::Acquires;
  const CXXMethodDecl *Method = Call.getMethodDecl();
  if (!Method || !Method->getIdentifier())
    return LockEffect::None;
  if (!LockMethodClasses) {
    LockMethodClasses.emplace();
    for (const auto *Table : {&Model->lockReleases(), &Model->lockAcquires()})
      for (const auto &Entry : *Table)
        LockMethodClasses->insert(Entry.first.rsplit("::").first);
  }
  // A lock class the model describes: its entries are the whole answer.
  for (const std::string &Name : calleeNames(Call))
    if (LockMethodClasses->contains(llvm::StringRef(Name).rsplit("::").first))
      return LockEffect::None;
  llvm::StringRef Name = Method->getName();
  if (Name == "unlock" || Name == "release")
    return LockEffect::Releases;
  if (Name == "lock" || Name == "try_lock" || Name == "try_lock_for" ||
      Name == "try_lock_until")
    return LockEffect::Acquires;
  return LockEffect::None;
}

bool ModelQueries::isAsyncMutexType(QualType T) {
  if (findByType(Model->asyncMutexTypes(), T))
    return true;
  if (!Config.Infer || T.isNull() || T->isDependentType())
    return false;
  const CXXRecordDecl *RD = getRecord(T);
  if (!RD)
    return false;
  const Type *Key = T.getNonReferenceType().getCanonicalType().getTypePtr();
  auto [It, Inserted] = AsyncMutexCache.try_emplace(Key, false);
  if (!Inserted)
    return It->second;
  // Inferred: a way to lock it that is awaited (coLock(), co_scoped_lock(),
  // lock_async(), a lock() returning a task or a future).
  bool Async = anyInHierarchy(*RD, [&](const CXXRecordDecl &Cur) {
    return llvm::any_of(Cur.decls(), [&](const Decl *D) {
      const CXXMethodDecl *Method = asMethod(D);
      return Method && Method->getIdentifier() &&
             Method->getName().contains_insensitive("lock") &&
             taskKind(Method->getReturnType()) != TaskKind::None;
    });
  });
  // Re-find: taskKind may have grown the caches.
  AsyncMutexCache[Key] = Async;
  return Async;
}

bool ModelQueries::isTerminator(const Expr &E) {
  for (const std::string &Name : calleeNames(E))
    if (ResourceModel::find(Model->terminators(), Name))
      return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E))
    return findByType(Model->terminators(), Construct->getType()) != nullptr;
  return false;
}

bool ModelQueries::isOffloadCall(const CallExpr &Call) {
  for (const std::string &Name : calleeNames(Call))
    if (ResourceModel::find(Model->offloadFunctions(), Name))
      return true;
  return false;
}

/// The class of the object \p T refers or points to, through references,
/// pointers and the standard smart pointers; null if there is none.
static QualType objectBehind(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *Pointer = T->getAs<PointerType>())
    T = Pointer->getPointeeType();
  // std::shared_ptr<thread_pool_executor> and the like: the pointee.
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl());
      Spec && Spec->getTemplateArgs().size() == 1 &&
      Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
      Spec->isInStdNamespace() && Spec->getName().ends_with("_ptr"))
    T = Spec->getTemplateArgs()[0].getAsType();
  if (T->isDependentType() || !T->getAsCXXRecordDecl())
    return QualType();
  return T;
}

bool ModelQueries::isBlockingExecutor(QualType T) {
  if (T.isNull() || Model->blockingExecutors().empty())
    return false;
  T = objectBehind(T);
  return !T.isNull() && findByType(Model->blockingExecutors(), T) != nullptr;
}

bool ModelQueries::calls(const Expr &E,
                         const ResourceModel::Table<NamedEntry> &Table) {
  if (Table.empty())
    return false;
  for (const std::string &Name : calleeNames(E))
    if (ResourceModel::find(Table, Name))
      return true;
  return false;
}

bool ModelQueries::isReportingCall(const Expr &E) {
  return calls(E, Model->reportingFunctions());
}

bool ModelQueries::isReadyFunction(const CallExpr &Call) {
  return calls(Call, Model->readyFunctions());
}

bool ModelQueries::isReadinessCheck(const CallExpr &Call) {
  return calls(Call, Model->readinessChecks());
}

bool ModelQueries::isResolvedContinuation(const CallExpr &Call) {
  return calls(Call, Model->resolvedContinuations());
}

const GuardEntry *ModelQueries::guardCall(const Expr &E) {
  static const GuardEntry Annotated{"", GuardEntry::Kind::Function,
                                    "annotated guard"};
  if (const auto *Call = dyn_cast<CallExpr>(&E))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      if (hasAnnotation(*Callee, annotations::Guard))
        return &Annotated;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E)) {
    if (const CXXRecordDecl *RD = getRecord(Construct->getType()))
      if (hasAnnotation(*RD, annotations::Guard))
        return &Annotated;
    if (const GuardEntry *G = findByType(Model->guards(), Construct->getType()))
      return G;
  }
  for (const std::string &Name : calleeNames(E))
    if (const GuardEntry *G = ResourceModel::find(Model->guards(), Name))
      return G;
  return nullptr;
}

const ExceptionSinkEntry *ModelQueries::exceptionSinkToken(const Expr &Arg) {
  const Expr *E = Arg.IgnoreParenImpCasts();
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    E = Temp->getSubExpr()->IgnoreParenImpCasts();
  const auto &Table = Model->exceptionSinks();
  auto IsToken = [](const ExceptionSinkEntry *S) {
    return S && S->SinkKind == ExceptionSinkEntry::Kind::Token ? S : nullptr;
  };
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl())) {
      llvm::SmallVector<std::string, 2> Names = {variableName(*Var)};
      addAliases(Names, Var->getASTContext());
      for (const std::string &Name : Names)
        if (auto *S = IsToken(ResourceModel::find(Table, Name)))
          return S;
    }
  return IsToken(findByType(Table, E->getType()));
}

static const ExceptionSinkEntry *sinkOfKind(const ResourceModel &Model,
                                            llvm::ArrayRef<std::string> Names,
                                            ExceptionSinkEntry::Kind Kind) {
  for (const std::string &Name : Names)
    if (const ExceptionSinkEntry *Sink =
            ResourceModel::find(Model.exceptionSinks(), Name))
      if (Sink->SinkKind == Kind)
        return Sink;
  return nullptr;
}

const ExceptionSinkEntry *ModelQueries::functionSink(const CallExpr &Call) {
  return sinkOfKind(*Model, calleeNames(Call),
                    ExceptionSinkEntry::Kind::Function);
}

bool ModelQueries::isFunctionSink(const CallExpr &Call) {
  return functionSink(Call) != nullptr;
}

bool ModelQueries::isCallbackSink(const CallExpr &Call) {
  return sinkOfKind(*Model, calleeNames(Call),
                    ExceptionSinkEntry::Kind::Callback) != nullptr;
}

bool ModelQueries::isNonBlockingOption(const ValueDecl &D) {
  if (Model->nonBlockingOptions().empty() || !D.getIdentifier() ||
      !isa<EnumConstantDecl, VarDecl>(D))
    return false;
  return ResourceModel::find(Model->nonBlockingOptions(),
                             D.getQualifiedNameAsString()) != nullptr;
}

bool ModelQueries::isNonBlockingType(QualType T) {
  if (T.isNull() || Model->nonBlockingTypes().empty())
    return false;
  T = objectBehind(T);
  return !T.isNull() && findByType(Model->nonBlockingTypes(), T) != nullptr;
}

bool ModelQueries::isErrorCarrier(QualType T) {
  return !T.isNull() && !T->isDependentType() &&
         findByType(Model->errorCarrierTypes(), T) != nullptr;
}

bool ModelQueries::isAwaitedReleaseCall(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  if (!Method || !Method->getIdentifier())
    return false;
  QualType ObjectType = Call.getObjectType();
  if (ObjectType.isNull())
    return false;
  std::optional<ResourceInfo> Resource = resourceType(ObjectType);
  if (!Resource || !Resource->Awaited || !Resource->isRelease(Method))
    return false;
  // The model says the release is awaited: whatever it returns (a task, a
  // future, a sender) must be awaited for it to happen.
  if (Resource->From == ResourceInfo::Source::Model)
    return !Call.getType()->isVoidType();
  return taskKind(Call.getType()) != TaskKind::None;
}

} // namespace clang::coroguard
