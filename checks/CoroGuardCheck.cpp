//===--- CoroGuardCheck.cpp -----------------------------------------------===//

#include "CoroGuardCheck.h"

#include "CheckCatalog.h"
#include "analysis/ResourceLifetime.h"
#include "model/ModelLoader.h"

#include "rewrites/Rewrite.h"

#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include "clang-tidy/utils/OptionsUtils.h"
#include "clang/Lex/Preprocessor.h"
#include <map>
#include <mutex>

namespace clang::coroguard {

/// The coroguard check that reports a problem all of them share (a bad
/// model file): the first enabled one, by name. Every check of a
/// translation unit agrees on it, so the problem is reported once.
static bool reportsSharedProblems(llvm::StringRef Name,
                                  tidy::ClangTidyContext &Context) {
  for (const CheckInfo &Info : getCheckCatalog())
    if (Context.isCheckEnabled(Info.Name))
      return Info.Name == Name;
  return true;
}

CoroGuardCheck::CoroGuardCheck(llvm::StringRef Name,
                               tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context), TidyContext(Context) {
  // The shared options have no check-name prefix; a check-local value
  // (coroguard-x.coroguard.ThrowingCalls) still wins, as clang-tidy's own
  // shared options do.
  ModelFilesOption =
      Options.getLocalOrGlobal(options::ModelFiles).value_or("").str();
  std::string Extra =
      Options.getLocalOrGlobal(options::ExtraModelFiles).value_or("").str();
  // Parsed here, not by getLocalOrGlobal<bool>: its bool specialization is
  // compiled into clang-tidy and not exported to plugins.
  llvm::StringRef InferText =
      Options.getLocalOrGlobal(options::InferResources).value_or("true");
  Infer = !InferText.equals_insensitive("false") && InferText != "0" &&
          !InferText.equals_insensitive("off");
  CleanupNamesOption = Options.getLocalOrGlobal(options::CleanupNames)
                           .value_or(options::DefaultCleanupNames)
                           .str();
  std::string ThrowText = Options.getLocalOrGlobal(options::ThrowingCalls)
                              .value_or(toString(ThrowPolicy))
                              .str();
  if (std::optional<ThrowingCalls> Policy = parseThrowingCalls(ThrowText)) {
    ThrowPolicy = *Policy;
  } else {
    configurationDiag("invalid value '%0' for %1: expected 'user', 'all' or "
                      "'none'",
                      DiagnosticIDs::Error)
        << ThrowText << options::ThrowingCalls;
    return;
  }

  llvm::StringRef StyleText =
      Options.getLocalOrGlobal(options::FixStyle).value_or("library");
  if (StyleText == "portable") {
    Style = FixStyle::Portable;
  } else if (StyleText != "library") {
    configurationDiag("invalid value '%0' for %1: expected 'library' or "
                      "'portable'",
                      DiagnosticIDs::Error)
        << StyleText << options::FixStyle;
    return;
  }
  SummaryFileOption =
      Options.getLocalOrGlobal(options::SummaryFile).value_or("").trim().str();
  Reporter = Options.getLocalOrGlobal(options::ErrorReporter)
                 .value_or("")
                 .trim()
                 .str();
  llvm::StringRef OrderText =
      Options.getLocalOrGlobal(options::IncludeStyle).value_or("llvm");
  if (OrderText == "google") {
    IncludeOrder = tidy::utils::IncludeSorter::IS_Google;
  } else if (OrderText != "llvm") {
    configurationDiag("invalid value '%0' for %1: expected 'llvm' or "
                      "'google'",
                      DiagnosticIDs::Error)
        << OrderText << options::IncludeStyle;
    return;
  }

  std::vector<std::string> Files =
      resolveModelFiles(ModelFilesOption, Context->getCurrentFile());
  for (llvm::StringRef File : tidy::utils::options::parseStringList(Extra))
    if (!File.trim().empty())
      Files.push_back(File.trim().str());
  llvm::Expected<std::shared_ptr<const ResourceModel>> Model = loadModel(Files);
  if (!Model) {
    std::string Message = llvm::toString(Model.takeError());
    if (reportsSharedProblems(Name, *Context))
      configurationDiag("invalid coroguard model: %0", DiagnosticIDs::Error)
          << Message;
    return;
  }
  ModelQueries::Settings Settings;
  Settings.Infer = Infer;
  Settings.CleanupNames = splitList(CleanupNamesOption);
  Queries.emplace(std::move(*Model), std::move(Settings));
  Throws.emplace(ThrowPolicy,
                 [this](const Decl &D) { return Queries->isLibraryCode(D); });
}

void CoroGuardCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  using Value = tidy::ClangTidyOptions::ClangTidyValue;
  Opts[options::ModelFiles] = Value(ModelFilesOption);
  Opts[options::InferResources] = Value(Infer ? "true" : "false");
  Opts[options::CleanupNames] = Value(CleanupNamesOption);
  Opts[options::ThrowingCalls] = Value(toString(ThrowPolicy).str());
  Opts[options::FixStyle] =
      Value(Style == FixStyle::Portable ? "portable" : "library");
  Opts[options::ErrorReporter] = Value(Reporter);
  Opts[options::SummaryFile] = Value(SummaryFileOption);
  Opts[options::IncludeStyle] =
      Value(IncludeOrder == tidy::utils::IncludeSorter::IS_Google ? "google"
                                                                  : "llvm");
}

