//===--- Baseline.cpp -----------------------------------------------------===//

#include "Baseline.h"
#include "Identity.h"

#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

#include <map>
#include <tuple>

namespace clang::coroguard {

using json = nlohmann::ordered_json;

namespace {

constexpr int BaselineVersion = 1;

/// The order of the file: as a reader scans a report.
auto orderOf(const BaselineEntry &E) {
  return std::tie(E.File, E.Line, E.Check, E.Identity);
}

} // namespace

std::vector<BaselineEntry> baselineOf(const Report &R, llvm::StringRef Root) {
  std::vector<BaselineEntry> Entries;
  for (const Finding &F : R.Findings)
    Entries.push_back({F.Check, relativeToRoot(F.Where.File, Root), F.Identity,
                       F.Where.Line, F.Message});
  return Entries;
}

llvm::Expected<std::vector<BaselineEntry>> readBaseline(llvm::StringRef Path) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError("baseline '" + Path + "': " + Why);
  };
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return Fail(Buffer.getError().message());
  json Doc = json::parse((*Buffer)->getBuffer().begin(),
                         (*Buffer)->getBuffer().end(), nullptr,
                         /*allow_exceptions=*/false);
  if (Doc.is_discarded() || !Doc.is_object())
    return Fail("not a JSON object");
  if (Doc.value("version", 0) != BaselineVersion)
    return Fail("unknown version (this coroguard reads version " +
                llvm::Twine(BaselineVersion) + ")");
  if (!Doc.contains("findings") || !Doc["findings"].is_array())
    return Fail("no 'findings' array");
  std::vector<BaselineEntry> Entries;
  for (const json &E : Doc["findings"]) {
    if (!E.is_object() || !E.contains("check") || !E["check"].is_string() ||
        !E.contains("file") || !E["file"].is_string() ||
        !E.contains("identity") || !E["identity"].is_string())
      return Fail("entry " + llvm::Twine(Entries.size() + 1) +
                  " lacks 'check', 'file' or 'identity'");
    BaselineEntry Entry;
    Entry.Check = E["check"].get<std::string>();
    Entry.File = E["file"].get<std::string>();
    Entry.Identity = E["identity"].get<std::string>();
    if (E.contains("line") && E["line"].is_number_unsigned())
      Entry.Line = E["line"].get<unsigned>();
    if (E.contains("message") && E["message"].is_string())
      Entry.Message = E["message"].get<std::string>();
    Entries.push_back(std::move(Entry));
  }
  return Entries;
}

void sortBaselineEntries(std::vector<BaselineEntry> &Entries) {
  llvm::stable_sort(Entries,
                    [](const BaselineEntry &A, const BaselineEntry &B) {
                      return orderOf(A) < orderOf(B);
                    });
}

void writeBaseline(std::vector<BaselineEntry> Entries, llvm::raw_ostream &OS) {
  sortBaselineEntries(Entries);
  OS << "{\n  \"version\": " << BaselineVersion << ",\n  \"findings\": [";
  for (size_t I = 0; I < Entries.size(); ++I) {
    const BaselineEntry &E = Entries[I];
    json Entry = {{"file", E.File},
                  {"check", E.Check},
                  {"identity", E.Identity},
                  {"line", E.Line},
                  {"message", E.Message}};
    OS << (I ? ",\n    " : "\n    ") << Entry.dump();
  }
  OS << (Entries.empty() ? "]\n}\n" : "\n  ]\n}\n");
}

BaselineComparison
compareWithBaseline(const Report &R, const std::vector<BaselineEntry> &Baseline,
                    llvm::StringRef Root, bool Partial) {
  // How many times each key is in the baseline, and which are used up.
  std::map<std::tuple<std::string, std::string, std::string>, unsigned>
      Available;
  for (const BaselineEntry &E : Baseline)
    ++Available[{E.File, E.Check, E.Identity}];
  BaselineComparison Result;
  for (const Finding &F : R.Findings) {
    auto It = Available.find(
        {relativeToRoot(F.Where.File, Root), F.Check, F.Identity});
    bool Known = It != Available.end() && It->second > 0;
    if (Known)
      --It->second;
    Result.Known.push_back(Known);
    ++(Known ? Result.Baselined : Result.New);
  }
  llvm::StringSet<> FilesRead;
  if (Partial)
    for (const std::string &Main : R.Analysed)
      FilesRead.insert(relativeToRoot(Main, Root));
  else
    for (const auto &Read : R.FilesRead)
      FilesRead.insert(relativeToRoot(Read.getKey(), Root));
  for (const BaselineEntry &E : Baseline) {
    auto It = Available.find({E.File, E.Check, E.Identity});
    if (It->second > 0 && FilesRead.contains(E.File)) {
      --It->second;
      Result.Fixed.push_back(E);
    } else {
      Result.Kept.push_back(E);
    }
  }
  return Result;
}

