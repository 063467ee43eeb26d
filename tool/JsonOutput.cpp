//===--- JsonOutput.cpp - the versioned JSON report -----------------------===//

#include "OutputWriters.h"
#include "Version.h"

#include <nlohmann/json.hpp>

namespace clang::coroguard {

using json = nlohmann::ordered_json;

static json positionFields(const SourcePosition &P) {
  return {{"file", P.File}, {"line", P.Line}, {"column", P.Column}};
}

void writeJson(const Report &R, llvm::raw_ostream &OS) {
  json Diagnostics = json::array();
  for (const Finding &F : R.Findings) {
    json D = {
        {"check", F.Check}, {"severity", F.Severity}, {"message", F.Message}};
    D.update(positionFields(F.Where));
    D["offset"] = F.Where.Offset;
    D["identity"] = F.Identity;
    json Notes = json::array();
    for (const Note &N : F.Notes) {
      json J = {{"message", N.Message}};
      J.update(positionFields(N.Where));
      J["offset"] = N.Where.Offset;
      Notes.push_back(std::move(J));
    }
    D["notes"] = std::move(Notes);
    json Fixes = json::array();
    for (const Edit &E : F.Fixes)
      Fixes.push_back({{"file", E.File},
                       {"offset", E.Offset},
                       {"length", E.Length},
                       {"replacement", E.Replacement}});
    D["fixes"] = std::move(Fixes);
    Diagnostics.push_back(std::move(D));
  }
  json Errors = json::array();
  for (const InputError &E : R.Errors)
    Errors.push_back({{"file", E.File}, {"message", E.Message}});

  json Doc = {{"version", 1},
              {"tool", {{"name", "coroguard"}, {"version", CoroGuardVersion}}},
              {"analysed", R.Analysed},
              {"diagnostics", std::move(Diagnostics)},
              {"errors", std::move(Errors)}};
  OS << Doc.dump(2) << "\n";
}

} // namespace clang::coroguard
