//===--- SarifOutput.cpp - SARIF 2.1.0 for code-scanning services ---------===//

#include "OutputWriters.h"
#include "Version.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"

#include <nlohmann/json.hpp>

namespace clang::coroguard {

using json = nlohmann::ordered_json;

namespace {

constexpr size_t MaxRuleText = 1024;

std::string clip(llvm::StringRef Text) {
  return Text.size() <= MaxRuleText
             ? Text.str()
             : Text.take_front(MaxRuleText - 3).str() + "...";
}

/// \p Dir with exactly one trailing '/', as SARIF wants base URIs.
std::string asDirectory(llvm::StringRef Dir) {
  std::string Result = Dir.rtrim('/').str();
  Result += '/';
  return Result;
}

/// The URI of \p File relative to the source root when it lies inside it.
json artifactLocation(llvm::StringRef File, llvm::StringRef SourceRoot) {
  std::string Root = asDirectory(SourceRoot);
  if (!SourceRoot.empty() && File.starts_with(Root))
    return {{"uri", File.drop_front(Root.size()).str()},
            {"uriBaseId", "%SRCROOT%"}};
  return {{"uri", "file://" + File.str()}};
}

/// SARIF columns count Unicode code points; clang's count bytes.
unsigned codePointColumn(const SourcePosition &P, SourceText &Sources) {
  llvm::StringRef Line = Sources.line(P.File, P.Line);
  if (!P.Column || Line.empty())
    return P.Column;
  unsigned Column = 1;
  llvm::StringRef Before = Line.take_front(P.Column - 1);
  for (char C : Before)
    if ((static_cast<unsigned char>(C) & 0xC0) != 0x80)
      ++Column;
  return Column;
}

json physicalLocation(const SourcePosition &P, llvm::StringRef SourceRoot,
                      SourceText &Sources) {
  json Loc = {{"artifactLocation", artifactLocation(P.File, SourceRoot)}};
  if (P.Line) {
    unsigned Column = codePointColumn(P, Sources);
    Loc["region"] = {{"startLine", P.Line},
                     {"startColumn", Column},
                     {"endLine", P.Line},
                     {"endColumn", Column + 1}};
  }
  return Loc;
}

/// A stable identity for an alert across commits: the check, the message
/// and the text of the flagged line (not its number, which moves).
std::string lineHash(const Finding &F, SourceText &Sources) {
  llvm::SHA1 Hash;
  Hash.update(F.Check);
  Hash.update(F.Message);
  Hash.update(Sources.line(F.Where.File, F.Where.Line).trim());
  return llvm::toHex(Hash.final(), /*LowerCase=*/true).substr(0, 16) + ":1";
}

} // namespace

void writeSarif(const Report &R, const std::vector<CheckDescription> &Rules,
                llvm::StringRef SourceRoot, llvm::raw_ostream &OS) {
  json RuleArray = json::array();
  for (const CheckDescription &Rule : Rules)
    RuleArray.push_back(
        {{"id", Rule.Name},
         {"shortDescription", {{"text", clip(Rule.Summary)}}},
         {"fullDescription", {{"text", clip(Rule.Summary)}}},
         {"help", {{"text", clip("See docs/checks/" + Rule.Name + ".md")}}}});

  json Results = json::array();
  for (const Finding &F : R.Findings) {
    json Result = {
        {"ruleId", F.Check},
        {"level", F.Severity == "error" ? "error" : "warning"},
        {"message", {{"text", F.Message}}},
        {"locations",
         json::array({{{"physicalLocation",
                        physicalLocation(F.Where, SourceRoot, *R.Sources)}}})},
        {"partialFingerprints",
         {{"primaryLocationLineHash", lineHash(F, *R.Sources)}}}};
    json Related = json::array();
    for (size_t I = 0; I < F.Notes.size(); ++I)
      Related.push_back(
          {{"id", I},
           {"message", {{"text", F.Notes[I].Message}}},
           {"physicalLocation",
            physicalLocation(F.Notes[I].Where, SourceRoot, *R.Sources)}});
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (!F.Fixes.empty()) {
      json Changes = json::array();
      for (const Edit &E : F.Fixes)
        Changes.push_back(
            {{"artifactLocation", artifactLocation(E.File, SourceRoot)},
             {"replacements",
              json::array(
                  {{{"deletedRegion",
                     {{"charOffset", E.Offset}, {"charLength", E.Length}}},
                    {"insertedContent", {{"text", E.Replacement}}}}})}});
      Result["fixes"] =
          json::array({{{"description", {{"text", "apply the suggested fix"}}},
                        {"artifactChanges", std::move(Changes)}}});
    }
    Results.push_back(std::move(Result));
  }

  json Invocation = {{"executionSuccessful", R.Errors.empty()}};
  if (!R.Errors.empty()) {
    json Notifications = json::array();
    for (const InputError &E : R.Errors)
      Notifications.push_back(
          {{"level", "error"}, {"message", {{"text", E.Message}}}});
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  }

  json Run = {{"tool",
               {{"driver",
                 {{"name", "coroguard"},
                  {"version", CoroGuardVersion},
                  {"semanticVersion", CoroGuardVersion},
                  {"rules", std::move(RuleArray)}}}}},
              {"automationDetails", {{"id", "coroguard/"}}},
              {"invocations", json::array({std::move(Invocation)})},
              {"results", std::move(Results)}};
  Run["columnKind"] = "unicodeCodePoints";
  if (!SourceRoot.empty())
    Run["originalUriBaseIds"] = {
        {"%SRCROOT%", {{"uri", "file://" + asDirectory(SourceRoot)}}}};
  json Doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({std::move(Run)})}};
  OS << Doc.dump(2) << "\n";
}

} // namespace clang::coroguard