namespace {
/// The inserter of the translation unit being preprocessed on this thread
/// (in clangd, whose fixes are applied one at a time, every fix-it brings
/// the includes it needs; elsewhere a header is inserted once per file):
/// a unit is analysed on one thread, and its checks are registered with
/// its preprocessor before it runs. The inserter of an earlier unit is
/// dropped when the next one registers; its preprocessor has finished.
struct SharedInserter {
  const Preprocessor *PP = nullptr;
  std::unique_ptr<tidy::utils::IncludeInserter> Inserter;
};
thread_local SharedInserter SharedIncludes;
} // namespace

void CoroGuardCheck::registerPPCallbacks(const SourceManager &,
                                         Preprocessor *PP, Preprocessor *) {
  if (SharedIncludes.PP != PP) {
    SharedIncludes.PP = PP;
    SharedIncludes.Inserter = std::make_unique<tidy::utils::IncludeInserter>(
        IncludeOrder, TidyContext->areDiagsSelfContained());
    SharedIncludes.Inserter->registerPreprocessor(PP);
  }
  Includes = SharedIncludes.Inserter.get();
}

void CoroGuardCheck::explainNoFix(llvm::Error Reason, SourceLocation Fallback) {
  llvm::handleAllErrors(
      std::move(Reason),
      [&](const rewrites::NoFixReason &Why) {
        SourceLocation At = Why.where().isValid() ? Why.where() : Fallback;
        diag(At, "no fix-it: %0", DiagnosticIDs::Note) << Why.why();
      },
      [&](const llvm::ErrorInfoBase &Other) {
        diag(Fallback, "no fix-it: %0", DiagnosticIDs::Note) << Other.message();
      });
}

std::vector<FixItHint>
CoroGuardCheck::fixItsOr(llvm::Expected<transformer::EditGenerator> Edits,
                         rewrites::RewriteNodes &Nodes, std::string &Why) {
  llvm::Expected<std::vector<FixItHint>> Made =
      rewrites::fixItsOf(std::move(Edits), Nodes, includes());
  if (Made)
    return std::move(*Made);
  Why = rewrites::reasonOf(Made.takeError());
  return {};
}

namespace {
FixItPlacement Placement = FixItPlacement::OnWarning;
} // namespace

void setFixItPlacement(FixItPlacement P) { Placement = P; }

llvm::ArrayRef<FixItHint>
CoroGuardCheck::fixItsOnWarning(llvm::ArrayRef<FixItHint> Hints) {
  if (Placement == FixItPlacement::OnWarning)
    return Hints;
  return {};
}

void CoroGuardCheck::nameFixIts(SourceLocation Loc, llvm::StringRef Name,
                                llvm::ArrayRef<FixItHint> Hints) {
  if (Placement != FixItPlacement::OnNamingNote || Hints.empty())
    return;
  auto Note = diag(Loc, "%0", DiagnosticIDs::Note) << Name;
  for (const FixItHint &Hint : Hints)
    Note << Hint;
}

void CoroGuardCheck::noteNoFix(SourceLocation Loc, llvm::StringRef Why,
                               const SourceManager &SM) {
  if (!Why.empty())
    diag(SM.getFileLoc(Loc), "no fix-it: %0", DiagnosticIDs::Note) << Why;
}

void CoroGuardCheck::onStartOfTranslationUnit() {
  forgetSharedLifetimes();
  Summaries.reset();
  project::setKnownFacts(nullptr);
  Reported.clear();
  HeaderFilter.reset();
}

