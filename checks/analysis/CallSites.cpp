//===--- CallSites.cpp ----------------------------------------------------===//

#include "CallSites.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace clang::coroguard {

namespace {

class SiteCollector : public RecursiveASTVisitor<SiteCollector> {
public:
  SiteCollector(const SourceManager &SM,
                llvm::DenseMap<const FunctionDecl *,
                               llvm::SmallVector<CallSites::Site, 2>> &Out)
      : SM(SM), Out(Out) {}

  bool TraverseDecl(Decl *D) {
    if (!D)
      return true;
    if (!isa<TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    const auto *Function = dyn_cast<FunctionDecl>(D);
    if (Function)
      Stack.push_back(Function);
    bool Result = RecursiveASTVisitor::TraverseDecl(D);
    if (Function)
      Stack.pop_back();
    return Result;
  }

  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    Stack.push_back(Lambda->getCallOperator());
    bool Result = RecursiveASTVisitor::TraverseLambdaExpr(Lambda);
    Stack.pop_back();
    return Result;
  }

  bool VisitCallExpr(CallExpr *Call) {
    if (Stack.empty() || isa<CXXOperatorCallExpr>(Call))
      return true;
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      Out[Callee->getCanonicalDecl()].push_back({Call, Stack.back()});
    return true;
  }

private:
  const SourceManager &SM;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<CallSites::Site, 2>>
      &Out;
  llvm::SmallVector<const FunctionDecl *, 8> Stack;
};

} // namespace

llvm::ArrayRef<CallSites::Site> CallSites::of(const FunctionDecl &Callee,
                                              ASTContext &Context) {
  if (!Built) {
    Built = true;
    SiteCollector(Context.getSourceManager(), Sites)
        .TraverseDecl(Context.getTranslationUnitDecl());
  }
  auto It = Sites.find(Callee.getCanonicalDecl());
  return It == Sites.end() ? llvm::ArrayRef<Site>() : It->second;
}

} // namespace clang::coroguard
