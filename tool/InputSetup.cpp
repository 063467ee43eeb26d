//===--- InputSetup.cpp ---------------------------------------------------===//

#include "InputSetup.h"

#include "model/ModelLoader.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace coroguard {

using namespace clang;

static constexpr llvm::StringLiteral DefaultChecks = "-*,coroguard-*";

std::string ToolConfiguration::effectiveChecks() const {
  // As in clang-tidy, --checks is appended to the configured globs, so
  // "--checks=-*,coroguard-x" narrows and "--checks=coroguard-x" adds.
  std::string Base = ExplicitConfig && ExplicitConfig->Checks
                         ? *ExplicitConfig->Checks
                         : DefaultChecks.str();
  return ChecksOverride.empty() ? Base : Base + "," + ChecksOverride;
}

std::unique_ptr<tidy::ClangTidyOptionsProvider>
ToolConfiguration::makeOptionsProvider() const {
  tidy::ClangTidyGlobalOptions Global;
  tidy::ClangTidyOptions Defaults = tidy::ClangTidyOptions::getDefaults();
  Defaults.Checks = DefaultChecks.str();
  tidy::ClangTidyOptions Overrides;
  if (!ChecksOverride.empty())
    Overrides.Checks = ChecksOverride;
  if (!HeaderFilter.empty())
    Overrides.HeaderFilterRegex = HeaderFilter;
  if (!ExtraModelFiles.empty()) {
    std::string Joined;
    for (const std::string &File : ExtraModelFiles)
      Joined += (Joined.empty() ? "" : ";") + File;
    Overrides.CheckOptions[clang::coroguard::options::ExtraModelFiles] =
        tidy::ClangTidyOptions::ClangTidyValue(Joined);
  }
  if (ExplicitConfig)
    return std::make_unique<tidy::ConfigOptionsProvider>(
        std::move(Global), std::move(Defaults), *ExplicitConfig,
        std::move(Overrides));
  return std::make_unique<tidy::FileOptionsProvider>(
      std::move(Global), std::move(Defaults), std::move(Overrides));
}

std::vector<std::string>
ToolConfiguration::modelFilesFor(llvm::StringRef File) const {
  tidy::ClangTidyOptions Options = makeOptionsProvider()->getOptions(File);
  std::vector<std::string> Files;
  auto It = Options.CheckOptions.find(clang::coroguard::options::ModelFiles);
  if (It != Options.CheckOptions.end())
    Files = clang::coroguard::resolveModelFiles(It->second.Value, File);
  Files.insert(Files.end(), ExtraModelFiles.begin(), ExtraModelFiles.end());
  return Files;
}

bool loadConfiguration(llvm::StringRef ConfigText, llvm::StringRef ConfigPath,
                       ToolConfiguration &Out, std::string &Error) {
  if (!ConfigText.empty() && !ConfigPath.empty()) {
    Error = "--config and --config-file are mutually exclusive";
    return false;
  }
  std::unique_ptr<llvm::MemoryBuffer> Buffer;
  if (!ConfigPath.empty()) {
    auto File = llvm::MemoryBuffer::getFile(ConfigPath);
    if (!File) {
      Error = "cannot read config file '" + ConfigPath.str() +
              "': " + File.getError().message();
      return false;
    }
    Buffer = std::move(*File);
  } else if (!ConfigText.empty()) {
    Buffer = llvm::MemoryBuffer::getMemBufferCopy(ConfigText, "--config");
  } else {
    return true;
  }
  std::string Diagnostics;
  auto Parsed = tidy::parseConfigurationWithDiags(
      Buffer->getMemBufferRef(), [&](const llvm::SMDiagnostic &D) {
        if (Diagnostics.empty())
          Diagnostics = (ConfigPath.empty() ? "--config" : ConfigPath.str()) +
                        ":" + std::to_string(D.getLineNo()) + ":" +
                        std::to_string(D.getColumnNo() + 1) + ": " +
                        D.getMessage().str();
      });
  if (!Parsed) {
    Error = "invalid configuration: " +
            (Diagnostics.empty() ? Parsed.getError().message() : Diagnostics);
    return false;
  }
  Out.ExplicitConfig = std::move(*Parsed);
  return true;
}