void recountFindings(BaselineComparison &C, const Report &R) {
  C.New = C.Baselined = 0;
  for (const Finding &F : R.Findings)
    ++(F.InBaseline == Finding::Baseline::Unchanged ? C.Baselined : C.New);
}

void compareResolved(Report &R, BaselineComparison &C, llvm::StringRef Root) {
  for (Finding &F : R.Findings) {
    if (F.InBaseline != Finding::Baseline::None)
      continue;
    auto It = llvm::find_if(C.Fixed, [&](const BaselineEntry &E) {
      return E.Check == F.Check && E.Identity == F.Identity &&
             E.File == relativeToRoot(F.Where.File, Root);
    });
    F.InBaseline = It == C.Fixed.end() ? Finding::Baseline::New
                                       : Finding::Baseline::Unchanged;
    if (It != C.Fixed.end())
      C.Fixed.erase(It);
  }
}

std::optional<BaselineComparison>
checkParts(const std::vector<std::optional<ReportPart>> &Parts,
           const std::vector<std::string> &Names, std::string &Problem) {
  auto Quoted = [&](size_t I) { return "'" + Names[I] + "'"; };
  auto PartName = [](const ReportPart &P) {
    return "part " + std::to_string(P.Index) + "/" + std::to_string(P.Count);
  };
  size_t First = Parts.size();
  for (size_t I = 0; I < Parts.size(); ++I)
    if (Parts[I]) {
      First = I;
      break;
    }
  if (First == Parts.size())
    return std::nullopt; // whole runs' reports: merged as they are
  const ReportPart &Ref = *Parts[First];
  std::vector<size_t> Seen(Ref.Count + 1, Parts.size());
  for (size_t I = 0; I < Parts.size(); ++I) {
    if (!Parts[I]) {
      Problem = Quoted(I) + " is not a part of a sharded run (--shard), and " +
                Quoted(First) + " is: they cannot be merged";
      return std::nullopt;
    }
    const ReportPart &P = *Parts[I];
    if (P.Count != Ref.Count || P.Index < 1 || P.Index > P.Count) {
      Problem = Quoted(First) + " is " + PartName(Ref) + " and " + Quoted(I) +
                " is " + PartName(P) + ": they are parts of different runs";
      return std::nullopt;
    }
    if (Seen[P.Index] != Parts.size()) {
      Problem = PartName(P) + " is given twice (" + Quoted(Seen[P.Index]) +
                " and " + Quoted(I) + ")";
      return std::nullopt;
    }
    Seen[P.Index] = I;
    if (P.Baseline != Ref.Baseline) {
      Problem = Quoted(First) + " and " + Quoted(I) +
                (Ref.Baseline.empty() || P.Baseline.empty()
                     ? " were not both compared with a baseline"
                     : " were compared with different baselines");
      return std::nullopt;
    }
  }
  for (unsigned K = 1; K <= Ref.Count; ++K)
    if (Seen[K] == Parts.size()) {
      Problem = "part " + std::to_string(K) + "/" + std::to_string(Ref.Count) +
                " is missing: merge all " + std::to_string(Ref.Count) +
                " parts of the run";
      return std::nullopt;
    }
  if (Ref.Baseline.empty())
    return std::nullopt;
  BaselineComparison Restored;
  for (const std::optional<ReportPart> &P : Parts)
    llvm::append_range(Restored.Fixed, P->Fixed);
  sortBaselineEntries(Restored.Fixed);
  return Restored;
}

} // namespace clang::coroguard
