//===--- JsonInput.cpp - reads the JSON report back (coroguard merge) -----===//

#include "JsonInput.h"

#include "ProjectResolution.h"

#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

namespace clang::coroguard {

using json = nlohmann::json;

namespace {

/// Reads the position fields of a finding or a note; false if one lacks.
bool readPosition(const json &J, SourcePosition &P) {
  if (!J.is_object() || !J.contains("file") || !J["file"].is_string() ||
      !J.contains("line") || !J["line"].is_number_unsigned() ||
      !J.contains("column") || !J["column"].is_number_unsigned())
    return false;
  P.File = J["file"].get<std::string>();
  P.Line = J["line"].get<unsigned>();
  P.Column = J["column"].get<unsigned>();
  P.Offset = J.value("offset", 0u);
  return true;
}

bool readString(const json &J, const char *Key, std::string &Out) {
  if (!J.contains(Key) || !J[Key].is_string())
    return false;
  Out = J[Key].get<std::string>();
  return true;
}

} // namespace

/// The part record of a sharded run's report, if it is well formed.
static std::optional<ReportPart> readPart(const json &J) {
  if (!J.is_object() || !J.contains("index") ||
      !J["index"].is_number_unsigned() || !J.contains("count") ||
      !J["count"].is_number_unsigned())
    return std::nullopt;
  ReportPart Part;
  Part.Index = J["index"].get<unsigned>();
  Part.Count = J["count"].get<unsigned>();
  if (J.contains("baseline") && J["baseline"].is_string())
    Part.Baseline = J["baseline"].get<std::string>();
  for (const json &E : J.value("baselineFixed", json::array())) {
    BaselineEntry Entry;
    if (!E.is_object() || !readString(E, "file", Entry.File) ||
        !readString(E, "check", Entry.Check) ||
        !readString(E, "identity", Entry.Identity))
      return std::nullopt;
    Entry.Line = E.value("line", 0u);
    readString(E, "message", Entry.Message);
    Part.Fixed.push_back(std::move(Entry));
  }
  return Part;
}

llvm::Error readJsonReport(llvm::StringRef Path, Report &Into,
                           std::optional<ReportPart> *Part) {
  auto Fail = [&](const llvm::Twine &Why) {
    return llvm::createStringError("report '" + Path + "': " + Why);
  };
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Buffer =
      llvm::MemoryBuffer::getFileOrSTDIN(Path, /*IsText=*/true);
  if (!Buffer)
    return Fail(Buffer.getError().message());
  json Doc = json::parse((*Buffer)->getBuffer().begin(),
                         (*Buffer)->getBuffer().end(), nullptr,
                         /*allow_exceptions=*/false);
  if (Doc.is_discarded() || !Doc.is_object() || Doc.value("version", 0) != 1 ||
      !Doc.contains("diagnostics") || !Doc["diagnostics"].is_array() ||
      !Doc.contains("errors") || !Doc["errors"].is_array())
    return Fail("not a coroguard JSON report (version 1); write one with "
                "--format=json");
  if (Doc.contains("part")) {
    std::optional<ReportPart> Read = readPart(Doc["part"]);
    if (!Read)
      return Fail("its 'part' record is incomplete");
    if (Part)
      *Part = std::move(Read);
    const json &P = Doc["part"];
    for (const json &Entry : P.value("pending", json::array())) {
      std::optional<PendingFinding> Pending = pendingFromJson(Entry);
      if (!Pending)
        return Fail("a pending finding of its 'part' record is incomplete");
      Into.Pending.push_back(std::move(*Pending));
    }
    if (P.contains("facts")) {
      std::optional<std::vector<project::FunctionFacts>> Facts =
          factsFromJson(P["facts"]);
      if (!Facts)
        return Fail("the 'facts' of its 'part' record are malformed");
      llvm::append_range(Into.Facts, *Facts);
    }
  }
  if (Doc.contains("analysed") && Doc["analysed"].is_array())
    for (const json &File : Doc["analysed"])
      if (File.is_string())
        Into.Analysed.push_back(File.get<std::string>());
  unsigned Index = 0;
  for (const json &D : Doc["diagnostics"]) {
    ++Index;
    Finding F;
    if (!readPosition(D, F.Where) || !readString(D, "check", F.Check) ||
        !readString(D, "severity", F.Severity) ||
        !readString(D, "message", F.Message))
      return Fail("diagnostic " + llvm::Twine(Index) + " is incomplete");
    readString(D, "identity", F.Identity);
    if (std::string State; readString(D, "baselineState", State))
      F.InBaseline = State == "unchanged" ? Finding::Baseline::Unchanged
                                          : Finding::Baseline::New;
    for (const json &N : D.value("notes", json::array())) {
      Note Read;
      if (!readPosition(N, Read.Where) ||
          !readString(N, "message", Read.Message))
        return Fail("a note of diagnostic " + llvm::Twine(Index) +
                    " is incomplete");
      F.Notes.push_back(std::move(Read));
    }
    for (const json &E : D.value("fixes", json::array())) {
      Edit Read;
      if (!readString(E, "file", Read.File) ||
          !readString(E, "replacement", Read.Replacement) ||
          !E.contains("offset") || !E["offset"].is_number_unsigned() ||
          !E.contains("length") || !E["length"].is_number_unsigned())
        return Fail("a fix of diagnostic " + llvm::Twine(Index) +
                    " is incomplete");
      Read.Offset = E["offset"].get<unsigned>();
      Read.Length = E["length"].get<unsigned>();
      F.Fixes.push_back(std::move(Read));
    }
    Into.Findings.push_back(std::move(F));
  }
  for (const json &E : Doc["errors"]) {
    InputError Read;
    if (!E.is_object() || !readString(E, "file", Read.File) ||
        !readString(E, "message", Read.Message))
      return Fail("an error entry is incomplete");
    Into.Errors.push_back(std::move(Read));
  }
  return llvm::Error::success();
}

} // namespace clang::coroguard
