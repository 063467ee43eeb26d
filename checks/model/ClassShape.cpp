//===--- TaskTypes.cpp ----------------------------------------------------===//

#include "TaskTypes.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/StringRef.h"

namespace clang::coroguard {

const CXXRecordDecl *getRecord(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return nullptr;
  return RD->getDefinition();
}

/// Looks \p Name up among the members of \p RD and of its bases.
static const NamedDecl *lookupMember(const CXXRecordDecl &RD,
                                     llvm::StringRef Name) {
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

static bool isStdSuspendAlways(QualType T) {
  const CXXRecordDecl *RD = getRecord(T);
  return RD && RD->getName() == "suspend_always" &&
         (RD->isInStdNamespace() ||
          RD->getQualifiedNameAsString() ==
              "std::experimental::suspend_always");
}

/// Lazy task templates whose initial suspension goes through an awaitable
/// of their own, so the promise does not reveal it.
static bool isKnownLazyTemplate(const CXXRecordDecl &RD) {
  std::string Name = RD.getQualifiedNameAsString();
  return Name == "asio::awaitable" || Name == "boost::asio::awaitable";
}

bool isLazyTaskType(QualType T) {
  const CXXRecordDecl *RD = getRecord(T);
  if (!RD)
    return false;
  if (isKnownLazyTemplate(*RD))
    return true;
  const CXXRecordDecl *Promise = findPromiseType(*RD);
  if (!Promise)
    return false;
  const auto *Initial =
      dyn_cast_or_null<FunctionDecl>(lookupMember(*Promise, "initial_suspend"));
  if (const auto *Template = dyn_cast_or_null<FunctionTemplateDecl>(
          lookupMember(*Promise, "initial_suspend")))
    Initial = Template->getTemplatedDecl();
  return Initial && isStdSuspendAlways(Initial->getReturnType());
}

bool isAwaiterType(QualType T) {
  const CXXRecordDecl *RD = getRecord(T);
  if (!RD || findPromiseType(*RD))
    return false;
  return lookupMember(*RD, "await_ready") &&
         lookupMember(*RD, "await_suspend") &&
         lookupMember(*RD, "await_resume");
}

} // namespace clang::coroguard
