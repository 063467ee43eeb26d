//===--- ProjectResolution.cpp --------------------------------------------===//

#include "ProjectResolution.h"

#include "llvm/Support/FormatVariadic.h"

namespace clang::coroguard {

project::FactBase resolveProject(Report &R) {
  project::FactBase Base;
  for (const project::FunctionFacts &F : R.Facts)
    Base.add(F);
  Base.resolve();
  for (const PendingFinding &P : R.Pending) {
    if (!Base.holds(P.When))
      continue;
    Finding F = P.F;
    F.CrossUnit = true;
    if (P.When.What == project::Fact::Blocks) {
      std::optional<project::BlockingChain> Chain = Base.blocks(P.When.Key);
      F.Message += ": it calls '" + Chain->Blocking + "'";
      if (!Chain->Alternative.empty())
        F.Message += "; " + Chain->Alternative;
      for (size_t I = 0; I < Chain->Steps.size(); ++I) {
        const project::Step &S = Chain->Steps[I];
        Note N;
        N.Message = "'" + S.Caller + "' calls '" + S.Callee + "' here" +
                    (I + 1 == Chain->Steps.size() ? ", which blocks" : "");
        N.Where.File = S.File;
        N.Where.Line = S.Line;
        N.Where.Column = S.Column;
        N.Where.Offset = R.Sources->offsetOf(S.File, S.Line, S.Column);
        F.Notes.push_back(std::move(N));
      }
    }
    R.Findings.push_back(std::move(F));
  }
  sortReport(R);
  return Base;
}

nlohmann::json factsToJson(const std::vector<project::FunctionFacts> &Facts) {
  nlohmann::json Out = nlohmann::json::array();
  for (const project::FunctionFacts &F : Facts)
    Out.push_back(
        nlohmann::json::parse(llvm::formatv("{0}", project::toJson(F)).str()));
  return Out;
}

std::optional<std::vector<project::FunctionFacts>>
factsFromJson(const nlohmann::json &J) {
  if (!J.is_array())
    return std::nullopt;
  std::vector<project::FunctionFacts> Facts;
  for (const nlohmann::json &Entry : J) {
    llvm::Expected<llvm::json::Value> Value = llvm::json::parse(Entry.dump());
    if (!Value) {
      llvm::consumeError(Value.takeError());
      return std::nullopt;
    }
    std::optional<project::FunctionFacts> F = project::factsFromJson(*Value);
    if (!F)
      return std::nullopt;
    Facts.push_back(std::move(*F));
  }
  return Facts;
}

static nlohmann::json positionToJson(const SourcePosition &P) {
  return {{"file", P.File},
          {"line", P.Line},
          {"column", P.Column},
          {"offset", P.Offset}};
}

static bool positionFromJson(const nlohmann::json &J, SourcePosition &P) {
  if (!J.is_object() || !J.value("file", nlohmann::json()).is_string())
    return false;
  P.File = J["file"].get<std::string>();
  P.Line = J.value("line", 0u);
  P.Column = J.value("column", 0u);
  P.Offset = J.value("offset", 0u);
  return true;
}

nlohmann::json pendingToJson(const PendingFinding &P) {
  nlohmann::json Notes = nlohmann::json::array();
  for (const Note &N : P.F.Notes)
    Notes.push_back({{"message", N.Message}, {"at", positionToJson(N.Where)}});
  nlohmann::json Fixes = nlohmann::json::array();
  for (const Edit &E : P.F.Fixes)
    Fixes.push_back({{"file", E.File},
                     {"offset", E.Offset},
                     {"length", E.Length},
                     {"replacement", E.Replacement}});
  return {{"check", P.F.Check},
          {"severity", P.F.Severity},
          {"message", P.F.Message},
          {"at", positionToJson(P.F.Where)},
          {"function", P.F.Function},
          {"notes", std::move(Notes)},
          {"fixes", std::move(Fixes)},
          {"waitsFor",
           {{"fact",
             P.When.What == project::Fact::Blocks           ? "blocks"
             : P.When.What == project::Fact::LetsErrorsOut  ? "lets-errors-out"
             : P.When.What == project::Fact::DoesNotRelease ? "does-not-release"
                                                            : "keeps-blocking"},
            {"key", P.When.Key},
            {"param", P.When.Param}}}};
}

std::optional<PendingFinding> pendingFromJson(const nlohmann::json &J) {
  auto String = [&](const nlohmann::json &O, const char *Key,
                    std::string &Out) {
    if (!O.is_object() || !O.contains(Key) || !O[Key].is_string())
      return false;
    Out = O[Key].get<std::string>();
    return true;
  };
  PendingFinding P;
  std::string Fact;
  if (!String(J, "check", P.F.Check) || !String(J, "severity", P.F.Severity) ||
      !String(J, "message", P.F.Message) ||
      !String(J, "function", P.F.Function) || !J.contains("at") ||
      !positionFromJson(J["at"], P.F.Where) || !J.contains("waitsFor") ||
      !String(J["waitsFor"], "fact", Fact) ||
      !String(J["waitsFor"], "key", P.When.Key))
    return std::nullopt;
  if (Fact == "blocks")
    P.When.What = project::Fact::Blocks;
  else if (Fact == "lets-errors-out")
    P.When.What = project::Fact::LetsErrorsOut;
  else if (Fact == "does-not-release")
    P.When.What = project::Fact::DoesNotRelease;
  else if (Fact == "keeps-blocking")
    P.When.What = project::Fact::KeepsBlocking;
  else
    return std::nullopt;
  P.When.Param = J["waitsFor"].value("param", 0u);
  for (const nlohmann::json &N : J.value("notes", nlohmann::json::array())) {
    Note Read;
    if (!String(N, "message", Read.Message) || !N.contains("at") ||
        !positionFromJson(N["at"], Read.Where))
      return std::nullopt;
    P.F.Notes.push_back(std::move(Read));
  }
  for (const nlohmann::json &E : J.value("fixes", nlohmann::json::array())) {
    Edit Read;
    if (!String(E, "file", Read.File) ||
        !String(E, "replacement", Read.Replacement))
      return std::nullopt;
    Read.Offset = E.value("offset", 0u);
    Read.Length = E.value("length", 0u);
    P.F.Fixes.push_back(std::move(Read));
  }
  return P;
}

} // namespace clang::coroguard