namespace {
/// A summary file as read, for one version of it (by size and time).
struct ReadSummaries {
  uint64_t Size = 0;
  llvm::sys::TimePoint<> Modified;
  std::unique_ptr<project::FactBase> Facts; ///< null: not usable
};
} // namespace

/// The summary file that applies to \p File: \p Option relative to the
/// file's directory or the nearest ancestor holding it, or by convention
/// the nearest coroguard-summaries.json.
static std::string findSummaryFile(llvm::StringRef Option,
                                   llvm::StringRef File) {
  if (!Option.empty() && llvm::sys::path::is_absolute(Option))
    return Option.str();
  llvm::StringRef Name = Option.empty()
                             ? llvm::StringRef(options::DefaultSummaryFileName)
                             : Option;
  llvm::SmallString<256> Directory(File);
  llvm::sys::path::remove_filename(Directory);
  while (!Directory.empty()) {
    llvm::SmallString<256> Candidate(Directory);
    llvm::sys::path::append(Candidate, Name);
    if (llvm::sys::fs::is_regular_file(Candidate))
      return std::string(Candidate);
    llvm::StringRef Parent = llvm::sys::path::parent_path(Directory);
    if (Parent == Directory)
      break;
    Directory = Parent;
  }
  return "";
}

const project::FactBase *CoroGuardCheck::summaryFacts() {
  if (Summaries)
    return *Summaries;
  Summaries = nullptr;
  if (unitFacts())
    return nullptr; // the CLI resolves after the run
  std::string Path =
      findSummaryFile(SummaryFileOption, TidyContext->getCurrentFile());
  if (Path.empty() && SummaryFileOption.empty())
    return nullptr;
  if (Path.empty())
    Path = SummaryFileOption; // missing: readSummaryFile says so
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status))
    Status = llvm::sys::fs::file_status();
  // Read once per process and version of the file: every unit of a
  // clang-tidy run and every edit in clangd asks again.
  static std::mutex Lock;
  static std::map<std::string, ReadSummaries> Read;
  std::lock_guard<std::mutex> Guard(Lock);
  auto [It, First] = Read.try_emplace(Path);
  ReadSummaries &Entry = It->second;
  if (First || Entry.Size != Status.getSize() ||
      Entry.Modified != Status.getLastModificationTime()) {
    Entry.Size = Status.getSize();
    Entry.Modified = Status.getLastModificationTime();
    unsigned Stale = 0;
    llvm::Expected<project::FactBase> Facts =
        project::readSummaryFile(Path, &Stale);
    // One warning per version of the file: the first check to read it.
    if (!Facts) {
      Entry.Facts.reset();
      configurationDiag("coroguard summary file ignored: %0",
                        DiagnosticIDs::Warning)
          << llvm::toString(Facts.takeError());
    } else {
      Entry.Facts = std::make_unique<project::FactBase>(std::move(*Facts));
      if (Stale)
        configurationDiag("coroguard summary file '%0': the facts of %1 "
                          "function%s1 are left out, their files changed "
                          "since it was written (write it again with "
                          "coroguard --write-summaries)",
                          DiagnosticIDs::Warning)
            << Path << Stale;
    }
  }
  Summaries = Entry.Facts.get();
  project::setKnownFacts(*Summaries);
  return *Summaries;
}

bool CoroGuardCheck::isAnalysedCode(SourceLocation Spelling,
                                    const SourceManager &SM) {
  Spelling = SM.getSpellingLoc(Spelling);
  if (SM.isInMainFile(Spelling))
    return true;
  if (SM.isInSystemHeader(Spelling))
    return false;
  if (!HeaderFilter) {
    const tidy::ClangTidyOptions &Options = TidyContext->getOptions();
    HeaderFilter.emplace();
    if (!Options.HeaderFilterRegex.value_or("").empty())
      HeaderFilter->Include.emplace(*Options.HeaderFilterRegex);
    if (!Options.ExcludeHeaderFilterRegex.value_or("").empty())
      HeaderFilter->Exclude.emplace(*Options.ExcludeHeaderFilterRegex);
  }
  OptionalFileEntryRef File = SM.getFileEntryRefForID(SM.getFileID(Spelling));
  if (!File || !HeaderFilter->Include)
    return false;
  llvm::StringRef Name = File->getName();
  return HeaderFilter->Include->match(Name) &&
         !(HeaderFilter->Exclude && HeaderFilter->Exclude->match(Name));
}

} // namespace clang::coroguard
