//===--- FixFuzzer.cpp - --fix on generated compile databases -------------===//
//
// libFuzzer target: the input chooses a project layout and a compile
// database for it, the way CMake, Meson and people write them: several
// directories holding files of the same name, relative and absolute "file"
// and "directory" entries, "command" or "arguments", relative -I flags,
// duplicate entries, files left out of the database, a read-only file, a
// hard link; then the working directory, the inputs named on the command
// line and -j. The CLI's own pipeline (database loading, the parallel
// runner, findings, --fix) runs on it, and every file is compared with an
// oracle: each analysed file analysed and fixed alone, absolute paths, -j1.
//
//   - every listed, writable file holds exactly its oracle's fixed text;
//   - every other file (not listed, read-only, another directory's file of
//     the same name) is byte for byte what it was;
//   - no compile errors: a relative -I resolved against the wrong
//     directory includes another directory's header, which does not
//     declare this file's marker;
//   - a hard link shows the fixed text (it still names the fixed file).
//
// Any difference aborts with the layout printed.
//
//===----------------------------------------------------------------------===//

#include "FixApplier.h"
#include "InputSetup.h"
#include "Runner.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdlib>
#include <map>

using namespace clang::coroguard;

namespace {

/// Source templates; "@" is the directory's marker number. Each has a
/// different set of fixes (one, one among several findings, none, a
/// finding without a fix).
const char *const Templates[] = {
    "#include <resources.h>\n#include \"local.h\"\n"
    "testlib::task<> f(testlib::connection &c) { marker_@(); c.close(); "
    "co_return; }\n",
    "#include <resources.h>\n#include \"local.h\"\ntestlib::task<> g();\n"
    "testlib::task<> f(testlib::database &db) {\n  marker_@();\n  g();\n"
    "  auto c = co_await db.connect(\"x\");\n  co_await c.send(\"y\");\n}\n",
    "#include <resources.h>\n#include \"local.h\"\n"
    "testlib::task<> f(testlib::connection &c) { marker_@(); co_await "
    "c.close(); }\n",
    "#include <resources.h>\n#include <thread>\n#include \"local.h\"\n"
    "testlib::task<> f() { marker_@(); "
    "std::this_thread::sleep_for(std::chrono::seconds(1)); co_return; }\n",
};
constexpr unsigned TemplateCount = std::size(Templates);
/// What each template's fixed text must contain (null: it has no fix and
/// stays as it is). Keeps the oracle honest: a --fix that applies nothing
/// would otherwise agree with itself.
const char *const FixedMarks[] = {"co_await c.close();", "co_await g();",
                                  nullptr, nullptr};
static_assert(std::size(FixedMarks) == TemplateCount);

std::string instantiate(unsigned Template, unsigned Dir) {
  std::string Text = Templates[Template];
  size_t At;
  while ((At = Text.find('@')) != std::string::npos)
    Text.replace(At, 1, std::to_string(Dir));
  return Text;
}

std::vector<std::string> mockFlags() {
  std::string Mocks = COROGUARD_MOCK_HEADERS;
  return {"-std=c++20", "-nostdinc",      "-isystem", Mocks + "/std",
          "-isystem",   Mocks + "/posix", "-isystem", Mocks + "/testlib"};
}

void writeFile(llvm::StringRef Path, llvm::StringRef Text) {
  llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC) {
    llvm::errs() << "cannot write " << Path << ": " << EC.message() << "\n";
    abort();
  }
  OS << Text;
}

std::string readFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false,
                                            /*IsVolatile=*/true);
  return Buffer ? (*Buffer)->getBuffer().str() : "<unreadable>";
}

std::string relative(llvm::StringRef Path, llvm::StringRef From) {
  // Both absolute, under the same root: up from From, then down to Path.
  llvm::SmallVector<llvm::StringRef> P, F;
  llvm::StringRef(Path).split(P, '/', -1, false);
  llvm::StringRef(From).split(F, '/', -1, false);
  size_t Common = 0;
  while (Common < P.size() && Common < F.size() && P[Common] == F[Common])
    ++Common;
  std::string Result;
  for (size_t I = Common; I < F.size(); ++I)
    Result += "../";
  for (size_t I = Common; I < P.size(); ++I)
    Result += P[I].str() + (I + 1 < P.size() ? "/" : "");
  return Result.empty() ? "." : Result;
}

/// Runs the CLI's pipeline: database, runner, --fix.
struct Outcome {
  Report R;
  unsigned FixFailures = 0;
  std::string Error;
};

