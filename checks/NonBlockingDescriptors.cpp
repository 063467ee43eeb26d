//===--- NonBlockingDescriptors.cpp ---------------------------------------===//

#include "NonBlockingDescriptors.h"

#include "project/ProjectFacts.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::coroguard {

namespace {

bool isNonBlockingFlag(llvm::StringRef Name) {
  return llvm::is_contained({"SOCK_NONBLOCK", "O_NONBLOCK", "O_NDELAY",
                             "EFD_NONBLOCK", "TFD_NONBLOCK", "SFD_NONBLOCK",
                             "IN_NONBLOCK"},
                            Name);
}

/// Whether \p S names a constant that \p Matches: a declaration (glibc's
/// enumerators SOCK_NONBLOCK, MSG_DONTWAIT) or a macro (O_NONBLOCK) in
/// whose expansion a part of it is.
bool mentions(const Stmt *S, const SourceManager &SM, const LangOptions &LO,
              llvm::function_ref<bool(llvm::StringRef)> Matches) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (Ref->getDecl()->getIdentifier() && Matches(Ref->getDecl()->getName()))
      return true;
  for (SourceLocation Loc = S->getBeginLoc(); Loc.isMacroID();
       Loc = SM.getImmediateMacroCallerLoc(Loc))
    if (Matches(Lexer::getImmediateMacroName(Loc, SM, LO)))
      return true;
  for (const Stmt *Child : S->children())
    if (mentions(Child, SM, LO, Matches))
      return true;
  return false;
}

/// The variable or member that holds the descriptor \p E.
const Decl *holder(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl();
    if (const auto *Member = dyn_cast<MemberExpr>(E))
      return Member->getMemberDecl();
    if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(E))
      E = Subscript->getBase(); // fds[0] of pipe2(fds, O_NONBLOCK)
    else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E);
             Call && Call->getNumArgs() == 0)
      E = Call->getImplicitObjectArgument(); // sock.native_handle()
    else
      return nullptr;
  }
  return nullptr;
}

llvm::StringRef calleeName(const CallExpr &Call) {
  const FunctionDecl *Callee = Call.getDirectCallee();
  return Callee && Callee->getIdentifier() ? Callee->getName() : "";
}

/// Whether \p S names one of the model's nonBlockingOptions, also in the
/// initialiser of a local variable it names (an options object built
/// before the call).
bool mentionsOption(const Stmt *S, ModelQueries &Model, unsigned Depth = 0) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    if (Model.isNonBlockingOption(*Ref->getDecl()))
      return true;
    if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
        Var && Depth == 0 && Var->isLocalVarDecl() && Var->getInit())
      return mentionsOption(Var->getInit(), Model, Depth + 1);
    return false;
  }
  for (const Stmt *Child : S->children())
    if (mentionsOption(Child, Model, Depth))
      return true;
  return false;
}

class Scanner : public RecursiveASTVisitor<Scanner> {
public:
  Scanner(ASTContext &Ctx, ModelQueries &Model,
          llvm::DenseSet<const Decl *> &Out,
          llvm::DenseMap<const Decl *,
                         std::pair<const FunctionDecl *, unsigned>> &Unseen)
      : SM(Ctx.getSourceManager()), LO(Ctx.getLangOpts()), Model(Model),
        Out(Out), Unseen(Unseen) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }

  bool VisitCallExpr(CallExpr *Call) {
    passedToAnotherFile(*Call);
    llvm::StringRef Name = calleeName(*Call);
    if (Call->getNumArgs() < 2)
      return true;
    auto Flag = [](llvm::StringRef N) { return isNonBlockingFlag(N); };
    // fcntl(fd, F_SETFL, flags | O_NONBLOCK), ioctl(fd, FIONBIO, &on),
    // pipe2(fds, O_NONBLOCK).
    if ((Name == "fcntl" && Call->getNumArgs() >= 3 &&
         mentions(Call->getArg(2), SM, LO, Flag)) ||
        (Name == "ioctl" &&
         mentions(Call->getArg(1), SM, LO,
                  [](llvm::StringRef N) { return N == "FIONBIO"; })) ||
        (Name == "pipe2" && mentions(Call->getArg(1), SM, LO, Flag)))
      if (const Decl *D = holder(Call->getArg(0)))
        Out.insert(D);
    return true;
  }

  // sock.blocking(socket::blocking_t::no): a library option set on the
  // object that holds the descriptor.
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    if (llvm::any_of(Call->arguments(), [&](const Expr *Arg) {
          return mentionsOption(Arg, Model);
        }))
      if (const Decl *D = holder(Call->getImplicitObjectArgument()))
        Out.insert(D);
    return true;
  }

  bool VisitVarDecl(VarDecl *Var) {
    if (Var->getInit() && createsNonBlocking(Var->getInit()))
      Out.insert(Var);
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *Op) {
    if (Op->getOpcode() == BO_Assign && createsNonBlocking(Op->getRHS()))
      if (const Decl *D = holder(Op->getLHS()))
        Out.insert(D);
    return true;
  }

  bool VisitCXXConstructorDecl(CXXConstructorDecl *Ctor) {
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isMemberInitializer() && Init->getInit() &&
          createsNonBlocking(Init->getInit()))
        Out.insert(Init->getMember());
    return true;
  }

