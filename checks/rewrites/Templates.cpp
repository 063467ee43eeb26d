//===--- Templates.cpp ----------------------------------------------------===//

#include "rewrites/Templates.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

namespace clang::coroguard::rewrites {

std::string expandTemplate(llvm::StringRef Template,
                           const llvm::StringMap<std::string> &Values) {
  std::string Result;
  while (!Template.empty()) {
    size_t Open = Template.find('{');
    Result += Template.take_front(Open);
    if (Open == llvm::StringRef::npos)
      break;
    Template = Template.drop_front(Open);
    size_t Close = Template.find('}');
    llvm::StringRef Name =
        Close == llvm::StringRef::npos ? "" : Template.slice(1, Close);
    auto It = Values.find(Name);
    if (It == Values.end()) {
      Result += '{';
      Template = Template.drop_front();
      continue;
    }
    Result += It->second;
    Template = Template.drop_front(Close + 1);
  }
  return Result;
}

bool usesPlaceholder(llvm::StringRef Template, llvm::StringRef Name) {
  return Template.contains(("{" + Name + "}").str());
}

llvm::StringMap<std::string> variablePlaceholders(const VarDecl &Var) {
  llvm::StringMap<std::string> Values;
  Values["var"] = Var.getNameAsString();
  Values["type"] =
      Var.getType().getAsString(Var.getASTContext().getPrintingPolicy());
  return Values;
}

} // namespace clang::coroguard::rewrites
