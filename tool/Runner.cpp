//===--- Runner.cpp -------------------------------------------------------===//

#include "Runner.h"

#include "TranslationUnit.h"

#include "CheckCatalog.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/GlobList.h"
#include "model/ModelLoader.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
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

/// With --diff: what a unit the change does not touch may still matter
/// for, through the facts of other files.
struct Untouched {
  /// Its result was in the cache: its facts and pending findings count.
  bool Cached = false;
  /// Else the files it reads, to look for the names of functions the
  /// change may make block.
  std::vector<std::string> Reads;
};

/// The result of \p File: from the cache when its inputs are unchanged,
/// else from an analysis; an empty one when its model is bad (reported in
/// \p Errors). Nothing when --diff leaves it out (and \p Skipped then
/// says what it reads). \p Force analyses a unit --diff would leave out.
static std::optional<TranslationUnitResult>
runOne(const tooling::CompilationDatabase &Compilations,
       const std::string &File, const RunSettings &Settings,
       std::vector<InputError> &Errors, Untouched *Skipped = nullptr,
       bool Force = false) {
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
      // Untouched, it is still read: a function it calls may be one the
      // change makes block.
      if (Settings.Changes && !touchedBy(*Settings.Changes, Read) && Skipped)
        Skipped->Cached = true;
      return Hit;
    }
  }
  if (Settings.Changes && !Force) {
    std::vector<std::string> Reads = filesIncludedBy(Compilations, File);
    if (!touchedBy(*Settings.Changes, Reads)) {
      if (Skipped)
        Skipped->Reads = std::move(Reads);
      return std::nullopt;
    }
  }
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

/// `f` of `ns::f` or `ns::f<int>`.
static llvm::StringRef unqualifiedName(llvm::StringRef Qualified) {
  Qualified = Qualified.take_until([](char C) { return C == '<'; });
  size_t Colons = Qualified.rfind("::");
  return Colons == llvm::StringRef::npos ? Qualified
                                         : Qualified.substr(Colons + 2);
}

/// Whether one of \p Files (a unit's, its system headers aside) holds one
/// of \p Names as an identifier. Files are read once per run.
static bool mentionsAny(const std::vector<std::string> &Files,
                        const llvm::StringSet<> &Names) {
  if (Names.empty())
    return false;
  static std::mutex Lock;
  static llvm::StringMap<std::vector<std::string>> Identifiers;
  std::lock_guard<std::mutex> Guard(Lock);
  for (const std::string &File : Files) {
    llvm::StringRef Path(File);
    if (Path.starts_with("/usr/") || Path.starts_with("/opt/"))
      continue;
    auto [It, New] = Identifiers.try_emplace(File);
    if (New)
      if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
        llvm::StringRef Text = (*Buffer)->getBuffer();
        llvm::StringSet<> Unique;
        for (size_t I = 0; I < Text.size();) {
          if (!llvm::isAlpha(Text[I]) && Text[I] != '_') {
            ++I;
            continue;
          }
          size_t End = I;
          while (End < Text.size() &&
                 (llvm::isAlnum(Text[End]) || Text[End] == '_'))
            ++End;
          Unique.insert(Text.slice(I, End));
          I = End;
        }
        for (const auto &Name : Unique)
          It->second.push_back(Name.getKey().str());
      }
    if (llvm::any_of(It->second,
                     [&](const std::string &Id) { return Names.contains(Id); }))
      return true;
  }
  return false;
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
  std::vector<project::FunctionFacts> Facts;
  size_t Done = 0;
  auto NoteDone = [&](const std::string &File) {
    std::lock_guard<std::mutex> Guard(Lock);
    if (Settings.Progress)
      Settings.Progress(File, ++Done, Files.size());
  };
  // With --diff: the units left out, and what they read.
  std::vector<std::pair<std::string, std::vector<std::string>>> LeftOut;
  auto RunAndCollect = [&](const std::string &File, bool Force) {
    auto Finished = llvm::make_scope_exit([&] {
      if (!Force)
        NoteDone(File);
    });
    std::vector<InputError> FileErrors;
    Untouched Skipped;
    std::optional<TranslationUnitResult> Result =
        runOne(Compilations, File, Settings, FileErrors, &Skipped, Force);
    std::lock_guard<std::mutex> Guard(Lock);
    for (auto &E : FileErrors)
      ModelErrors.push_back(std::move(E));
    if (!Result) {
      if (Settings.Changes)
        LeftOut.push_back({File, std::move(Skipped.Reads)});
      return;
    }
    // A unit the change does not touch counts only for the findings that
    // wait for other files' facts (the change may decide them), and for
    // its facts.
    if (Force || Skipped.Cached)
      llvm::erase_if(Result->Errors, [](const tidy::ClangTidyError &E) {
        return !project::waitsForCondition(E.Message.Message);
      });
    else
      Analysed.push_back(File);
    for (FunctionSpan &Span :
         functionsHoldingFindings(Result->Errors, Result->Functions))
      Functions[Span.File].push_back(std::move(Span));
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
    for (project::FunctionFacts &F : Result->Facts)
      Facts.push_back(std::move(F));
  };

  auto RunAll = [&](const std::vector<std::string> &Units, bool Force) {
    if (Settings.Jobs <= 1 || Units.size() <= 1) {
      for (const std::string &File : Units)
        RunAndCollect(File, Force);
      return;
    }
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(
        std::min<unsigned>(Settings.Jobs, Units.size())));
    // The largest files first, so that the last one to finish is a small
    // one and the workers end together.
    for (const std::string *File : largestFirst(Units))
      Pool.async(
          [&RunAndCollect, File, Force] { RunAndCollect(*File, Force); });
    Pool.wait();
  };
  RunAll(Files, /*Force=*/false);
  // --diff: a unit the change leaves out may call a function whose facts
  // the change decides. Those that name a function some unit wrote facts
  // of are analysed too, until no new name turns up.
  for (size_t Named = 0; Settings.Changes && !LeftOut.empty();) {
    llvm::StringSet<> Names;
    for (; Named < Facts.size(); ++Named)
      Names.insert(unqualifiedName(Facts[Named].Name));
    std::vector<std::string> Now;
    llvm::erase_if(LeftOut, [&](const auto &Unit) {
      if (!mentionsAny(Unit.second, Names))
        return false;
      Now.push_back(Unit.first);
      return true;
    });
    if (Now.empty())
      break;
    std::vector<std::pair<std::string, std::vector<std::string>>> Before;
    std::swap(Before, LeftOut);
    RunAll(Now, /*Force=*/true);
    llvm::append_range(LeftOut, Before);
  }

  Report R;
  R.Errors = std::move(ModelErrors);
  R.FilesRead = std::move(FilesRead);
  llvm::sort(Analysed);
  R.Analysed = std::move(Analysed);
  collectFindings(RawErrors, Functions, R);
  R.Facts = std::move(Facts);
  return R;
}

} // namespace clang::coroguard
