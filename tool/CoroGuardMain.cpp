//===--- CoroGuardMain.cpp - the coroguard command-line front -------------===//
//
// coroguard [options] <files...> [-- <compiler flags>]
//
// Exit codes: 0 no findings, 1 findings, 2 usage error, unreadable input or
// a translation unit that failed to compile (the others are still analysed
// and reported).
//
//===----------------------------------------------------------------------===//

#include "Baseline.h"
#include "ChangedLines.h"
#include "CheckCatalog.h"
#include "CheckDocs.h"
#include "CommandLine.h"
#include "FixApplier.h"
#include "Identity.h"
#include "InputSetup.h"
#include "JsonInput.h"
#include "MergeCommand.h"
#include "ModelDump.h"
#include "OutputFile.h"
#include "Progress.h"
#include "ProjectResolution.h"
#include "ReportOutput.h"
#include "ResultCache.h"
#include "Runner.h"
#include "Version.h"
#include "model/ModelLoader.h"
#include "model/ModelParser.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

#include <optional>

namespace cl = llvm::cl;

namespace project = clang::coroguard::project;

namespace {

using clang::coroguard::ReportFormat;
enum class ProgressMode { Auto, Always, Never };

cl::OptionCategory Category("coroguard options");
cl::SubCommand
    MergeCommand("merge",
                 "Combine the JSON reports of shards (--shard=K/N) into the "
                 "report one run over all files writes: coroguard merge "
                 "a.json b.json ... --format=json|sarif|text");
cl::list<std::string> MergeInputs(cl::Positional, cl::sub(MergeCommand),
                                  cl::desc("<JSON reports>"), cl::OneOrMore,
                                  cl::cat(Category));

cl::list<std::string> SourcePaths(cl::Positional, cl::desc("<source files>"),
                                  cl::cat(Category));
cl::opt<std::string> BuildPath(
    "p",
    cl::desc("Build directory containing compile_commands.json; with no "
             "source files, every file in it is analysed"),
    cl::value_desc("build dir"), cl::cat(Category));
cl::opt<std::string> Checks(
    "checks",
    cl::desc("Comma-separated globs of checks, appended to the configured "
             "ones as in clang-tidy: '-*,coroguard-x' runs only coroguard-x, "
             "'-coroguard-x' removes one (default: coroguard-*)"),
    cl::value_desc("globs"), cl::cat(Category));
cl::opt<ReportFormat> OutputFormat(
    "format", cl::desc("Report format"), cl::init(ReportFormat::Text),
    cl::values(clEnumValN(ReportFormat::Text, "text",
                          "clang-style diagnostics"),
               clEnumValN(ReportFormat::Json, "json", "JSON (docs/output.md)"),
               clEnumValN(ReportFormat::Sarif, "sarif", "SARIF 2.1.0"),
               clEnumValN(ReportFormat::CodeClimate, "codeclimate",
                          "GitLab Code Quality (Code Climate issues)"),
               clEnumValN(ReportFormat::Html, "html",
                          "a static report to browse, written to the "
                          "directory --output names")),
    cl::sub(cl::SubCommand::getTopLevel()), cl::sub(MergeCommand),
    cl::cat(Category));
cl::opt<std::string>
    OutputFile("output",
               cl::desc("Write the report here instead of standard output "
                        "(--format=html: the directory of the report)"),
               cl::value_desc("path"), cl::sub(cl::SubCommand::getTopLevel()),
               cl::sub(MergeCommand), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply fix-its to the sources (atomically)"),
                  cl::cat(Category));
cl::opt<std::string>
    ExportFixes("export-fixes",
                cl::desc("Write fix-its as YAML for clang-apply-replacements"),
                cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled checks and exit"),
                         cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("Print no summary on standard error"),
                    cl::sub(cl::SubCommand::getTopLevel()),
                    cl::sub(MergeCommand), cl::cat(Category));
cl::opt<std::string>
    Config("config",
           cl::desc("Configuration in .clang-tidy YAML/JSON form, e.g. "
                    "\"{Checks: 'coroguard-*', CheckOptions: {...}}\""),
           cl::value_desc("yaml"), cl::cat(Category));
cl::opt<std::string>
    ConfigFile("config-file", cl::desc("Read the configuration from this file"),
               cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> HeaderFilter(
    "header-filter",
    cl::desc("Regular expression of headers to report findings in, besides "
             "the main files"),
    cl::value_desc("regex"), cl::cat(Category));
cl::list<std::string>
    ExtraArgs("extra-arg",
              cl::desc("Additional argument to append to the compiler "
                       "command line"),
              cl::value_desc("arg"), cl::cat(Category));
cl::list<std::string> ModelFiles(
    "model",
    cl::desc("Resource model file (JSON, see docs/model.md) added to the "
             "built-in profiles; repeatable, later files override earlier "
             "entries"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> FixStyle(
    "fix-style",
    cl::desc("The fix-its of resource findings: 'library' (the library's own "
             "guard or scope function where the model names one, else the "
             "portable rewrite) or 'portable'; overrides coroguard.FixStyle"),
    cl::value_desc("library|portable"), cl::cat(Category));
cl::opt<std::string> ErrorReporter(
    "error-reporter",
    cl::desc("Function that reports a std::exception_ptr: the fix-its of "
             "dropped errors outside main hand the error to it; overrides "
             "coroguard.ErrorReporter"),
    cl::value_desc("function"), cl::cat(Category));
cl::opt<bool> DumpModel(
    "dump-model",
    cl::desc("Print the effective model (built-in profiles, model files of "
             "the configuration and --model files) as JSON and exit"),
    cl::cat(Category));
cl::opt<std::string> ProjectRoot(
    "project-root",
    cl::desc("Directory that baseline paths, finding identities and SARIF "
             "URIs are relative to (default: the nearest directory above "
             "the working directory that holds .git, else the working "
             "directory)"),
    cl::value_desc("dir"), cl::sub(cl::SubCommand::getTopLevel()),
    cl::sub(MergeCommand), cl::cat(Category));
cl::opt<bool> CacheReadOnly(
    "cache-read-only",
    cl::desc("Look results up in the cache but store nothing and evict "
             "nothing (a shared cache another job fills); a cache directory "
             "that exists but cannot be written is read so anyway"),
    cl::cat(Category));
cl::opt<std::string> WriteBaseline(
    "write-baseline",
    cl::desc("Record the findings of this run in a baseline file; the exit "
             "code is then 0 unless a file could not be analysed"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> WriteSummaries(
    "write-summaries",
    cl::desc("Write what the project's functions do (blocking, error "
             "handling) to a summary file, for the clang-tidy plugin and "
             "coroguard-clangd (option coroguard.SummaryFile; "
             "docs/whole-program.md)"),
    cl::value_desc("file"), cl::sub(cl::SubCommand::getTopLevel()),
    cl::sub(MergeCommand), cl::cat(Category));
cl::opt<std::string> BaselineFile(
    "baseline",
    cl::desc("Report only findings that are not in this baseline; the exit "
             "code follows the new findings"),
    cl::value_desc("file"), cl::cat(Category));
cl::opt<bool> PruneBaseline(
    "prune-baseline",
    cl::desc("With --baseline: rewrite the baseline without the findings "
             "that are fixed"),
    cl::cat(Category));
cl::opt<std::string> DiffRev(
    "diff",
    cl::desc("Analyse only what changed since this git revision (git diff "
             "-U0 <rev>): translation units that include a changed file, "
             "findings on changed lines"),
    cl::value_desc("rev"), cl::cat(Category));
cl::opt<std::string> DiffFile(
    "diff-file",
    cl::desc("As --diff, with the changes read from a unified diff whose "
             "paths are relative to the project root ('-' for standard "
             "input)"),
    cl::value_desc("patch"), cl::cat(Category));
cl::opt<ProgressMode> Progress(
    "progress", cl::desc("Show '[n/N] file … elapsed, ETA' on standard error"),
    cl::init(ProgressMode::Auto),
    cl::values(clEnumValN(ProgressMode::Auto, "auto",
                          "when standard error is a terminal (default)"),
               clEnumValN(ProgressMode::Always, "always",
                          "always; a line per file when not a terminal"),
               clEnumValN(ProgressMode::Never, "never", "never")),
    cl::cat(Category));
cl::opt<std::string>
    Shard("shard",
          cl::desc("Analyse only part K of N of the files (1 <= K <= N), a "
                   "deterministic partition balanced by file size; combine the "
                   "JSON reports of the N parts with 'coroguard merge'"),
          cl::value_desc("K/N"), cl::cat(Category));
cl::opt<std::string> DocsUrl(
    "docs-url",
    cl::desc("Base URL of the check pages, for SARIF helpUri (default: the "
             "pages installed with coroguard)"),
    cl::value_desc("url"), cl::sub(cl::SubCommand::getTopLevel()),
    cl::sub(MergeCommand), cl::cat(Category));
cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Keep the results of translation units here and reuse them "
             "while nothing they depend on changes (default: "
             "$COROGUARD_CACHE_DIR, else $XDG_CACHE_HOME/coroguard)"),
    cl::value_desc("dir"), cl::cat(Category));
cl::opt<bool> NoCache("no-cache",
                      cl::desc("Analyse every translation unit; neither read "
                               "nor write the result cache"),
                      cl::cat(Category));
cl::opt<std::string> CacheMaxSize(
    "cache-max-size",
    cl::desc("Bound the cache; the entries used least recently are removed "
             "first (e.g. 512M, 2G; default 1G)"),
    cl::value_desc("size"), cl::init("1G"), cl::cat(Category));
cl::opt<bool> CacheStatsOption(
    "cache-stats",
    cl::desc("Print the cache's hits, misses and size on standard error"),
    cl::cat(Category));
// -j4, -j 4 and -j=4, as make and ninja users write it.
cl::opt<unsigned> Jobs("j",
                       cl::desc("Translation units analysed in parallel "
                                "(default: one per core)"),
                       cl::init(0), cl::Prefix, cl::cat(Category));

using clang::coroguard::ExitClean;
using clang::coroguard::ExitError;
using clang::coroguard::ExitFindings;

int usageError(const llvm::Twine &Message) {
  llvm::errs() << "coroguard: error: " << Message << "\n";
  return ExitError;
}

/// Every positive glob must name at least one check: a typo would otherwise
/// silently disable the gate.
bool checkGlobsMatchSomething(llvm::StringRef Globs, std::string &Bad) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    if (Part.empty() || Part.starts_with("-"))
      continue;
    if (Part.starts_with("clang-diagnostic-"))
      continue;
    clang::tidy::GlobList Glob(Part);
    bool Any = false;
    for (const clang::coroguard::CheckInfo &Info :
         clang::coroguard::getCheckCatalog())
      Any |= Glob.contains(Info.Name);
    if (!Any) {
      Bad = Part.str();
      return false;
    }
  }
  return true;
}

/// A hash of the file at \p Path (empty when it cannot be read): parts of
/// a sharded run must have been compared with the same baseline.
std::string fileHash(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false);
  if (!Buffer)
    return "";
  return llvm::utohexstr(llvm::xxh3_64bits((*Buffer)->getBuffer()),
                         /*LowerCase=*/true, /*Width=*/16);
}

/// Whether the compilation database holds a file that \p Chosen leaves
/// out. (Flags after `--` make a database of no files: the run is the
/// project.)
bool leavesUnitsOut(const clang::tooling::CompilationDatabase &Db,
                    const std::vector<std::string> &Chosen) {
  auto Normal = [](llvm::StringRef Path) {
    llvm::SmallString<256> P(Path);
    llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
    return std::string(P);
  };
  llvm::StringSet<> Selected;
  for (const std::string &File : Chosen)
    Selected.insert(Normal(File));
  return llvm::any_of(Db.getAllFiles(), [&](const std::string &File) {
    return !Selected.contains(Normal(File));
  });
}

llvm::Expected<clang::coroguard::ChangedLines>
readDiffFile(const std::string &Path, llvm::StringRef Root) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> Patch =
      llvm::MemoryBuffer::getFileOrSTDIN(Path, /*IsText=*/true);
  if (!Patch)
    return llvm::createStringError("cannot read the diff '" + Path +
                                   "': " + Patch.getError().message());
  return clang::coroguard::ChangedLines::fromDiff((*Patch)->getBuffer(), Root);
}

