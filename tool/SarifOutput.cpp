//===--- SarifOutput.cpp - SARIF 2.1.0 for code-scanning services ---------===//

#include "Baseline.h"
#include "CheckCatalog.h"
#include "CheckDocs.h"
#include "JsonStream.h"
#include "OutputWriters.h"
#include "Version.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

namespace clang::coroguard {

using json = nlohmann::ordered_json;

namespace {

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

/// `clang-diagnostic-unused-variable` -> `UnusedVariable`.
std::string pascalCase(llvm::StringRef Dashed) {
  std::string Out;
  llvm::SmallVector<llvm::StringRef, 4> Words;
  Dashed.split(Words, '-', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Word : Words)
    Out += llvm::toUpper(Word.front()) + Word.drop_front().str();
  return Out;
}

json coroguardRule(const CheckInfo &Check, llvm::StringRef DocsBase) {
  llvm::StringRef Page = checkPages().lookup(Check.Name);
  std::string Help = Page.empty() ? Check.Summary.str() : Page.str();
  return {{"id", Check.Name},
          {"name", Check.ClassName.drop_back(strlen("Check")).str()},
          {"shortDescription", {{"text", Check.Title}}},
          {"fullDescription", {{"text", Check.Summary}}},
          {"helpUri", checkPageUrl(DocsBase, Check.Name)},
          {"help", {{"text", Help}, {"markdown", Help}}},
          {"defaultConfiguration", {{"level", "warning"}}}};
}

/// A rule for a compiler warning that a configuration turned on, or for a
/// check that only a baseline names.
json diagnosticRule(llvm::StringRef Id, llvm::StringRef DocsBase) {
  if (!Id.starts_with("clang-diagnostic-")) {
    std::string Text = "The check " + Id.str() +
                       ", which this coroguard "
                       "does not have.";
    return {{"id", Id},
            {"name", pascalCase(Id)},
            {"shortDescription", {{"text", "A check this coroguard lacks."}}},
            {"fullDescription", {{"text", Text}}},
            {"helpUri", DocsBase.str() + "README.md#checks"},
            {"help", {{"text", Text}, {"markdown", Text}}},
            {"defaultConfiguration", {{"level", "warning"}}}};
  }
  llvm::StringRef Flag = Id.drop_front(strlen("clang-diagnostic-"));
  std::string Text = "Clang's -W" + Flag.str() + " warning.";
  return {
      {"id", Id},
      {"name", "ClangDiagnostic" + pascalCase(Flag)},
      {"shortDescription", {{"text", Text}}},
      {"fullDescription",
       {{"text", Text +
                     " Reported because the configuration enables "
                     "clang-diagnostic-" +
                     Flag.str() + "."}}},
      {"helpUri", "https://clang.llvm.org/docs/DiagnosticsReference.html#w" +
                      Flag.lower()},
      {"help", {{"text", Text}, {"markdown", Text}}},
      {"defaultConfiguration", {{"level", "warning"}}}};
}

} // namespace

void writeSarif(const Report &R, const SarifSettings &Settings,
                llvm::raw_ostream &OS) {
  llvm::StringRef SourceRoot = Settings.SourceRoot;
  json RuleArray = json::array();
  llvm::StringMap<unsigned> RuleIndex;
  for (const CheckInfo &Check : getCheckCatalog()) {
    RuleIndex[Check.Name] = RuleArray.size();
    RuleArray.push_back(coroguardRule(Check, Settings.DocsBase));
  }
  // Results of other checks (compiler warnings; in a baseline, also checks
  // this coroguard no longer has) get a rule each.
  auto AddRule = [&](llvm::StringRef Check) {
    if (RuleIndex.count(Check))
      return;
    RuleIndex[Check] = RuleArray.size();
    RuleArray.push_back(diagnosticRule(Check, Settings.DocsBase));
  };
  for (const Finding &F : R.Findings)
    AddRule(F.Check);
  if (Settings.Fixed)
    for (const BaselineEntry &E : *Settings.Fixed)
      AddRule(E.Check);

  auto ResultOf = [&](const Finding &F) {
    json Result = {
        {"ruleId", F.Check},
        {"ruleIndex", RuleIndex.lookup(F.Check)},
        {"level", F.Severity == "error" ? "error" : "warning"},
        {"message", {{"text", F.Message}}},
        {"locations",
         json::array({{{"physicalLocation",
                        physicalLocation(F.Where, SourceRoot, *R.Sources)}}})},
        {"partialFingerprints",
         {{"primaryLocationLineHash", F.Identity},
          {"coroguardIdentity/v1", F.Identity}}}};
    if (Settings.HasBaseline)
      Result["baselineState"] =
          F.InBaseline == Finding::Baseline::Unchanged ? "unchanged" : "new";
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
    return Result;
  };
  auto AbsentResultOf = [&](const BaselineEntry &E) {
    json Location = {{"uri", E.File}, {"uriBaseId", "%SRCROOT%"}};
    json Physical = {{"artifactLocation", std::move(Location)}};
    if (E.Line)
      Physical["region"] = {{"startLine", E.Line}};
    return json{
        {"ruleId", E.Check},
        {"ruleIndex", RuleIndex.lookup(E.Check)},
        {"level", "warning"},
        {"message", {{"text", E.Message.empty() ? E.Check : E.Message}}},
        {"locations", json::array({{{"physicalLocation", Physical}}})},
        {"partialFingerprints",
         {{"primaryLocationLineHash", E.Identity},
          {"coroguardIdentity/v1", E.Identity}}},
        {"baselineState", "absent"}};
  };
  const size_t Absent = Settings.Fixed ? Settings.Fixed->size() : 0;

  json Invocation = {{"exitCode", Settings.ExitCode},
                     {"executionSuccessful", R.Errors.empty()}};
  if (!R.Errors.empty()) {
    json Notifications = json::array();
    for (const InputError &E : R.Errors) {
      json Notification = {{"level", "error"},
                           {"message", {{"text", E.Message}}}};
      if (!E.File.empty())
        Notification["locations"] = json::array(
            {{{"physicalLocation",
               {{"artifactLocation", artifactLocation(E.File, SourceRoot)}}}}});
      Notifications.push_back(std::move(Notification));
    }
    Invocation["toolExecutionNotifications"] = std::move(Notifications);
  }

  json Run = {{"tool",
               {{"driver",
                 {{"name", "coroguard"},
                  {"version", CoroGuardVersion},
                  {"semanticVersion", CoroGuardVersion},
                  {"informationUri", Settings.DocsBase + "README.md"},
                  {"rules", std::move(RuleArray)}}}}},
              {"automationDetails", {{"id", "coroguard/"}}},
              {"invocations", json::array({std::move(Invocation)})},
              {"results", StreamedArray}};
  Run["columnKind"] = "unicodeCodePoints";
  if (!SourceRoot.empty())
    Run["originalUriBaseIds"] = {
        {"%SRCROOT%", {{"uri", "file://" + asDirectory(SourceRoot)}}}};
  json Doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", json::array({std::move(Run)})}};
  // The results are made one at a time as they are written.
  dumpWithStreamedArray(OS, Doc, R.Findings.size() + Absent, [&](size_t I) {
    return I < R.Findings.size()
               ? ResultOf(R.Findings[I])
               : AbsentResultOf((*Settings.Fixed)[I - R.Findings.size()]);
  });
}

} // namespace clang::coroguard