/// Adds flags every analysis needs: the resource directory of the Clang the
/// tool was built with (the binary does not live beside it), and the user's
/// --extra-arg.
static std::unique_ptr<tooling::CompilationDatabase>
adjust(std::unique_ptr<tooling::CompilationDatabase> Db,
       const std::vector<std::string> &ExtraArgs) {
  tooling::ArgumentsAdjuster Adjuster =
      [](const tooling::CommandLineArguments &Args, llvm::StringRef) {
        for (const std::string &Arg : Args)
          if (llvm::StringRef(Arg).starts_with("-resource-dir"))
            return Args;
        tooling::CommandLineArguments Result = Args;
        Result.insert(Result.begin() + (Result.empty() ? 0 : 1),
                      "-resource-dir=" COROGUARD_CLANG_RESOURCE_DIR);
        return Result;
      };
  if (!ExtraArgs.empty())
    Adjuster = tooling::combineAdjusters(
        Adjuster, tooling::getInsertArgumentAdjuster(
                      ExtraArgs, tooling::ArgumentInsertPosition::END));
  auto Adjusting =
      std::make_unique<tooling::ArgumentsAdjustingCompilations>(std::move(Db));
  Adjusting->appendArgumentsAdjuster(Adjuster);
  return Adjusting;
}

static std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

bool resolveInputs(const std::vector<std::string> &Paths,
                   llvm::StringRef BuildPath,
                   std::unique_ptr<tooling::CompilationDatabase> FlagsDb,
                   const std::vector<std::string> &ExtraArgs, InputSet &Out,
                   std::vector<InputError> &FileErrors, std::string &Error) {
  std::unique_ptr<tooling::CompilationDatabase> Db = std::move(FlagsDb);
  if (!BuildPath.empty()) {
    if (Db) {
      Error = "-p and compiler flags after '--' are mutually exclusive";
      return false;
    }
    std::string LoadError;
    Db = tooling::CompilationDatabase::loadFromDirectory(BuildPath,
                                                         LoadError);
    if (!Db) {
      Error = "no compilation database (compile_commands.json) found in '" +
              BuildPath.str() + "'";
      return false;
    }
  }

  for (const std::string &Path : Paths) {
    std::string Abs = absolute(Path);
    if (!llvm::sys::fs::exists(Abs)) {
      FileErrors.push_back({Abs, "no such file: '" + Path + "'"});
      continue;
    }
    if (llvm::sys::fs::is_directory(Abs)) {
      FileErrors.push_back({Abs, "'" + Path + "' is a directory"});
      continue;
    }
    Out.Files.push_back(std::move(Abs));
  }
  if (Paths.empty()) {
    if (!Db || BuildPath.empty()) {
      Error = "no input files; name source files, or give -p <build dir> to "
              "analyse every file in its compile_commands.json";
      return false;
    }
    Out.Files = Db->getAllFiles();
    if (Out.Files.empty()) {
      Error = "the compilation database in '" + BuildPath.str() +
              "' lists no files";
      return false;
    }
  }

  if (!Db && !Out.Files.empty()) {
    std::string LoadError;
    Db = tooling::CompilationDatabase::autoDetectFromSource(Out.Files.front(),
                                                            LoadError);
    if (!Db) {
      Error = "no compilation database found for '" + Out.Files.front() +
              "'; pass -p <build dir>, or compiler flags after '--' (e.g. "
              "'-- -std=c++20')";
      return false;
    }
  }
  if (!Db) // only missing files were named
    Db = std::make_unique<tooling::FixedCompilationDatabase>(
        ".", std::vector<std::string>{});
  Out.Compilations = adjust(std::move(Db), ExtraArgs);
  return true;
}

} // namespace coroguard