clang::coroguard::ReportDestination destination(llvm::StringRef Root,
                                                const std::string &OutputPath,
                                                const char *Argv0) {
  clang::coroguard::ReportDestination To;
  To.Format = OutputFormat;
  To.Path = OutputPath;
  To.Root = Root.str();
  To.DocsBase = clang::coroguard::docsBase(DocsUrl, Argv0);
  return To;
}

/// 17.5 KiB, 3.2 MiB, 1.0 GiB.
std::string humanSize(uint64_t Bytes) {
  const char *Unit = "KiB";
  double Value = Bytes / 1024.0;
  for (const char *Larger : {"MiB", "GiB"})
    if (Value >= 1024) {
      Value /= 1024;
      Unit = Larger;
    }
  return llvm::formatv("{0:F1} {1}", Value, Unit).str();
}

/// clang-tidy's errors as --export-fixes writes them: a finding that waits
/// for another file's facts is exported when its condition holds, without
/// its condition.
void settleRawErrors(std::vector<clang::tidy::ClangTidyError> &Errors,
                     const project::FactBase &Facts) {
  llvm::erase_if(Errors, [&](clang::tidy::ClangTidyError &E) {
    std::optional<project::Condition> When =
        project::takeCondition(E.Message.Message);
    return When && !Facts.holds(*When);
  });
}

} // namespace

