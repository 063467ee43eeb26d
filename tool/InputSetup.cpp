//===--- InputSetup.cpp ---------------------------------------------------===//

#include "InputSetup.h"

#include "llvm/ADT/StringSet.h"

#include "model/ModelLoader.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace clang::coroguard {

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
  for (const auto &[Key, Value] : CheckOptionOverrides)
    Overrides.CheckOptions[Key] = tidy::ClangTidyOptions::ClangTidyValue(Value);
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

llvm::Error loadConfiguration(llvm::StringRef ConfigText,
                              llvm::StringRef ConfigPath,
                              ToolConfiguration &Out) {
  if (!ConfigText.empty() && !ConfigPath.empty()) {
    return llvm::createStringError(
        "--config and --config-file are mutually exclusive");
  }
  std::unique_ptr<llvm::MemoryBuffer> Buffer;
  if (!ConfigPath.empty()) {
    auto File = llvm::MemoryBuffer::getFile(ConfigPath);
    if (!File) {
      return llvm::createStringError("cannot read config file '" +
                                     ConfigPath.str() +
                                     "': " + File.getError().message());
    }
    Buffer = std::move(*File);
  } else if (!ConfigText.empty()) {
    Buffer = llvm::MemoryBuffer::getMemBufferCopy(ConfigText, "--config");
  } else {
    return llvm::Error::success();
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
    return llvm::createStringError(
        "invalid configuration: " +
        (Diagnostics.empty() ? Parsed.getError().message() : Diagnostics));
  }
  Out.ExplicitConfig = std::move(*Parsed);
  return llvm::Error::success();
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

/// Checks that \p Path is a compile_commands.json clang can read, with
/// one line naming the file and what is wrong: clang's own loader stops at
/// the first problem with a message that does not name the file, or reads a
/// truncated file halfway.
static bool validateDatabase(llvm::StringRef Path, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = Path.str() + ": cannot read: " + Buffer.getError().message();
    return false;
  }
  llvm::StringRef Text = (*Buffer)->getBuffer();
  if (Text.trim().empty()) {
    Error = Path.str() + ":1:1: empty compilation database";
    return false;
  }
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Text);
  if (!Parsed) {
    // ParseError prints "[line:column, byte=offset]: message".
    std::string Message = llvm::toString(Parsed.takeError());
    llvm::StringRef Rest = Message;
    unsigned Line = 0, Column = 0;
    if (Rest.consume_front("[") && !Rest.consumeInteger(10, Line) &&
        Rest.consume_front(":") && !Rest.consumeInteger(10, Column)) {
      size_t Colon = Rest.find("]: ");
      Error = (Path + ":" + llvm::Twine(Line) + ":" + llvm::Twine(Column) +
               ": invalid JSON: " +
               (Colon == llvm::StringRef::npos ? Rest : Rest.substr(Colon + 3)))
                  .str();
    } else {
      Error = Path.str() + ": invalid JSON: " + Message;
    }
    return false;
  }
  const llvm::json::Array *Entries = Parsed->getAsArray();
  if (!Entries) {
    Error = Path.str() + ":1:1: expected a JSON array of commands";
    return false;
  }
  for (size_t I = 0; I < Entries->size(); ++I) {
    const llvm::json::Object *Entry = (*Entries)[I].getAsObject();
    std::string Where =
        Path.str() + ": command " + std::to_string(I + 1) + ": ";
    if (!Entry) {
      Error = Where + "expected an object";
      return false;
    }
    for (llvm::StringRef Key : {"directory", "file"})
      if (!Entry->getString(Key)) {
        Error = Where + "needs a string \"" + Key.str() + "\"";
        return false;
      }
    const llvm::json::Array *Arguments = Entry->getArray("arguments");
    bool ArgumentsAreStrings =
        Arguments && llvm::all_of(*Arguments, [](const llvm::json::Value &V) {
          return V.getAsString().has_value();
        });
    if (!Entry->getString("command") && !ArgumentsAreStrings) {
      Error = Where + "needs a string \"command\" or an array of strings "
                      "\"arguments\"";
      return false;
    }
  }
  return true;
}

