//===--- NameLookup.cpp ---------------------------------------------------===//

#include "NameLookup.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

namespace clang::coroguard {

namespace {

/// What a found declaration stands for: the target of a using-declaration,
/// the namespace of an alias, the pattern of a template, the class of a
/// typedef.
const NamedDecl *denoted(const NamedDecl *D) {
  for (unsigned Steps = 0; D && Steps < 8; ++Steps) {
    if (const auto *Shadow = dyn_cast<UsingShadowDecl>(D))
      D = Shadow->getTargetDecl();
    else if (const auto *Alias = dyn_cast<NamespaceAliasDecl>(D))
      D = Alias->getNamespace();
    else if (const auto *Template = dyn_cast<TemplateDecl>(D))
      D = Template->getTemplatedDecl();
    else if (const auto *Typedef = dyn_cast<TypedefNameDecl>(D)) {
      const CXXRecordDecl *RD =
          Typedef->getUnderlyingType()->getAsCXXRecordDecl();
      if (!RD)
        return nullptr;
      D = RD;
    } else
      return D;
  }
  return nullptr;
}

/// The context to look the next component up in: a namespace, or a class
/// (its definition, where its members are).
const DeclContext *scopeOf(const NamedDecl *D) {
  if (const auto *NS = dyn_cast<NamespaceDecl>(D))
    return NS;
  if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
    return RD->getDefinition();
  return nullptr;
}

/// The class a base specifier names, a dependent base of a template
/// pattern (`__basic_future<R>`) included: its template's pattern.
const CXXRecordDecl *baseClass(const CXXBaseSpecifier &Base) {
  QualType T = Base.getType();
  if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    return RD->getDefinition();
  if (const auto *Spec = T->getAs<TemplateSpecializationType>())
    if (const auto *Template = dyn_cast_or_null<ClassTemplateDecl>(
            Spec->getTemplateName().getAsTemplateDecl()))
      return Template->getTemplatedDecl()->getDefinition();
  return nullptr;
}

/// What \p Name finds in \p Scope: a class's own members, else those of its
/// bases, nearest first, as qualified lookup into a class finds
/// `std::future::wait` in `std::__basic_future`.
DeclContext::lookup_result lookupIn(const DeclContext *Scope,
                                    DeclarationName Name, unsigned Depth = 0) {
  DeclContext::lookup_result Own = Scope->lookup(Name);
  const auto *RD = dyn_cast<CXXRecordDecl>(Scope);
  if (!Own.empty() || !RD || Depth > 8)
    return Own;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (const CXXRecordDecl *BaseRD = baseClass(Base)) {
      DeclContext::lookup_result Found = lookupIn(BaseRD, Name, Depth + 1);
      if (!Found.empty())
        return Found;
    }
  return Own;
}

} // namespace

llvm::SmallVector<const NamedDecl *, 2>
lookupQualifiedName(llvm::StringRef Name, ASTContext &Context) {
  llvm::SmallVector<const NamedDecl *, 2> Found;
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Name.split(Parts, "::");
  if (Parts.empty() || llvm::is_contained(Parts, ""))
    return Found;
  llvm::SmallVector<const DeclContext *, 2> Scopes = {
      Context.getTranslationUnitDecl()};
  for (size_t I = 0; I < Parts.size() && !Scopes.empty(); ++I) {
    DeclarationName Part(&Context.Idents.get(Parts[I]));
    bool Last = I + 1 == Parts.size();
    llvm::SmallVector<const DeclContext *, 2> Next;
    for (const DeclContext *Scope : Scopes)
      for (const NamedDecl *D : lookupIn(Scope, Part)) {
        const NamedDecl *Target = denoted(D);
        if (!Target)
          continue;
        if (Last) {
          // A class's own name inside it (its injected class name) stands
          // for its constructors there: `std::ifstream::basic_ifstream`.
          const auto *Injected = dyn_cast<CXXRecordDecl>(D);
          if (Injected && Injected->isInjectedClassName()) {
            for (const CXXConstructorDecl *Ctor :
                 cast<CXXRecordDecl>(Scope)->ctors())
              if (!llvm::is_contained(Found, Ctor))
                Found.push_back(Ctor);
            continue;
          }
          if (isa<CXXRecordDecl, FunctionDecl, VarDecl>(Target) &&
              !llvm::is_contained(Found, Target))
            Found.push_back(Target);
        } else if (const DeclContext *Inner = scopeOf(Target)) {
          if (!llvm::is_contained(Next, Inner))
            Next.push_back(Inner);
        }
      }
    Scopes = std::move(Next);
  }
  return Found;
}

std::string ownQualifiedName(const NamedDecl &D) {
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&D))
    return Method->getParent()->getQualifiedNameAsString() +
           "::" + Method->getNameAsString();
  return D.getQualifiedNameAsString();
}

} // namespace clang::coroguard
