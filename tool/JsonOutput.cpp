//===--- JsonOutput.cpp - the versioned JSON report -----------------------===//

#include "Baseline.h"
#include "JsonStream.h"
#include "OutputWriters.h"
#include "ProjectResolution.h"
#include "Version.h"

#include <nlohmann/json.hpp>

namespace clang::coroguard {

using json = nlohmann::ordered_json;

static json positionFields(const SourcePosition &P) {
  return {{"file", P.File}, {"line", P.Line}, {"column", P.Column}};
}

static json diagnosticOf(const Finding &F) {
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
  return D;
}

static json partOf(const ReportPart &Part) {
  json Fixed = json::array();
  for (const BaselineEntry &E : Part.Fixed)
    Fixed.push_back({{"file", E.File},
                     {"check", E.Check},
                     {"identity", E.Identity},
                     {"line", E.Line},
                     {"message", E.Message}});
  return {
      {"index", Part.Index},
      {"count", Part.Count},
      {"baseline", Part.Baseline.empty() ? json(nullptr) : json(Part.Baseline)},
      {"baselineFixed", std::move(Fixed)}};
}

void writeJson(const Report &R, llvm::raw_ostream &OS, const ReportPart *Part) {
  json Errors = json::array();
  for (const InputError &E : R.Errors)
    Errors.push_back({{"file", E.File}, {"message", E.Message}});

  json Doc = {{"version", 1},
              {"tool", {{"name", "coroguard"}, {"version", CoroGuardVersion}}}};
  if (Part) {
    json P = partOf(*Part);
    // What the merge needs to decide the findings that wait for another
    // part's facts.
    json Pending = json::array();
    for (const PendingFinding &F : R.Pending)
      Pending.push_back(json::parse(pendingToJson(F).dump()));
    P["pending"] = std::move(Pending);
    P["facts"] = json::parse(factsToJson(R.Facts).dump());
    Doc["part"] = std::move(P);
  }
  Doc["analysed"] = R.Analysed;
  Doc["diagnostics"] = StreamedArray;
  Doc["errors"] = std::move(Errors);
  const bool States = Part && !Part->Baseline.empty();
  dumpWithStreamedArray(OS, Doc, R.Findings.size(), [&](size_t I) {
    json D = diagnosticOf(R.Findings[I]);
    if (States)
      D["baselineState"] =
          R.Findings[I].InBaseline == Finding::Baseline::Unchanged ? "unchanged"
                                                                   : "new";
    return D;
  });
}

} // namespace clang::coroguard