/// The compilation database of \p Path (a build directory or a
/// compile_commands.json), validated first.
static std::unique_ptr<tooling::CompilationDatabase>
loadDatabase(llvm::StringRef Path, std::string &Error) {
  llvm::SmallString<256> JsonPath(Path);
  if (llvm::sys::fs::is_directory(Path))
    llvm::sys::path::append(JsonPath, "compile_commands.json");
  if (llvm::sys::fs::exists(JsonPath)) {
    if (!validateDatabase(JsonPath, Error))
      return nullptr;
    return tooling::JSONCompilationDatabase::loadFromFile(
        JsonPath, Error, tooling::JSONCommandLineSyntax::AutoDetect);
  }
  // compile_flags.txt and the other formats clang knows.
  std::string Ignored;
  if (llvm::sys::fs::is_directory(Path))
    if (auto Db =
            tooling::CompilationDatabase::loadFromDirectory(Path, Ignored))
      return Db;
  Error = "no compilation database (compile_commands.json) found in '" +
          Path.str() + "'";
  return nullptr;
}

/// The database in the nearest directory above \p File that has one.
static std::unique_ptr<tooling::CompilationDatabase>
findDatabaseAbove(llvm::StringRef File, std::string &Error) {
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    llvm::SmallString<256> JsonPath(Dir);
    llvm::sys::path::append(JsonPath, "compile_commands.json");
    if (llvm::sys::fs::exists(JsonPath))
      return loadDatabase(Dir, Error);
  }
  std::string Ignored;
  return tooling::CompilationDatabase::autoDetectFromSource(File, Ignored);
}

static std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return std::string(Abs);
}

llvm::Error resolveInputs(const std::vector<std::string> &Paths,
                          llvm::StringRef BuildPath,
                          std::unique_ptr<tooling::CompilationDatabase> FlagsDb,
                          const std::vector<std::string> &ExtraArgs,
                          InputSet &Out, std::vector<InputError> &FileErrors) {
  std::string Error;
  std::unique_ptr<tooling::CompilationDatabase> Db = std::move(FlagsDb);
  if (!BuildPath.empty()) {
    if (Db) {
      return llvm::createStringError(
          "-p and compiler flags after '--' are mutually exclusive");
    }
    Db = loadDatabase(BuildPath, Error);
    if (!Db)
      return llvm::createStringError(Error);
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
      return llvm::createStringError(
          "no input files; name source files, or give -p <build dir> to "
          "analyse every file in its compile_commands.json");
    }
    for (std::string &File : Db->getAllFiles()) {
      if (!llvm::sys::fs::exists(File)) {
        FileErrors.push_back(
            {File, File +
                       ": no such file (a command of the compilation "
                       "database in '" +
                       BuildPath.str() + "')"});
        continue;
      }
      Out.Files.push_back(std::move(File));
    }
    if (Out.Files.empty() && FileErrors.empty()) {
      return llvm::createStringError("the compilation database in '" +
                                     BuildPath.str() + "' lists no files");
    }
  }

  // A file named twice (or listed by two commands) is analysed once: its
  // commands all run for it anyway.
  llvm::StringSet<> Seen;
  llvm::erase_if(Out.Files, [&](const std::string &File) {
    return !Seen.insert(File).second;
  });

  if (!Db && !Out.Files.empty()) {
    Db = findDatabaseAbove(Out.Files.front(), Error);
    if (!Db && !Error.empty())
      return llvm::createStringError(Error);
    if (!Db) {
      return llvm::createStringError(
          "no compilation database found for '" + Out.Files.front() +
          "'; pass -p <build dir>, or compiler flags after '--' (e.g. "
          "'-- -std=c++20')");
    }
  }
  if (!Db) // only missing files were named
    Db = std::make_unique<tooling::FixedCompilationDatabase>(
        ".", std::vector<std::string>{});
  Out.Compilations = adjust(std::move(Db), ExtraArgs);
  return llvm::Error::success();
}

std::vector<std::string> shardOf(const std::vector<std::string> &Files,
                                 unsigned K, unsigned N) {
  // Most of a unit's cost is the headers it parses, whatever its own size:
  // each unit weighs that fixed cost plus its bytes, so that one large
  // amalgamated file is not a part's whole share while the others get dozens
  // of units.
  constexpr uint64_t HeaderCost = 256 * 1024;
  std::vector<std::pair<uint64_t, std::string>> BySize;
  for (const std::string &File : Files) {
    uint64_t Size = 0;
    llvm::sys::fs::file_size(File, Size);
    BySize.push_back({HeaderCost + Size, File});
  }
  llvm::sort(BySize, [](const auto &A, const auto &B) {
    return A.first != B.first ? A.first > B.first : A.second < B.second;
  });
  std::vector<uint64_t> Load(N, 0);
  std::vector<std::string> Part;
  for (const auto &[Size, File] : BySize) {
    unsigned Lightest =
        std::min_element(Load.begin(), Load.end()) - Load.begin();
    Load[Lightest] += Size;
    if (Lightest == K - 1)
      Part.push_back(File);
  }
  llvm::sort(Part);
  return Part;
}

} // namespace clang::coroguard
