//===--- CommandLine.cpp --------------------------------------------------===//

#include "CommandLine.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <unistd.h>

namespace clang::coroguard {

namespace {

/// Writes \p Complaints ("coroguard: <problem>" lines) in the CLI's form.
void rewrite(llvm::StringRef Complaints) {
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  Complaints.trim().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  bool First = true;
  for (llvm::StringRef Line : Lines) {
    Line = Line.trim();
    Line.consume_front("coroguard: ");
    if (Line.empty())
      continue;
    llvm::errs() << "coroguard: " << (First ? "error: " : "note: ") << Line
                 << "\n";
    First = false;
  }
  if (First)
    llvm::errs() << "coroguard: error: invalid command line\n";
}

} // namespace

bool parseCommandLine(int Argc, const char *const *Argv,
                      llvm::StringRef Overview) {
  // --help and --version print and exit inside the parser: nothing to
  // capture, and a capture would never be undone.
  for (int I = 1; I < Argc; ++I) {
    llvm::StringRef Arg = llvm::StringRef(Argv[I]).ltrim('-');
    if (llvm::StringRef(Argv[I]) == "--")
      break;
    if (Argv[I][0] == '-' && (Arg.starts_with("help") || Arg == "version" ||
                              Arg == "h" || Arg.starts_with("print-")))
      return llvm::cl::ParseCommandLineOptions(Argc, Argv, Overview);
  }
  // Standard error goes to a temporary file while the parser runs: that is
  // the only place a bad value's complaint can be taken from.
  llvm::SmallString<128> Captured;
  int CaptureFD = -1;
  int SavedFD = -1;
  llvm::errs().flush();
  if (!llvm::sys::fs::createTemporaryFile("coroguard-options", "txt", CaptureFD,
                                          Captured)) {
    SavedFD = ::dup(STDERR_FILENO);
    if (SavedFD < 0 || ::dup2(CaptureFD, STDERR_FILENO) < 0) {
      if (SavedFD >= 0)
        ::close(SavedFD);
      SavedFD = -1;
    }
  }
  std::string Complaints;
  llvm::raw_string_ostream Stream(Complaints);
  bool Ok = llvm::cl::ParseCommandLineOptions(Argc, Argv, Overview, &Stream);
  llvm::errs().flush();
  if (SavedFD >= 0) {
    ::dup2(SavedFD, STDERR_FILENO);
    ::close(SavedFD);
    if (auto Buffer = llvm::MemoryBuffer::getFile(Captured))
      Complaints.insert(0, (*Buffer)->getBuffer().str());
  }
  if (CaptureFD >= 0) {
    llvm::sys::Process::SafelyCloseFileDescriptor(CaptureFD);
    llvm::sys::fs::remove(Captured);
  }
  if (!Ok)
    rewrite(Complaints);
  else if (!Complaints.empty())
    llvm::errs() << Complaints; // warnings of a parse that succeeded
  return Ok;
}

} // namespace clang::coroguard
