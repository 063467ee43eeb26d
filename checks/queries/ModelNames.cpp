//===--- ModelNames.cpp - the names a declaration is known by -------------===//
//
// The qualified names of types, callees and tokens that the model's tables
// are searched with, and the aliases that lookup finds for them.
//
//===----------------------------------------------------------------------===//

#include "ClassShape.h"
#include "ModelQueries.h"
#include "NameLookup.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SmallPtrSet.h"

namespace clang::coroguard {

std::string withInlineNamespaces(const NamedDecl &D) {
  PrintingPolicy Policy(D.getASTContext().getLangOpts());
  Policy.SuppressInlineNamespace =
      llvm::to_underlying(PrintingPolicy::SuppressInlineNamespaceMode::None);
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  D.printQualifiedName(OS, Policy);
  return Name;
}

void ModelQueries::resolveModelNames(ASTContext &Context) {
  ResolvedIn = &Context;
  Aliases.clear();
  auto Add = [&](llvm::StringRef Name) {
    if (!Name.contains("::"))
      return;
    for (const NamedDecl *D : lookupQualifiedName(Name, Context)) {
      std::string Own = ownQualifiedName(*D);
      std::vector<std::string> &Known = Aliases[Own];
      if (Own != Name && !llvm::is_contained(Known, Name))
        Known.push_back(Name.str());
    }
  };
  auto Resolve = [&](const auto &Table) {
    for (const auto &Entry : Table)
      Add(Entry.first);
  };
  Resolve(Model->taskTypes());
  Resolve(Model->resourceTypes());
  Resolve(Model->blockingFunctions());
  Resolve(Model->guards());
  Resolve(Model->exceptionSinks());
#define COROGUARD_NAMED_SECTION(Key, Member, Description) Resolve(Model->Key());
#include "model/NamedSections.def"
  // The names the checks themselves ask about.
  Add("std::exception_ptr");
}

llvm::ArrayRef<std::string> ModelQueries::aliasesOf(llvm::StringRef RealName,
                                                    ASTContext &Context) {
  if (ResolvedIn != &Context)
    resolveModelNames(Context);
  auto It = Aliases.find(RealName);
  if (It == Aliases.end())
    return {};
  return It->second;
}

void ModelQueries::addAliases(llvm::SmallVectorImpl<std::string> &Names,
                              ASTContext &Context) {
  for (size_t I = 0, Own = Names.size(); I < Own; ++I)
    for (const std::string &Alias : aliasesOf(Names[I], Context))
      if (!llvm::is_contained(Names, Alias))
        Names.push_back(Alias);
}

const std::string &ModelQueries::functionName(const FunctionDecl &FD) {
  auto [It, Inserted] = DeclNameCache.try_emplace(&FD);
  if (Inserted)
    It->second = getQualifiedFunctionName(FD);
  return It->second;
}

const std::string &ModelQueries::variableName(const VarDecl &VD) {
  auto [It, Inserted] = DeclNameCache.try_emplace(&VD);
  if (Inserted)
    It->second = VD.getQualifiedNameAsString();
  return It->second;
}

const llvm::SmallVector<std::string, 4> &ModelQueries::typeNames(QualType T) {
  auto [It, Inserted] = TypeNameCache.try_emplace(T.getAsOpaquePtr());
  llvm::SmallVector<std::string, 4> &Names = It->second;
  if (!Inserted || T.isNull())
    return Names;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return Names;
  ASTContext &Ctx = RD->getASTContext();
  QualType Cur = T.getNonReferenceType();
  for (unsigned Steps = 0; Steps < 16; ++Steps) {
    if (const auto *Typedef = dyn_cast<TypedefType>(Cur.getTypePtr()))
      Names.push_back(Typedef->getDecl()->getQualifiedNameAsString());
    else if (const auto *TST =
                 dyn_cast<TemplateSpecializationType>(Cur.getTypePtr()))
      if (const TemplateDecl *TD = TST->getTemplateName().getAsTemplateDecl())
        if (isa<TypeAliasTemplateDecl>(TD))
          Names.push_back(TD->getQualifiedNameAsString());
    QualType Next = Cur.getSingleStepDesugaredType(Ctx);
    if (Next == Cur)
      break;
    Cur = Next;
  }
  Names.push_back(RD->getQualifiedNameAsString());
  // Also with its inline namespaces (unifex::v1::async_scope), which the
  // usual spelling leaves out.
  std::string Full = withInlineNamespaces(*RD);
  if (Full != Names.back())
    Names.push_back(std::move(Full));
  addAliases(Names, Ctx);
  return Names;
}

bool ModelQueries::isTypeNamed(QualType T, llvm::StringRef Name) {
  if (T.isNull() || T->isDependentType())
    return false;
  return llvm::is_contained(typeNames(T), Name);
}

const llvm::SmallVector<std::string, 4> &
ModelQueries::memberNames(const CXXMemberCallExpr &Call) {
  const CXXMethodDecl *Method = Call.getMethodDecl();
  // The object as written: before the derived-to-base conversion.
  QualType Object;
  if (const Expr *Arg = Call.getImplicitObjectArgument()) {
    Object = Arg->IgnoreParenImpCasts()->getType();
    if (const auto *Ptr = Object->getAs<PointerType>())
      Object = Ptr->getPointeeType();
  }
  static const llvm::SmallVector<std::string, 4> None;
  if (!Method || !Method->getIdentifier() || Object.isNull())
    return None;
  auto [It, Inserted] = MemberNameCache.try_emplace(
      {Object.getAsOpaquePtr(), Method->getCanonicalDecl()});
  llvm::SmallVector<std::string, 4> &Names = It->second;
  if (!Inserted)
    return Names;
  std::string Suffix = "::" + Method->getNameAsString();
  for (const std::string &Type : typeNames(Object))
    Names.push_back(Type + Suffix);
  // The bases on the way to the declaring class.
  const CXXRecordDecl *Declaring = Method->getParent();
  llvm::SmallVector<const CXXRecordDecl *, 4> Work;
  if (const CXXRecordDecl *RD = getRecord(Object))
    Work.push_back(RD);
  llvm::SmallPtrSet<const CXXRecordDecl *, 4> Seen;
  while (!Work.empty()) {
    const CXXRecordDecl *RD = Work.pop_back_val();
    if (!Seen.insert(RD->getCanonicalDecl()).second ||
        RD->getCanonicalDecl() == Declaring->getCanonicalDecl())
      continue;
    for (const CXXBaseSpecifier &Base : RD->bases())
      if (const CXXRecordDecl *BaseRD = getRecord(Base.getType())) {
        std::string Name = BaseRD->getQualifiedNameAsString() + Suffix;
        if (!llvm::is_contained(Names, Name))
          Names.push_back(std::move(Name));
        Work.push_back(BaseRD);
      }
  }
  return Names;
}

llvm::SmallVector<std::string, 2> ModelQueries::calleeNames(const Expr &E) {
  llvm::SmallVector<std::string, 2> Names;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&E)) {
    // Constructions that take something (`std::ifstream f(path)`,
    // `deferred_close d(out)`): default, copy and move constructions do no
    // work of their own.
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (Ctor && Construct->getNumArgs() > 0 &&
        !Ctor->isCopyOrMoveConstructor()) {
      Names.push_back(functionName(*Ctor));
      addAliases(Names, Ctor->getASTContext());
    }
    return Names;
  }
  const auto *Call = dyn_cast<CallExpr>(&E);
  if (!Call)
    return Names;
  if (const FunctionDecl *Callee = Call->getDirectCallee())
    if (Callee->getIdentifier() || isa<CXXMethodDecl>(Callee))
      Names.push_back(functionName(*Callee));
  // A member is named after the class of the object it is called on, and
  // each class between that one and the one declaring it: libstdc++
  // declares std::future::wait in std::__basic_future.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    for (const std::string &Name : memberNames(*Member))
      if (!llvm::is_contained(Names, Name))
        Names.push_back(Name);
  // A function object (folly::coro::blockingWait, stdexec::sync_wait): the
  // variable called.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
    if (Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(Ref->getDecl()))
          Names.push_back(variableName(*Var));
  if (const Decl *Callee = Call->getCalleeDecl())
    addAliases(Names, Callee->getASTContext());
  return Names;
}

} // namespace clang::coroguard
