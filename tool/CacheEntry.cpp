//===--- CacheEntry.cpp ---------------------------------------------------===//

#include "CacheEntry.h"

#include "ProjectResolution.h"

namespace clang::coroguard {

using nlohmann::json;

namespace {

json messageToJson(const clang::tooling::DiagnosticMessage &M) {
  json Fixes = json::array();
  for (const auto &FileAndReplacements : M.Fix)
    for (const clang::tooling::Replacement &R : FileAndReplacements.second)
      Fixes.push_back({{"file", R.getFilePath().str()},
                       {"offset", R.getOffset()},
                       {"length", R.getLength()},
                       {"text", R.getReplacementText().str()}});
  json Ranges = json::array();
  for (const clang::tooling::FileByteRange &R : M.Ranges)
    Ranges.push_back(
        {{"file", R.FilePath}, {"offset", R.FileOffset}, {"length", R.Length}});
  return {{"message", M.Message},
          {"file", M.FilePath},
          {"offset", M.FileOffset},
          {"fixes", std::move(Fixes)},
          {"ranges", std::move(Ranges)}};
}

/// Reads the fields of a stored entry; any missing or mistyped field makes
/// the whole entry unreadable.
class Reader {
public:
  bool ok() const { return Good; }

  const json &object(const json &J, const char *Key) {
    static const json Empty;
    if (!J.is_object() || !J.contains(Key)) {
      Good = false;
      return Empty;
    }
    return J[Key];
  }
  const json &array(const json &J, const char *Key) {
    static const json Empty = json::array();
    const json &A = object(J, Key);
    if (!A.is_array()) {
      Good = false;
      return Empty;
    }
    return A;
  }
  std::string string(const json &J, const char *Key) {
    const json &S = object(J, Key);
    if (!S.is_string()) {
      Good = false;
      return "";
    }
    return S.get<std::string>();
  }
  unsigned number(const json &J, const char *Key) {
    const json &N = object(J, Key);
    if (!N.is_number_unsigned()) {
      Good = false;
      return 0;
    }
    return N.get<unsigned>();
  }

  clang::tooling::DiagnosticMessage message(const json &J) {
    clang::tooling::DiagnosticMessage M(string(J, "message"));
    M.FilePath = string(J, "file");
    M.FileOffset = number(J, "offset");
    for (const json &F : array(J, "fixes")) {
      clang::tooling::Replacement R(string(F, "file"), number(F, "offset"),
                                    number(F, "length"), string(F, "text"));
      if (!Good)
        break;
      // Stored from a valid set, so they do not overlap; if they do, the
      // entry is damaged.
      if (llvm::Error Err = M.Fix[R.getFilePath()].add(R)) {
        llvm::consumeError(std::move(Err));
        Good = false;
      }
    }
    for (const json &R : array(J, "ranges")) {
      clang::tooling::FileByteRange Range;
      Range.FilePath = string(R, "file");
      Range.FileOffset = number(R, "offset");
      Range.Length = number(R, "length");
      M.Ranges.push_back(std::move(Range));
    }
    return M;
  }

private:
  bool Good = true;
};

} // namespace

json unitToJson(const CachedUnit &Unit) {
  json Errors = json::array();
  for (const clang::tidy::ClangTidyError &E : Unit.Errors) {
    json Notes = json::array();
    for (const clang::tooling::DiagnosticMessage &N : E.Notes)
      Notes.push_back(messageToJson(N));
    Errors.push_back({{"name", E.DiagnosticName},
                      {"level", static_cast<int>(E.DiagLevel)},
                      {"directory", E.BuildDirectory},
                      {"warningAsError", E.IsWarningAsError},
                      {"aliases", E.EnabledDiagnosticAliases},
                      {"message", messageToJson(E.Message)},
                      {"notes", std::move(Notes)}});
  }
  json Functions = json::array();
  for (const FunctionSpan &F : Unit.Functions)
    Functions.push_back({{"file", F.File},
                         {"begin", F.Begin},
                         {"end", F.End},
                         {"signature", F.Signature}});
  json Inputs = json::array();
  for (const auto &[Path, Hash] : Unit.Inputs)
    Inputs.push_back({Path, Hash});
  json Out = {{"inputs", std::move(Inputs)},
              {"errors", std::move(Errors)},
              {"functions", std::move(Functions)}};
  if (!Unit.Facts.empty())
    Out["facts"] = factsToJson(Unit.Facts);
  return Out;
}

std::optional<CachedUnit> unitFromJson(const json &J) {
  Reader Read;
  CachedUnit Unit;
  for (const json &Input : Read.array(J, "inputs")) {
    if (!Input.is_array() || Input.size() != 2 || !Input[0].is_string() ||
        !Input[1].is_string())
      return std::nullopt;
    Unit.Inputs.emplace_back(Input[0].get<std::string>(),
                             Input[1].get<std::string>());
  }
  for (const json &E : Read.array(J, "errors")) {
    const json &Level = Read.object(E, "level");
    if (!Level.is_number_integer() ||
        !llvm::is_contained({clang::tooling::Diagnostic::Remark,
                             clang::tooling::Diagnostic::Warning,
                             clang::tooling::Diagnostic::Error},
                            Level.get<int>()))
      return std::nullopt;
    const json &WarningAsError = Read.object(E, "warningAsError");
    if (!WarningAsError.is_boolean())
      return std::nullopt;
    clang::tidy::ClangTidyError Error(
        Read.string(E, "name"),
        static_cast<clang::tooling::Diagnostic::Level>(Level.get<int>()),
        Read.string(E, "directory"), WarningAsError.get<bool>());
    for (const json &Alias : Read.array(E, "aliases")) {
      if (!Alias.is_string())
        return std::nullopt;
      Error.EnabledDiagnosticAliases.push_back(Alias.get<std::string>());
    }
    Error.Message = Read.message(Read.object(E, "message"));
    for (const json &N : Read.array(E, "notes"))
      Error.Notes.push_back(Read.message(N));
    if (!Read.ok())
      return std::nullopt;
    Unit.Errors.push_back(std::move(Error));
  }
  for (const json &F : Read.array(J, "functions"))
    Unit.Functions.push_back({Read.string(F, "file"), Read.number(F, "begin"),
                              Read.number(F, "end"),
                              Read.string(F, "signature")});
  if (!Read.ok())
    return std::nullopt;
  if (J.contains("facts")) {
    std::optional<std::vector<project::FunctionFacts>> Facts =
        factsFromJson(J["facts"]);
    if (!Facts)
      return std::nullopt;
    Unit.Facts = std::move(*Facts);
  }
  return Unit;
}

} // namespace clang::coroguard