private:
  /// make_nonblocking(fd) with make_nonblocking defined in another file:
  /// the summary file says whether it makes fd non-blocking (the plugin,
  /// clangd), or the CLI decides after the run.
  void passedToAnotherFile(const CallExpr &Call) {
    const FunctionDecl *Callee = Call.getDirectCallee();
    if (!Callee || Callee->hasBody() || Model.isLibraryCode(*Callee))
      return;
    const project::FactBase *Known = project::knownFacts();
    for (unsigned I = 0; I < Call.getNumArgs() && I < Callee->getNumParams();
         ++I) {
      const Decl *D = holder(Call.getArg(I));
      if (!D || !Call.getArg(I)->getType()->isIntegerType())
        continue;
      if (Known && Known->makesNonBlocking(project::keyOf(*Callee), I))
        Out.insert(D);
      else
        Unseen.try_emplace(D, Callee, I);
    }
  }

  /// A call that creates a descriptor with a non-blocking flag:
  /// socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), accept4(..,
  /// SOCK_NONBLOCK), open(path, O_RDONLY | O_NONBLOCK), or with a library
  /// option: make_socket(socket::options{..., blocking_t::no}).
  bool createsNonBlocking(const Expr *E) {
    E = E->IgnoreUnlessSpelledInSource();
    llvm::ArrayRef<const Expr *> Args;
    if (const auto *Call = dyn_cast<CallExpr>(E))
      Args = llvm::ArrayRef(Call->getArgs(), Call->getNumArgs());
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
      Args = llvm::ArrayRef(Construct->getArgs(), Construct->getNumArgs());
    else
      return false;
    return llvm::any_of(Args, [&](const Expr *Arg) {
      return mentions(Arg, SM, LO,
                      [](llvm::StringRef N) { return isNonBlockingFlag(N); }) ||
             mentionsOption(Arg, Model);
    });
  }

  const SourceManager &SM;
  const LangOptions &LO;
  ModelQueries &Model;
  llvm::DenseSet<const Decl *> &Out;
  llvm::DenseMap<const Decl *, std::pair<const FunctionDecl *, unsigned>>
      &Unseen;
};

/// The last place \p S names EAGAIN or EWOULDBLOCK.
void findRetryChecks(const Stmt *S, const SourceManager &SM,
                     const LangOptions &LO, SourceLocation &Last) {
  if (!S)
    return;
  auto IsRetry = [](llvm::StringRef N) {
    return N == "EAGAIN" || N == "EWOULDBLOCK";
  };
  if (isa<IntegerLiteral, DeclRefExpr>(S) && mentions(S, SM, LO, IsRetry)) {
    SourceLocation Loc = SM.getExpansionLoc(S->getBeginLoc());
    if (Last.isInvalid() || SM.isBeforeInTranslationUnit(Last, Loc))
      Last = Loc;
  }
  for (const Stmt *Child : S->children())
    findRetryChecks(Child, SM, LO, Last);
}

} // namespace

void NonBlockingDescriptors::reset() {
  Scanned = false;
  NonBlocking.clear();
  LastRetryCheck.clear();
  Unseen.clear();
}

void NonBlockingDescriptors::scan(ASTContext &Ctx, ModelQueries &Model) {
  Scanned = true;
  Scanner(Ctx, Model, NonBlocking, Unseen)
      .TraverseDecl(Ctx.getTranslationUnitDecl());
}

std::optional<std::pair<const FunctionDecl *, unsigned>>
NonBlockingDescriptors::unseenHelper(const CallExpr &Call,
                                     unsigned Descriptor) const {
  const Decl *D = Descriptor < Call.getNumArgs()
                      ? holder(Call.getArg(Descriptor))
                      : nullptr;
  auto It = D ? Unseen.find(D) : Unseen.end();
  if (It == Unseen.end())
    return std::nullopt;
  return It->second;
}

std::vector<unsigned>
NonBlockingDescriptors::nonBlockingParams(const FunctionDecl &Definition,
                                          ModelQueries &Model) {
  if (!Scanned)
    scan(Definition.getASTContext(), Model);
  std::vector<unsigned> Params;
  for (unsigned I = 0; I < Definition.getNumParams(); ++I)
    if (NonBlocking.count(Definition.getParamDecl(I)))
      Params.push_back(I);
  return Params;
}

bool NonBlockingDescriptors::retriesOnEAGAIN(const CallExpr &Call,
                                             const FunctionDecl &Enclosing) {
  const SourceManager &SM = Enclosing.getASTContext().getSourceManager();
  auto [It, Inserted] = LastRetryCheck.try_emplace(&Enclosing);
  if (Inserted)
    findRetryChecks(Enclosing.getBody(), SM,
                    Enclosing.getASTContext().getLangOpts(), It->second);
  return It->second.isValid() &&
         SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Call.getBeginLoc()),
                                      It->second);
}

bool NonBlockingDescriptors::isNonBlocking(const CallExpr &Call,
                                           std::optional<unsigned> Descriptor,
                                           std::optional<unsigned> Flags,
                                           const FunctionDecl &Enclosing,
                                           ModelQueries &Model) {
  ASTContext &Ctx = Enclosing.getASTContext();
  if (Flags && *Flags < Call.getNumArgs() &&
      mentions(
          Call.getArg(*Flags), Ctx.getSourceManager(), Ctx.getLangOpts(),
          [](llvm::StringRef N) { return N == "MSG_DONTWAIT"; }))
    return true;
  if (!Descriptor || *Descriptor >= Call.getNumArgs())
    return false;
  if (retriesOnEAGAIN(Call, Enclosing))
    return true;
  if (!Scanned)
    scan(Ctx, Model);
  const Decl *D = holder(Call.getArg(*Descriptor));
  if (!D)
    return false;
  if (NonBlocking.count(D))
    return true;
  const auto *Holder = dyn_cast<ValueDecl>(D);
  return Holder && Model.isNonBlockingType(Holder->getType());
}

} // namespace clang::coroguard