Outcome run(const std::vector<std::string> &Paths, llvm::StringRef BuildPath,
            std::unique_ptr<clang::tooling::CompilationDatabase> FlagsDb,
            unsigned Jobs) {
  Outcome O;
  ToolConfiguration Config;
  Config.ChecksOverride = "-*,coroguard-*";
  InputSet Inputs;
  if (llvm::Error Err = resolveInputs(Paths, BuildPath, std::move(FlagsDb), {},
                                      Inputs, O.R.Errors)) {
    O.Error = llvm::toString(std::move(Err));
    return O;
  }
  RunSettings Settings;
  Settings.Jobs = Jobs;
  Settings.MakeOptionsProvider = [&] { return Config.makeOptionsProvider(); };
  std::vector<clang::tidy::ClangTidyError> Raw;
  Report Analysed =
      runChecks(*Inputs.Compilations, Inputs.Files, Settings, Raw);
  for (auto &E : Analysed.Errors)
    O.R.Errors.push_back(std::move(E));
  O.R.Findings = std::move(Analysed.Findings);
  O.R.FilesRead = std::move(Analysed.FilesRead);
  O.R.Sources = std::move(Analysed.Sources);
  std::string Log;
  llvm::raw_string_ostream LogStream(Log);
  unsigned Applied = 0;
  O.FixFailures = applyFixes(O.R, LogStream, Applied);
  return O;
}

/// The fixed text of a template in a directory, from a run on that file
/// alone: absolute paths, flags on the command line, -j1.
const std::string &oracle(unsigned Template, unsigned Dir) {
  static std::map<std::pair<unsigned, unsigned>, std::string> Cache;
  auto It = Cache.find({Template, Dir});
  if (It != Cache.end())
    return It->second;
  llvm::SmallString<128> Root;
  if (llvm::sys::fs::createUniqueDirectory("coroguard-oracle", Root))
    abort();
  std::string File = (Root + "/a.cpp").str();
  writeFile(File, instantiate(Template, Dir));
  writeFile((Root + "/inc/local.h").str(),
            "int marker_" + std::to_string(Dir) + "();\n");
  std::vector<std::string> Flags = mockFlags();
  Flags.push_back("-I" + (Root + "/inc").str());
  Outcome O = run(
      {File}, "",
      std::make_unique<clang::tooling::FixedCompilationDatabase>(Root, Flags),
      1);
  if (!O.Error.empty() || !O.R.Errors.empty() || O.FixFailures) {
    llvm::errs() << "the oracle run failed: " << O.Error
                 << (O.R.Errors.empty() ? "" : O.R.Errors[0].Message) << "\n";
    abort();
  }
  std::string Fixed = readFile(File);
  const char *Mark = FixedMarks[Template];
  if (Mark ? Fixed.find(Mark) == std::string::npos
           : Fixed != instantiate(Template, Dir)) {
    llvm::errs() << "the oracle's fix of template " << Template
                 << " is wrong:\n"
                 << Fixed;
    abort();
  }
  llvm::sys::fs::remove_directories(Root);
  return Cache[{Template, Dir}] = std::move(Fixed);
}

struct SourceFile {
  std::string Path;
  unsigned Template;
  unsigned Dir;
  bool Listed = false;
  bool ReadOnly = false;
  std::string Original;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  FuzzedDataProvider In(Data, Size);
  llvm::SmallString<128> RootBuffer;
  if (llvm::sys::fs::createUniqueDirectory("coroguard-fixfuzz", RootBuffer))
    abort();
  llvm::SmallString<128> RealRoot;
  llvm::sys::fs::real_path(RootBuffer, RealRoot);
  std::string Root(RealRoot);

  // Directories d0..dN-1, each with a.cpp and its own inc/local.h; some
  // with b.cpp too; Meson-style src/ next to build/.
  unsigned Dirs = In.ConsumeIntegralInRange<unsigned>(1, 4);
  std::vector<SourceFile> Files;
  for (unsigned D = 0; D < Dirs; ++D) {
    std::string Dir = Root + "/d" + std::to_string(D);
    writeFile(Dir + "/inc/local.h",
              "int marker_" + std::to_string(D) + "();\n");
    unsigned Count = In.ConsumeIntegralInRange<unsigned>(1, 2);
    for (unsigned K = 0; K < Count; ++K)
      Files.push_back(
          {Dir + (K ? "/b.cpp" : "/a.cpp"),
           In.ConsumeIntegralInRange<unsigned>(0, TemplateCount - 1), D});
  }
  // A file of the same name at the root that no entry lists.
  Files.push_back({Root + "/a.cpp", 0, 0});
  llvm::sys::fs::create_directories(Root + "/build");

