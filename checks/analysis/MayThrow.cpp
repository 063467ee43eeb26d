//===--- MayThrow.cpp -----------------------------------------------------===//

#include "MayThrow.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

namespace clang::coroguard {

std::optional<ThrowingCalls> parseThrowingCalls(llvm::StringRef Value) {
  if (Value == "all")
    return ThrowingCalls::All;
  if (Value == "user")
    return ThrowingCalls::User;
  if (Value == "none")
    return ThrowingCalls::None;
  return std::nullopt;
}

llvm::StringRef toString(ThrowingCalls Policy) {
  switch (Policy) {
  case ThrowingCalls::All:
    return "all";
  case ThrowingCalls::User:
    return "user";
  case ThrowingCalls::None:
    return "none";
  }
  llvm_unreachable("unknown policy");
}

static bool isNothrow(QualType FunctionType) {
  if (const auto *Ptr = FunctionType->getAs<PointerType>())
    FunctionType = Ptr->getPointeeType();
  const auto *Proto = FunctionType->getAs<FunctionProtoType>();
  return Proto && Proto->isNothrow();
}

bool ThrowOracle::callMayThrow(const FunctionDecl *Callee) const {
  if (Policy == ThrowingCalls::None)
    return false;
  if (!Callee)
    return true; // through a pointer of unknown type
  if (Callee->getBuiltinID() || isNothrow(Callee->getType()))
    return false;
  if (Policy == ThrowingCalls::User && IsLibrary(*Callee))
    return false;
  return true;
}

bool ThrowOracle::mayThrow(const Stmt &S) const {
  if (isa<CoawaitExpr, CoyieldExpr, DependentCoawaitExpr, CXXThrowExpr>(S))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(&S)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier()) {
      llvm::StringRef Name = Callee->getName();
      if (Name == "await_ready" || Name == "await_suspend" ||
          Name == "await_resume")
        return false;
    }
    if (!Callee && Policy != ThrowingCalls::None)
      return !isNothrow(Call->getCallee()->getType());
    return callMayThrow(Callee);
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(&S)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    return Ctor && !Ctor->isTrivial() && callMayThrow(Ctor);
  }
  return false;
}

} // namespace clang::coroguard
