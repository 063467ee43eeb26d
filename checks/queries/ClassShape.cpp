//===--- ClassShape.cpp ---------------------------------------------------===//

#include "ClassShape.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::coroguard {

const CXXRecordDecl *getRecord(QualType T) {
  if (T.isNull())
    return nullptr;
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return nullptr;
  if (RD->hasDefinition())
    return RD->getDefinition();
  // A class template specialization that was only named, not completed:
  // its pattern tells what it will be.
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    if (const CXXRecordDecl *Pattern =
            Spec->getSpecializedTemplate()->getTemplatedDecl())
      return Pattern->hasDefinition() ? Pattern->getDefinition() : nullptr;
  return nullptr;
}

const NamedDecl *lookupMember(const CXXRecordDecl &RD, llvm::StringRef Name) {
  const IdentifierInfo *Id = &RD.getASTContext().Idents.get(Name);
  for (const NamedDecl *D : RD.lookup(DeclarationName(Id)))
    return D;
  for (const CXXBaseSpecifier &Base : RD.bases())
    if (const CXXRecordDecl *BaseRD = getRecord(Base.getType()))
      if (const NamedDecl *D = lookupMember(*BaseRD, Name))
        return D;
  return nullptr;
}

const CXXRecordDecl *findPromiseType(const CXXRecordDecl &RD) {
  const NamedDecl *D = lookupMember(RD, "promise_type");
  if (!D)
    return nullptr;
  if (const auto *Record = dyn_cast<CXXRecordDecl>(D)) {
    if (Record->hasDefinition())
      return Record->getDefinition();
    // A member class of an implicitly instantiated template is defined
    // only when something needs it; its pattern tells what it will be.
    if (const CXXRecordDecl *Pattern = Record->getInstantiatedFromMemberClass())
      return Pattern->hasDefinition() ? Pattern->getDefinition() : nullptr;
    return nullptr;
  }
  if (const auto *Alias = dyn_cast<TypedefNameDecl>(D))
    return getRecord(Alias->getUnderlyingType());
  return nullptr;
}

static bool isStdSuspend(QualType T, llvm::StringRef Name) {
  const CXXRecordDecl *RD = getRecord(T);
  return RD && RD->getName() == Name &&
         (RD->isInStdNamespace() ||
          RD->getQualifiedNameAsString() == "std::experimental::" + Name.str());
}

InitialSuspend getInitialSuspend(const CXXRecordDecl &Promise) {
  const NamedDecl *D = lookupMember(Promise, "initial_suspend");
  if (const auto *Template = dyn_cast_or_null<FunctionTemplateDecl>(D))
    D = Template->getTemplatedDecl();
  const auto *Initial = dyn_cast_or_null<FunctionDecl>(D);
  if (!Initial)
    return InitialSuspend::Unknown;
  QualType Result = Initial->getReturnType();
  if (Result->isDependentType() || Result->isUndeducedType())
    return InitialSuspend::Unknown;
  if (isStdSuspend(Result, "suspend_always"))
    return InitialSuspend::Always;
  if (isStdSuspend(Result, "suspend_never"))
    return InitialSuspend::Never;
  return InitialSuspend::Other;
}

bool hasAwaiterMembers(const CXXRecordDecl &RD) {
  return lookupMember(RD, "await_ready") && lookupMember(RD, "await_suspend") &&
         lookupMember(RD, "await_resume");
}

bool hasAwaitableShape(const CXXRecordDecl &RD) {
  if (hasAwaiterMembers(RD))
    return true;
  const ASTContext &Ctx = RD.getASTContext();
  DeclarationName CoAwait = Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait);
  return !RD.lookup(CoAwait).empty();
}

} // namespace clang::coroguard
