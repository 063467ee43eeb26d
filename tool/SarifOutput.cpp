//===--- SarifOutput.cpp - SARIF 2.1.0 for code-scanning services ---------===//

#include "OutputWriters.h"
#include "Version.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"

#include <nlohmann/json.hpp>

namespace coroguard {

using nlohmann::json;

namespace {

constexpr size_t MaxRuleText = 1024;

std::string clip(llvm::StringRef Text) {
  return Text.size() <= MaxRuleText ? Text.str()
                                    : Text.take_front(MaxRuleText - 3).str() +
                                          "...";
}

/// The URI of \p File relative to the source root when it lies inside it.
json artifactLocation(llvm::StringRef File, llvm::StringRef SourceRoot) {
  llvm::SmallString<256> Root(SourceRoot);
  llvm::sys::path::append(Root, "");
  if (!SourceRoot.empty() && File.starts_with(Root))
    return {{"uri", File.drop_front(Root.size()).str()},
            {"uriBaseId", "%SRCROOT%"}};
  return {{"uri", "file://" + File.str()}};
}

json physicalLocation(const SourcePosition &P, llvm::StringRef SourceRoot) {
  json Loc = {{"artifactLocation", artifactLocation(P.File, SourceRoot)}};
  if (P.Line)
    Loc["region"] = {{"startLine", P.Line},
                     {"startColumn", P.Column},
                     {"endLine", P.Line},
                     {"endColumn", P.Column + 1}};
  return Loc;
}

/// A stable identity for an alert across commits: the check, the message
/// and the text of the flagged line (not its number, which moves).
std::string lineHash(const Finding &F) {
  std::string LineText;
  if (auto Buffer = llvm::MemoryBuffer::getFile(F.Where.File)) {
    llvm::StringRef Text = (*Buffer)->getBuffer();
    size_t Start = F.Where.Offset - (F.Where.Column ? F.Where.Column - 1 : 0);
    if (Start <= Text.size())
      LineText = Text.substr(Start).split('\n').first.trim().str();
  }
  llvm::SHA1 Hash;
  Hash.update(F.Check);
  Hash.update(F.Message);
  Hash.update(LineText);
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
         {"help",
          {{"text", clip("See docs/checks/" + Rule.Name + ".md")}}}});

  json Results = json::array();
  for (const Finding &F : R.Findings) {
    json Result = {
        {"ruleId", F.Check},
        {"level", F.Severity == "error" ? "error" : "warning"},
        {"message", {{"text", F.Message}}},
        {"locations",
         json::array({{{"physicalLocation",
                        physicalLocation(F.Where, SourceRoot)}}})},
        {"partialFingerprints", {{"primaryLocationLineHash", lineHash(F)}}}};
    json Related = json::array();
    for (size_t I = 0; I < F.Notes.size(); ++I)
      Related.push_back(
          {{"id", I},
           {"message", {{"text", F.Notes[I].Message}}},
           {"physicalLocation",
            physicalLocation(F.Notes[I].Where, SourceRoot)}});
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (!F.Fixes.empty()) {
      json Changes = json::array();
      for (const Edit &E : F.Fixes)
        Changes.push_back(
            {{"artifactLocation", artifactLocation(E.File, SourceRoot)},
             {"replacements",
              json::array({{{"deletedRegion",
                             {{"charOffset", E.Offset},
                              {"charLength", E.Length}}},
                            {"insertedContent",
                             {{"text", E.Replacement}}}}})}});
      Result["fixes"] = json::array(
          {{{"description", {{"text", "apply the suggested fix"}}},
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
  if (!SourceRoot.empty()) {
    llvm::SmallString<256> Root(SourceRoot);
    llvm::sys::path::append(Root, "");
    Run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", "file://" + Root.str().str()}}}};
  }
  json Doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({std::move(Run)})}};
  OS << Doc.dump(2) << "\n";
}

} // namespace coroguard