  std::string Database = "[";
  bool First = true;
  for (SourceFile &F : Files) {
    writeFile(F.Path, instantiate(F.Template, F.Dir));
    F.Original = readFile(F.Path);
    if (F.Path == Root + "/a.cpp" || !In.ConsumeBool())
      continue;
    F.Listed = true;
    std::string FileDir = llvm::sys::path::parent_path(F.Path).str();
    unsigned Entries = In.ConsumeIntegralInRange<unsigned>(1, 2);
    for (unsigned E = 0; E < Entries; ++E) {
      // The entry's directory: the file's, the root's or build/ (Meson).
      std::string Directory;
      switch (In.ConsumeIntegralInRange<int>(0, 2)) {
      case 0:
        Directory = FileDir;
        break;
      case 1:
        Directory = Root;
        break;
      default:
        Directory = Root + "/build";
        break;
      }
      std::string FileEntry =
          In.ConsumeBool() ? F.Path : relative(F.Path, Directory);
      std::string Include = In.ConsumeBool()
                                ? FileDir + "/inc"
                                : relative(FileDir + "/inc", Directory);
      std::vector<std::string> Argv = {"/usr/bin/clang++"};
      for (std::string &Flag : mockFlags())
        Argv.push_back(Flag);
      Argv.push_back("-I" + Include);
      Argv.insert(Argv.end(), {"-c", FileEntry});
      std::string Entry = "{\"directory\": \"" + Directory +
                          "\", \"file\": \"" + FileEntry + "\", ";
      if (In.ConsumeBool()) {
        Entry += "\"command\": \"" + llvm::join(Argv, " ") + "\"}";
      } else {
        Entry += "\"arguments\": [";
        for (size_t I = 0; I < Argv.size(); ++I)
          Entry += (I ? ", \"" : "\"") + Argv[I] + "\"";
        Entry += "]}";
      }
      Database += (First ? "\n" : ",\n") + Entry;
      First = false;
    }
  }
  Database += "\n]\n";
  if (First) { // nothing listed
    llvm::sys::fs::remove_directories(Root);
    return -1;
  }
  writeFile(Root + "/build/compile_commands.json", Database);

  // A read-only file (refused: as an ordinary user the mode is the
  // kernel's answer too) and a hard link to another.
  size_t ReadOnly = In.ConsumeIntegralInRange<size_t>(0, Files.size());
  if (ReadOnly < Files.size()) {
    Files[ReadOnly].ReadOnly = true;
    llvm::sys::fs::setPermissions(Files[ReadOnly].Path,
                                  llvm::sys::fs::perms(0444));
  }
  size_t Linked = In.ConsumeIntegralInRange<size_t>(0, Files.size() - 1);
  std::string Link = Root + "/link.cpp";
  bool HasLink = !llvm::sys::fs::create_hard_link(Files[Linked].Path, Link);

  // Where it runs from, and what it is given: the database's directory
  // (relative or absolute), the listed files or none (every entry).
  llvm::SmallString<128> SavedCwd;
  llvm::sys::fs::current_path(SavedCwd);
  std::string Cwd;
  switch (In.ConsumeIntegralInRange<int>(0, 2)) {
  case 0:
    Cwd = Root;
    break;
  case 1:
    Cwd = Root + "/build";
    break;
  default:
    Cwd = Files.front().Path.substr(0, Files.front().Path.rfind('/'));
    break;
  }
  llvm::sys::fs::set_current_path(Cwd);
  std::string BuildPath =
      In.ConsumeBool() ? Root + "/build" : relative(Root + "/build", Cwd);
  std::vector<std::string> Paths;
  if (In.ConsumeBool())
    for (const SourceFile &F : Files)
      if (F.Listed)
        Paths.push_back(In.ConsumeBool() ? F.Path : relative(F.Path, Cwd));
  unsigned Jobs = In.ConsumeIntegralInRange<unsigned>(1, 2);

  Outcome O = run(Paths, BuildPath, nullptr, Jobs);
  llvm::sys::fs::set_current_path(SavedCwd);

  std::string Problem;
  if (!O.Error.empty())
    Problem = "the run failed: " + O.Error;
  for (const InputError &E : O.R.Errors)
    Problem += "error: " + E.Message + "\n";
  for (const SourceFile &F : Files) {
    std::string Now = readFile(F.Path);
    bool Fixable = F.Listed && !F.ReadOnly;
    const std::string &Expected =
        Fixable ? oracle(F.Template, F.Dir) : F.Original;
    if (Now != Expected)
      Problem += F.Path + (Fixable ? " is not its fixed text\n"
                                   : " changed though it must not\n");
  }
  if (HasLink && readFile(Link) != readFile(Files[Linked].Path))
    Problem += "the hard link no longer names the fixed file\n";
  // A refused file is a failure the exit code reports (2); nothing else is.
  bool ExpectRefusal = llvm::any_of(Files, [](const SourceFile &F) {
    return F.Listed && F.ReadOnly && oracle(F.Template, F.Dir) != F.Original;
  });
  if ((O.FixFailures != 0) != ExpectRefusal)
    Problem += "--fix reported " + std::to_string(O.FixFailures) +
               " failures, expected " + (ExpectRefusal ? "some" : "none") +
               "\n";

  if (!Problem.empty()) {
    llvm::errs() << "coroguard-fix-fuzzer: " << Problem << "working directory "
                 << Cwd << ", -p " << BuildPath << ", -j" << Jobs << ", "
                 << Paths.size() << " paths\ncompile_commands.json:\n"
                 << Database;
    abort();
  }
  for (const SourceFile &F : Files)
    llvm::sys::fs::setPermissions(F.Path, llvm::sys::fs::perms(0644));
  llvm::sys::fs::remove_directories(Root);
  return 0;
}
