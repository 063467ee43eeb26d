//===--- CodeClimateOutput.cpp - GitLab Code Quality reports --------------===//
//
// GitLab's Code Quality widget reads a subset of the Code Climate format:
// an array of issues, each with a description, a check name, a fingerprint
// (the finding's identity, so GitLab tracks it across commits like code
// scanning does), a severity and a location relative to the repository.
//
//===----------------------------------------------------------------------===//

#include "Identity.h"
#include "OutputWriters.h"

#include <nlohmann/json.hpp>

namespace clang::coroguard {

using json = nlohmann::ordered_json;

void writeCodeClimate(const Report &R, llvm::StringRef Root,
                      llvm::raw_ostream &OS) {
  json Issues = json::array();
  for (const Finding &F : R.Findings)
    Issues.push_back(
        {{"type", "issue"},
         {"check_name", F.Check},
         {"description", F.Message},
         {"categories", json::array({"Bug Risk"})},
         {"severity", F.Severity == "error" ? "critical" : "major"},
         {"fingerprint", F.Check + ":" + F.Identity},
         {"location",
          {{"path", relativeToRoot(F.Where.File, Root)},
           {"lines", {{"begin", F.Where.Line}}}}}});
  OS << Issues.dump(2) << "\n";
}

} // namespace clang::coroguard
