//===--- TranslationUnit.cpp ----------------------------------------------===//

#include "TranslationUnit.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/Stack.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <csignal>
#include <mutex>
#include <vector>

namespace clang::coroguard {

using namespace clang;

namespace {

/// A file system (by default the physical one, with a working directory of
/// its own) that writes down every file opened for reading.
class RecordingFileSystem : public llvm::vfs::ProxyFileSystem {
public:
  RecordingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> Base,
                      llvm::StringMap<FileStamp> &Read)
      : ProxyFileSystem(
            Base ? std::move(Base)
                 : llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
                       llvm::vfs::createPhysicalFileSystem().release())),
        Read(Read) {}

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    auto File = ProxyFileSystem::openFileForRead(Path);
    if (!File)
      return File;
    // A directory opens too (`-Iinc` holding `inc/memory/` is tried for
    // <memory>), and the compiler passes over it: not an input.
    if (llvm::ErrorOr<llvm::vfs::Status> Status = (*File)->status();
        Status && Status->isRegularFile()) {
      std::string Name = nameOf(Path, *Status);
      std::lock_guard<std::mutex> Guard(Lock);
      Read[Name] =
          FileStamp{Status->getSize(), Status->getLastModificationTime()};
    }
    return File;
  }

private:
  /// \p Path absolute and without `.` and `..`, as findings name files,
  /// when that names the same file: `..` after a symbolic link does not
  /// (the driver reaches libstdc++ through
  /// `/../lib/gcc/x86_64-linux-gnu/12/../../../../include`, and `/lib` is a
  /// link to `usr/lib`), and then the path is kept as opened.
  std::string nameOf(const llvm::Twine &Path, const llvm::vfs::Status &Opened) {
    llvm::SmallString<256> Abs;
    Path.toVector(Abs);
    makeAbsolute(Abs);
    llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/false);
    llvm::SmallString<256> Lexical(Abs);
    llvm::sys::path::remove_dots(Lexical, /*remove_dot_dot=*/true);
    if (Lexical == Abs)
      return std::string(Abs);
    llvm::ErrorOr<llvm::vfs::Status> Same = status(Lexical);
    return Same && Same->getUniqueID() == Opened.getUniqueID()
               ? std::string(Lexical)
               : std::string(Abs);
  }

  llvm::StringMap<FileStamp> &Read;
  std::mutex Lock;
};

class ActionFactory : public tooling::FrontendActionFactory {
public:
  ActionFactory(tidy::ClangTidyContext &Context,
                llvm::IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                std::vector<FunctionSpan> &Functions)
      : ConsumerFactory(Context, std::move(FS)), Functions(Functions) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(ConsumerFactory, Functions);
  }

  /// As clang-tidy runs every file: __clang_analyzer__ defined, and no "N
  /// warnings generated" line.
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    Invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(
        std::move(Invocation), Files, std::move(PCHContainerOps), DiagConsumer);
  }

private:
  class Action : public ASTFrontendAction {
  public:
    Action(tidy::ClangTidyASTConsumerFactory &Factory,
           std::vector<FunctionSpan> &Functions)
        : Factory(Factory), Functions(Functions) {}
    std::unique_ptr<ASTConsumer>
    CreateASTConsumer(CompilerInstance &Compiler,
                      llvm::StringRef File) override {
      return Factory.createASTConsumer(Compiler, File);
    }
    /// The checks have run; the AST is still there.
    void EndSourceFileAction() override {
      CompilerInstance &Compiler = getCompilerInstance();
      llvm::ErrorOr<std::string> Directory =
          Compiler.getVirtualFileSystem().getCurrentWorkingDirectory();
      if (Compiler.hasASTContext() && Directory)
        Functions = collectFunctionSpans(Compiler.getASTContext(), *Directory);
    }

  private:
    tidy::ClangTidyASTConsumerFactory &Factory;
    std::vector<FunctionSpan> &Functions;
  };

  tidy::ClangTidyASTConsumerFactory ConsumerFactory;
  std::vector<FunctionSpan> &Functions;
};

/// The ExtraArgs and ExtraArgsBefore of the configuration that applies to
/// each file, as clang-tidy adds them.
tooling::ArgumentsAdjuster extraArgsOf(tidy::ClangTidyContext &Context) {
  return [&Context](const tooling::CommandLineArguments &Args,
                    llvm::StringRef Filename) {
    tidy::ClangTidyOptions Options = Context.getOptionsForFile(Filename);
    tooling::CommandLineArguments Adjusted = Args;
    if (Options.ExtraArgsBefore) {
      auto At = Adjusted.begin();
      if (At != Adjusted.end() && !llvm::StringRef(*At).starts_with("-"))
        ++At; // after the compiler
      Adjusted.insert(At, Options.ExtraArgsBefore->begin(),
                      Options.ExtraArgsBefore->end());
    }
    if (Options.ExtraArgs)
      Adjusted.insert(Adjusted.end(), Options.ExtraArgs->begin(),
                      Options.ExtraArgs->end());
    return Adjusted;
  };
}

} // namespace

