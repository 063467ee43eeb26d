//===--- ResourceDiagnostics.cpp ------------------------------------------===//

#include "ResourceDiagnostics.h"

#include "rewrites/Templates.h"

namespace clang::coroguard {

std::string describeReleases(const ResourceInfo &Resource) {
  std::string Text;
  for (size_t I = 0; I < Resource.Release.size(); ++I) {
    if (I)
      Text += I + 1 == Resource.Release.size() ? " or " : ", ";
    Text += "'" + Resource.Release[I] + "()'";
  }
  return Text;
}

std::string expandGuardTemplate(llvm::StringRef Template, const VarDecl &Var) {
  return rewrites::expandTemplate(Template,
                                  rewrites::variablePlaceholders(Var));
}

} // namespace clang::coroguard
