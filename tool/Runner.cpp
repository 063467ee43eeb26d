//===--- Runner.cpp -------------------------------------------------------===//

#include "Runner.h"

#include "TranslationUnit.h"

#include "CheckCatalog.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/GlobList.h"
#include "model/ModelLoader.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <mutex>

namespace clang::coroguard {

using namespace clang;

/// True if the configuration that applies to \p File enables at least one
/// coroguard check: a project's .clang-tidy may disable them all, and a gate
/// that silently checks nothing must not look green.
static bool enablesAnyCheck(tidy::ClangTidyOptionsProvider &Provider,
                            llvm::StringRef File) {
  tidy::ClangTidyOptions Options = Provider.getOptions(File);
  tidy::GlobList Checks(Options.Checks.value_or(""));
  return llvm::any_of(
      clang::coroguard::getCheckCatalog(),
      [&](const auto &Info) { return Checks.contains(Info.Name); });
}

/// True if \p Files (what a unit reads) hold a line of \p Changes.
static bool touchedBy(const ChangedLines &Changes,
                      const std::vector<std::string> &Files) {
  return llvm::any_of(
      Files, [&](const std::string &File) { return Changes.changes(File); });
}

/// The result of \p File: from the cache when its inputs are unchanged,
/// else from an analysis; an empty one when its model is bad (reported in
/// \p Errors). Nothing when --diff leaves it out.
static std::optional<TranslationUnitResult>
runOne(const tooling::CompilationDatabase &Compilations,
       const std::string &File, const RunSettings &Settings,
       std::vector<InputError> &Errors) {
  // A bad model file is reported here, once per file, and the file is not
  // analysed. The checks then find the model in the process's cache.
  std::vector<std::string> ModelFiles;
  if (Settings.ModelFilesFor) {
    ModelFiles = Settings.ModelFilesFor(File);
    auto Model = clang::coroguard::loadModel(ModelFiles);
    if (!Model) {
      Errors.push_back({File, llvm::toString(Model.takeError())});
      return TranslationUnitResult();
    }
  }
  std::unique_ptr<tidy::ClangTidyOptionsProvider> Provider =
      Settings.MakeOptionsProvider();
  if (!enablesAnyCheck(*Provider, File)) {
    static std::mutex OutputLock;
    std::lock_guard<std::mutex> Guard(OutputLock);
    llvm::errs() << "coroguard: warning: the configuration for '" << File
                 << "' enables no coroguard check (see its .clang-tidy)\n";
  }
  std::string Key;
  if (Settings.Cache) {
    Key = Settings.Cache->keyOf(
        File, Compilations.getCompileCommands(File),
        tidy::configurationAsText(Provider->getOptions(File)), ModelFiles);
    if (std::optional<TranslationUnitResult> Hit =
            Settings.Cache->lookup(Key)) {
      // The manifest names what the unit reads: no preprocessor run.
      std::vector<std::string> Read;
      for (llvm::StringRef Path : Hit->FilesRead.keys())
        Read.push_back(Path.str());
      if (Settings.Changes && !touchedBy(*Settings.Changes, Read))
        return std::nullopt;
      return Hit;
    }
  }
  if (Settings.Changes &&
      !touchedBy(*Settings.Changes, filesIncludedBy(Compilations, File)))
    return std::nullopt;
  // Each worker analyses on a file system with a working directory of its
  // own: ClangTool moves it to each command's directory, and the real file
  // system's would be the process's, shared by every worker (relative -I
  // flags and "file" entries would then resolve against another worker's
  // directory).
  TranslationUnitResult Result =
      analyseTranslationUnit(Compilations, File, std::move(Provider));
  if (Result.Crashed)
    Errors.push_back({File, File + ": the analysis crashed (in clang or a "
                                   "check); its findings are lost, the other "
                                   "files are still reported"});
  else if (Settings.Cache)
    Settings.Cache->store(Key, Result);
  return Result;
}

/// \p Files, largest first (by size on disk; the same order every run).
static std::vector<const std::string *>
largestFirst(const std::vector<std::string> &Files) {
  std::vector<std::pair<uint64_t, const std::string *>> Sized;
  for (const std::string &File : Files) {
    uint64_t Size = 0;
    llvm::sys::fs::file_size(File, Size);
    Sized.push_back({Size, &File});
  }
  llvm::stable_sort(
      Sized, [](const auto &A, const auto &B) { return A.first > B.first; });
  std::vector<const std::string *> Order;
  for (const auto &Entry : Sized)
    Order.push_back(Entry.second);
  return Order;
}

Report runChecks(const tooling::CompilationDatabase &Compilations,
                 const std::vector<std::string> &Files,
                 const RunSettings &Settings,
                 std::vector<tidy::ClangTidyError> &RawErrors) {
  std::mutex Lock;
  std::vector<InputError> ModelErrors;
  llvm::StringMap<FileStamp> FilesRead;
  FunctionIndex Functions;
  std::vector<std::string> Analysed;
  size_t Done = 0;
  auto NoteDone = [&](const std::string &File) {
    std::lock_guard<std::mutex> Guard(Lock);
    if (Settings.Progress)
      Settings.Progress(File, ++Done, Files.size());
  };
  auto RunAndCollect = [&](const std::string &File) {
    auto Finished = llvm::make_scope_exit([&] { NoteDone(File); });
    std::vector<InputError> FileErrors;
    std::optional<TranslationUnitResult> Result =
        runOne(Compilations, File, Settings, FileErrors);
    std::lock_guard<std::mutex> Guard(Lock);
    for (auto &E : FileErrors)
      ModelErrors.push_back(std::move(E));
    if (!Result)
      return;
    for (FunctionSpan &Span :
         functionsHoldingFindings(Result->Errors, Result->Functions))
      Functions[Span.File].push_back(std::move(Span));
    Analysed.push_back(File);
    // A unit that failed to compile was analysed on a partial AST: its
    // findings stand, its fix-its are not offered (clang-tidy applies none
    // without --fix-errors either).
    bool Failed = llvm::any_of(Result->Errors, isCompilerError);
    for (auto &E : Result->Errors) {
      if (Failed) {
        E.Message.Fix.clear();
        for (tooling::DiagnosticMessage &N : E.Notes)
          N.Fix.clear();
      }
      RawErrors.push_back(std::move(E));
    }
    for (auto &Entry : Result->FilesRead)
      FilesRead.try_emplace(Entry.getKey(), Entry.getValue());
  };

  if (Settings.Jobs <= 1 || Files.size() <= 1) {
    for (const std::string &File : Files)
      RunAndCollect(File);
  } else {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(
        std::min<unsigned>(Settings.Jobs, Files.size())));
    // The largest files first, so that the last one to finish is a small
    // one and the workers end together.
    for (const std::string *File : largestFirst(Files))
      Pool.async([&RunAndCollect, File] { RunAndCollect(*File); });
    Pool.wait();
  }

  Report R;
  R.Errors = std::move(ModelErrors);
  R.FilesRead = std::move(FilesRead);
  llvm::sort(Analysed);
  R.Analysed = std::move(Analysed);
  collectFindings(RawErrors, Functions, R);
  return R;
}

} // namespace clang::coroguard