void analyseUnprotected(const tooling::CompilationDatabase &Compilations,
                        const std::string &File,
                        std::unique_ptr<tidy::ClangTidyOptionsProvider> Options,
                        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> BaseFS,
                        TranslationUnitResult &Result) {
  tidy::ClangTidyContext Context(std::move(Options));
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::makeIntrusiveRefCnt<RecordingFileSystem>(std::move(BaseFS),
                                                     Result.FilesRead));
  tooling::ClangTool Tool(Compilations, {File},
                          std::make_shared<PCHContainerOperations>(), FS);
  // The CLI reports a file that does not compile itself, in one line.
  Tool.setPrintErrorMessage(false);
  Tool.appendArgumentsAdjuster(extraArgsOf(Context));
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  tidy::ClangTidyDiagnosticConsumer DiagConsumer(Context);
  auto DiagOpts = std::make_unique<DiagnosticOptions>();
  DiagnosticsEngine Engine(DiagnosticIDs::create(), *DiagOpts, &DiagConsumer,
                           /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(DiagOpts), &Engine);
  Tool.setDiagnosticConsumer(&DiagConsumer);
  ActionFactory Factory(Context, FS, Result.Functions);
  project::UnitFacts Facts;
  {
    project::UnitFacts::Scope Collecting(Facts);
    Tool.run(&Factory);
  }
  Result.Errors = DiagConsumer.take();
  Result.Facts = Facts.take();
}

std::vector<std::string>
filesIncludedBy(const tooling::CompilationDatabase &Compilations,
                const std::string &File) {
  llvm::StringMap<FileStamp> Read;
  auto FS = llvm::makeIntrusiveRefCnt<RecordingFileSystem>(nullptr, Read);
  tooling::ClangTool Tool(Compilations, {File},
                          std::make_shared<PCHContainerOperations>(), FS);
  Tool.setPrintErrorMessage(false);
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  IgnoringDiagConsumer Quiet;
  Tool.setDiagnosticConsumer(&Quiet);
  Tool.run(tooling::newFrontendActionFactory<PreprocessOnlyAction>().get());
  std::vector<std::string> Files;
  for (const auto &Entry : Read)
    Files.push_back(Entry.getKey().str());
  return Files;
}

/// Crash recovery that also survives a stack overflow: LLVM's handlers,
/// installed once, run on an alternate signal stack (a handler cannot run on
/// the stack that overflowed).
void enableCrashRecovery() {
  static std::once_flag Enabled;
  std::call_once(Enabled, [] {
    llvm::CrashRecoveryContext::Enable();
    for (int Signal : {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT}) {
      struct sigaction Action;
      if (sigaction(Signal, nullptr, &Action) == 0) {
        Action.sa_flags |= SA_ONSTACK;
        sigaction(Signal, &Action, nullptr);
      }
    }
  });
}

/// An alternate signal stack for the current thread while it lives.
class AlternateSignalStack {
public:
  AlternateSignalStack() : Memory(Size) {
    stack_t Stack{};
    Stack.ss_sp = Memory.data();
    Stack.ss_size = Size;
    Installed = sigaltstack(&Stack, nullptr) == 0;
  }
  ~AlternateSignalStack() {
    if (!Installed)
      return;
    stack_t Stack{};
    Stack.ss_flags = SS_DISABLE;
    sigaltstack(&Stack, nullptr);
  }

private:
  static constexpr size_t Size = 256 << 10;
  std::vector<char> Memory;
  bool Installed = false;
};

TranslationUnitResult analyseTranslationUnit(
    const tooling::CompilationDatabase &Compilations, const std::string &File,
    std::unique_ptr<tidy::ClangTidyOptionsProvider> Options) {
  TranslationUnitResult Result;
  // A crash in the compiler or a check ends this translation unit, not the
  // run. On its own thread, clang moves deep recursion onto fresh stacks as
  // clang++ does (noteBottomOfStack); what still overflows is recovered.
  enableCrashRecovery();
  llvm::CrashRecoveryContext Recovery;
  constexpr unsigned StackSize = 16 << 20;
  if (!Recovery.RunSafelyOnThread(
          [&] {
            AlternateSignalStack SignalStack;
            clang::noteBottomOfStack(/*ForceSet=*/true);
            analyseUnprotected(Compilations, File, std::move(Options),
                               /*BaseFS=*/nullptr, Result);
          },
          StackSize))
    Result.Crashed = true;
  return Result;
}

} // namespace clang::coroguard