int main(int Argc, const char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter([](llvm::raw_ostream &OS) {
    OS << "coroguard " << clang::coroguard::CoroGuardVersion << " (LLVM "
       << LLVM_VERSION_STRING << ")\n";
  });

  std::string FixedDbError;
  std::unique_ptr<clang::tooling::CompilationDatabase> FlagsAfterDashDash =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
          Argc, Argv, FixedDbError);
  if (!FixedDbError.empty())
    return usageError(FixedDbError);
  if (!clang::coroguard::parseCommandLine(
          Argc, Argv,
          "coroguard: finds async-resource misuse in C++20 coroutines.\n\n"
          "  coroguard [options] <files...> [-- <compiler flags>]\n"
          "  coroguard -p <build dir> [<files...>]\n"))
    return ExitError;

  // Every path the user gave is resolved now, against the directory the
  // run starts in: nothing reads the process's working directory once the
  // analysis runs.
  llvm::SmallString<256> StartDirectory;
  if (std::error_code EC = llvm::sys::fs::current_path(StartDirectory))
    return usageError("cannot read the working directory: " + EC.message());
  auto Absolute = [&](llvm::StringRef Path) {
    if (Path.empty() || Path == "-")
      return Path.str();
    llvm::SmallString<256> Abs(Path);
    llvm::sys::path::make_absolute(StartDirectory, Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    return std::string(Abs);
  };
  const std::string OutputPath = Absolute(OutputFile);
  const std::string ExportFixesPath = Absolute(ExportFixes);
  const std::string BaselinePath = Absolute(BaselineFile);
  const std::string WriteBaselinePath = Absolute(WriteBaseline);
  const std::string WriteSummariesPath = Absolute(WriteSummaries);
  const std::string Root =
      ProjectRoot.empty() ? clang::coroguard::findProjectRoot(StartDirectory)
                          : Absolute(ProjectRoot);
  if (OutputFormat == clang::coroguard::ReportFormat::Html &&
      OutputPath.empty())
    return usageError("--format=html writes a directory of pages: name it "
                      "with --output=<dir>");
  if (MergeCommand)
    return clang::coroguard::runMerge({MergeInputs, Root, WriteSummariesPath,
                                       destination(Root, OutputPath, Argv[0]),
                                       Quiet});
  if (!Shard.empty() && !WriteSummariesPath.empty())
    return usageError("--write-summaries needs the whole project's facts; "
                      "give it to `coroguard merge` of a sharded run");
  if (PruneBaseline && BaselinePath.empty())
    return usageError("--prune-baseline needs --baseline=<file>");
  if (!DiffRev.empty() && !DiffFile.empty())
    return usageError("--diff and --diff-file cannot be combined");
  const bool DiffMode = !DiffRev.empty() || !DiffFile.empty();
  if (DiffMode && !WriteBaselinePath.empty())
    return usageError("--write-baseline records a whole run; it cannot be "
                      "combined with --diff or --diff-file");
  std::optional<clang::coroguard::ChangedLines> Changes;
  if (DiffMode) {
    llvm::Expected<clang::coroguard::ChangedLines> Read =
        DiffRev.empty()
            ? readDiffFile(Absolute(DiffFile), Root)
            : clang::coroguard::ChangedLines::fromGit(DiffRev, StartDirectory);
    if (!Read)
      return usageError(
          (DiffFile.empty() ? "" : "--diff-file='" + DiffFile + "': ") +
          llvm::toString(Read.takeError()));
    Changes = std::move(*Read);
    // Paths of a diff are relative to the root it was made in: read against
    // another root, none of them exists and nothing would be analysed.
    std::vector<std::string> Missing = Changes->missingFiles();
    if (!Missing.empty() && Missing.size() == Changes->named())
      return usageError(
          "none of the " + std::to_string(Missing.size()) +
          " files the diff changes exists under the project root '" + Root +
          "' (e.g. '" + Missing.front() +
          "'); run from the repository or give --project-root");
    for (const std::string &File : Missing)
      llvm::errs() << "coroguard: warning: the diff changes '" << File
                   << "', which does not exist\n";
  }
  std::optional<std::vector<clang::coroguard::BaselineEntry>> Baseline;
  std::string BaselineHash;
  if (!BaselinePath.empty()) {
    auto Read = clang::coroguard::readBaseline(BaselinePath);
    if (!Read)
      return usageError(llvm::toString(Read.takeError()));
    Baseline = std::move(*Read);
    BaselineHash = fileHash(BaselinePath);
    // Its paths are relative to the project root: read against another
    // root (a run from outside the repository), no entry can match, and
    // every finding would count as new.
    if (!Baseline->empty() &&
        llvm::none_of(*Baseline, [&](const clang::coroguard::BaselineEntry &E) {
          llvm::SmallString<256> Path(Root);
          llvm::sys::path::append(Path, E.File);
          return llvm::sys::fs::exists(Path);
        }))
      llvm::errs() << "coroguard: warning: none of the files the baseline "
                      "names exists under the project root '"
                   << Root << "' (e.g. '" << Baseline->front().File
                   << "'); run from the repository or give --project-root\n";
  }

  std::optional<uint64_t> CacheLimit =
      clang::coroguard::parseByteSize(CacheMaxSize);
  if (!CacheLimit)
    return usageError("--cache-max-size='" + CacheMaxSize +
                      "': expected a size such as 512M or 2G");

  if (!HeaderFilter.empty()) {
    std::string Problem;
    if (!llvm::Regex(HeaderFilter).isValid(Problem))
      return usageError("invalid --header-filter '" + HeaderFilter +
                        "': " + Problem);
  }

  clang::coroguard::ToolConfiguration ToolConfig;
  ToolConfig.ChecksOverride = Checks;
  ToolConfig.HeaderFilter = HeaderFilter;
  if (llvm::Error Err =
          clang::coroguard::loadConfiguration(Config, ConfigFile, ToolConfig))
    return usageError(llvm::toString(std::move(Err)));
  if (FixStyle.getNumOccurrences()) {
    if (FixStyle != "library" && FixStyle != "portable")
      return usageError("invalid --fix-style '" + FixStyle +
                        "': expected 'library' or 'portable'");
    ToolConfig.CheckOptionOverrides[clang::coroguard::options::FixStyle.str()] =
        FixStyle;
  }
  if (ErrorReporter.getNumOccurrences())
    ToolConfig
        .CheckOptionOverrides[clang::coroguard::options::ErrorReporter.str()] =
        ErrorReporter;
  for (const std::string &File : ModelFiles) {
    std::string Abs = Absolute(File);
    if (auto Doc = clang::coroguard::readModelFile(Abs); !Doc)
      return usageError(llvm::toString(Doc.takeError()));
    ToolConfig.ExtraModelFiles.push_back(Abs);
  }
  std::string EffectiveChecks = ToolConfig.effectiveChecks();
  if (std::string Bad; !checkGlobsMatchSomething(EffectiveChecks, Bad))
    return usageError("check glob '" + Bad +
                      "' matches no check; see --list-checks");

  // --list-checks and --dump-model describe the configuration that applies
  // to the first file, or to the current directory, as clang-tidy does.
  llvm::SmallString<256> Probe;
  if (!SourcePaths.empty()) {
    Probe = Absolute(SourcePaths.front());
  } else {
    Probe = StartDirectory;
    llvm::sys::path::append(Probe, "coroguard-probe.cpp");
  }
  if (DumpModel) {
    auto Model = clang::coroguard::loadModel(ToolConfig.modelFilesFor(Probe));
    if (!Model)
      return usageError(llvm::toString(Model.takeError()));
    clang::coroguard::writeModelJson(**Model, llvm::outs());
    return ExitClean;
  }

  if (ListChecks) {
    clang::tidy::GlobList Enabled(
        ToolConfig.makeOptionsProvider()->getOptions(Probe).Checks.value_or(
            EffectiveChecks));
    llvm::outs() << "Enabled checks:\n";
    for (const clang::coroguard::CheckInfo &Info :
         clang::coroguard::getCheckCatalog())
      if (Enabled.contains(Info.Name))
        llvm::outs() << "    " << Info.Name << "\n";
    return ExitClean;
  }

  clang::coroguard::Report Report;
  clang::coroguard::InputSet Inputs;
  if (llvm::Error Err = clang::coroguard::resolveInputs(
          SourcePaths, BuildPath, std::move(FlagsAfterDashDash), ExtraArgs,
          Inputs, Report.Errors))
    return usageError(llvm::toString(std::move(Err)));
  for (const clang::coroguard::InputError &E : Report.Errors)
    llvm::errs() << "coroguard: error: " << E.Message << "\n";
  // A run that leaves units of the project out cannot tell that a header's
  // baselined finding is gone: a unit it did not analyse may produce it.
  const bool PartialRun = !Shard.empty() || DiffMode ||
                          leavesUnitsOut(*Inputs.Compilations, Inputs.Files);
  unsigned K = 0, N = 0;
  if (!Shard.empty()) {
    auto [KText, NText] = llvm::StringRef(Shard).split('/');
    if (KText.getAsInteger(10, K) || NText.getAsInteger(10, N) || K < 1 ||
        K > N)
      return usageError("--shard='" + Shard +
                        "': expected K/N with 1 <= K <= N, e.g. 2/3");
    Inputs.Files = clang::coroguard::shardOf(Inputs.Files, K, N);
  }
  // A report written over a source would destroy it: refused before
  // anything runs.
  const std::string PrunedPath = PruneBaseline ? BaselinePath : "";
  for (const auto &[Option, Path] :
       {std::pair<llvm::StringRef, const std::string &>{"--output", OutputPath},
        {"--export-fixes", ExportFixesPath},
        {"--write-baseline", WriteBaselinePath},
        {"--prune-baseline", PrunedPath}})
    if (!Path.empty())
      for (const std::string &File : Inputs.Files)
        if (llvm::sys::fs::equivalent(Path, File))
          return usageError(Option + "='" + Path +
                            "' names a file that is analysed; write the "
                            "report somewhere else");

  clang::coroguard::RunSettings Settings;
  Settings.Jobs =
      Jobs ? Jobs : llvm::hardware_concurrency().compute_thread_count();
  Settings.MakeOptionsProvider = [&ToolConfig] {
    return ToolConfig.makeOptionsProvider();
  };
  Settings.ModelFilesFor = [&ToolConfig](llvm::StringRef File) {
    return ToolConfig.modelFilesFor(File);
  };
  Settings.Changes = Changes ? &*Changes : nullptr;
  std::unique_ptr<clang::coroguard::ResultCache> Cache;
  std::string NoCacheReason = "--no-cache";
  if (!NoCache) {
    // A cache that cannot be used slows the run down; it never fails it.
    // Only a directory the user named is worth a warning: a home directory
    // that cannot be written (a CI container) is no mistake of theirs.
    const bool Named =
        !CacheDir.empty() ||
        !llvm::sys::Process::GetEnv("COROGUARD_CACHE_DIR").value_or("").empty();
    auto Opened = clang::coroguard::ResultCache::open(
        CacheDir.empty() ? clang::coroguard::defaultCacheDirectory()
                         : Absolute(CacheDir),
        *CacheLimit,
        clang::coroguard::toolIdentity(Argv[0],
                                       reinterpret_cast<void *>(&usageError)),
        CacheReadOnly);
    if (Opened) {
      Cache = std::move(*Opened);
    } else {
      NoCacheReason = llvm::toString(Opened.takeError());
      if (Named)
        llvm::errs() << "coroguard: warning: " << NoCacheReason
                     << "; analysing without the result cache\n";
    }
  }
  Settings.Cache = Cache.get();
  const bool Terminal = llvm::sys::Process::StandardErrIsDisplayed();
  std::optional<clang::coroguard::ProgressLine> ProgressShown;
  if (Progress == ProgressMode::Always ||
      (Progress == ProgressMode::Auto && Terminal && !Quiet)) {
    ProgressShown.emplace(llvm::errs(), Terminal);
    Settings.Progress = [&](llvm::StringRef File, size_t Done, size_t Total) {
      ProgressShown->update(File, Done, Total);
    };
  }
  std::vector<clang::tidy::ClangTidyError> RawErrors;
  clang::coroguard::Report Analysed = clang::coroguard::runChecks(
      *Inputs.Compilations, Inputs.Files, Settings, RawErrors);
  ProgressShown.reset();
  if (Cache) {
    clang::coroguard::CacheStats Stats = Cache->trim();
    if (CacheStatsOption)
      llvm::errs() << "coroguard: cache: " << Stats.Hits << " hit"
                   << (Stats.Hits == 1 ? "" : "s") << ", " << Stats.Misses
                   << " miss" << (Stats.Misses == 1 ? "" : "es") << "; "
                   << Stats.Entries << " entr"
                   << (Stats.Entries == 1 ? "y" : "ies") << ", "
                   << humanSize(Stats.Bytes) << " of "
                   << humanSize(Stats.MaxBytes) << " in " << Cache->directory()
                   << (Cache->readOnly() ? " (read-only)" : "") << "\n";
    if (CacheStatsOption && Stats.NotStored)
      llvm::errs() << "coroguard: cache: " << Stats.NotStored << " result"
                   << (Stats.NotStored == 1 ? "" : "s")
                   << " not stored (the first: " << Stats.NotStoredWhy << ")\n";
  } else if (CacheStatsOption) {
    llvm::errs() << "coroguard: cache: not used (" << NoCacheReason << ")\n";
  }
  for (const clang::coroguard::InputError &E : Analysed.Errors)
    llvm::errs() << "coroguard: error: " << E.Message << "\n";
  Report.Findings = std::move(Analysed.Findings);
  Report.FilesRead = std::move(Analysed.FilesRead);
  Report.Analysed = std::move(Analysed.Analysed);
  Report.Sources = std::move(Analysed.Sources);
  Report.Pending = std::move(Analysed.Pending);
  Report.Facts = std::move(Analysed.Facts);
  for (auto &E : Analysed.Errors)
    Report.Errors.push_back(std::move(E));
  clang::coroguard::sortReport(Report);
  // Findings that wait for facts of other files are decided now, over the
  // whole run; a part of a sharded run leaves them to `coroguard merge`.
  project::FactBase Facts;
  if (Shard.empty()) {
    Facts = clang::coroguard::resolveProject(Report);
    Report.Pending.clear();
  }
  settleRawErrors(RawErrors, Facts);

  clang::coroguard::assignIdentities(Report, Root);
  std::optional<clang::coroguard::BaselineComparison> Comparison;
  if (Baseline) {
    Comparison = clang::coroguard::compareWithBaseline(Report, *Baseline, Root,
                                                       PartialRun);
    for (size_t I = 0; I < Report.Findings.size(); ++I)
      Report.Findings[I].InBaseline =
          Comparison->Known[I] ? clang::coroguard::Finding::Baseline::Unchanged
                               : clang::coroguard::Finding::Baseline::New;
  }
  // Identities and the baseline are decided on every finding; only then
  // are those off the changed lines left out.
  if (Changes) {
    // A finding decided by another file's facts is the change's when its
    // chain passes a changed line (a helper made to block).
    llvm::erase_if(Report.Findings, [&](const clang::coroguard::Finding &F) {
      return !Changes->touches(F) &&
             !(F.CrossUnit &&
               llvm::any_of(F.Notes, [&](const clang::coroguard::Note &N) {
                 return Changes->changes(N.Where.File, N.Where.Line);
               }));
    });
    if (Comparison)
      clang::coroguard::recountFindings(*Comparison, Report);
  }
  // Writing a baseline accepts this run's findings: it fails only on
  // errors, so the first step of adopting the gate passes under `set -e`.
  const size_t NewFindings = Comparison ? Comparison->New
                             : !WriteBaselinePath.empty()
                                 ? 0
                                 : Report.Findings.size();
  const int ResultCode = !Report.Errors.empty() ? ExitError
                         : NewFindings          ? ExitFindings
                                                : ExitClean;

  int Status = ExitClean;
  clang::coroguard::ReportDestination To =
      destination(Root, OutputPath, Argv[0]);
  if (!Shard.empty()) {
    To.Part.emplace();
    To.Part->Index = K;
    To.Part->Count = N;
    To.Part->Baseline = BaselineHash;
  }
  if (!clang::coroguard::writeReport(
          Report, Comparison ? &*Comparison : nullptr, To, ResultCode))
    Status = ExitError;

  if (!ExportFixesPath.empty())
    if (llvm::Error Err = clang::coroguard::writeOutputFile(
            ExportFixesPath, [&](llvm::raw_ostream &OS) {
              clang::tidy::exportReplacements(
                  Inputs.Files.empty() ? "" : Inputs.Files.front(), RawErrors,
                  OS);
            })) {
      llvm::errs() << "coroguard: error: cannot write '" << ExportFixes
                   << "': " << llvm::toString(std::move(Err)) << "\n";
      Status = ExitError;
    }
  if (Fix) {
    unsigned Applied = 0;
    if (clang::coroguard::applyFixes(Report, llvm::errs(), Applied))
      Status = ExitError;
    if (!Quiet)
      llvm::errs() << "coroguard: applied " << Applied << " fix"
                   << (Applied == 1 ? "" : "es") << "\n";
  }
  auto WriteBaselineFile =
      [&](const std::string &Path,
          std::vector<clang::coroguard::BaselineEntry> Entries) {
        if (llvm::Error Err = clang::coroguard::writeOutputFile(
                Path, [&](llvm::raw_ostream &OS) {
                  clang::coroguard::writeBaseline(std::move(Entries), OS);
                })) {
          llvm::errs() << "coroguard: error: cannot write '" << Path
                       << "': " << llvm::toString(std::move(Err)) << "\n";
          Status = ExitError;
        }
      };
  if (!WriteBaselinePath.empty())
    WriteBaselineFile(WriteBaselinePath,
                      clang::coroguard::baselineOf(Report, Root));
  if (PruneBaseline)
    WriteBaselineFile(BaselinePath, Comparison->Kept);
  if (!clang::coroguard::writeSummaries(WriteSummariesPath, Facts))
    Status = ExitError;

  if (!Quiet) {
    llvm::errs() << "coroguard: ";
    if (Comparison)
      llvm::errs() << Comparison->New << " new, " << Comparison->Baselined
                   << " baselined, " << Comparison->Fixed.size()
                   << " fixed since the baseline"
                   << (PruneBaseline ? " (pruned)" : "") << "; ";
    llvm::errs() << clang::coroguard::summaryOf(Report);
    if (Changes)
      llvm::errs() << "; " << Inputs.Files.size() - Report.Analysed.size()
                   << " not affected by the change";
    llvm::errs() << "\n";
  }

  return Status == ExitError ? ExitError : ResultCode;
}
