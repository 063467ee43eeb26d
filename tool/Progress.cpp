//===--- Progress.cpp -----------------------------------------------------===//

#include "Progress.h"

#include "llvm/Support/Path.h"

namespace clang::coroguard {

namespace {

std::string seconds(double S) {
  unsigned Whole = static_cast<unsigned>(S + 0.5);
  if (Whole < 60)
    return std::to_string(Whole) + "s";
  return std::to_string(Whole / 60) + "m" + std::to_string(Whole % 60) + "s";
}

} // namespace

ProgressLine::ProgressLine(llvm::raw_ostream &OS, bool InPlace)
    : OS(OS), InPlace(InPlace), Start(std::chrono::steady_clock::now()) {}

ProgressLine::~ProgressLine() {
  // The summary and any error lines start on a clean line.
  if (InPlace && Shown)
    OS << "\r\x1b[K";
  OS.flush();
}

void ProgressLine::update(llvm::StringRef File, size_t Done, size_t Total) {
  double Elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  std::string Line = "[" + std::to_string(Done) + "/" + std::to_string(Total) +
                     "] " + llvm::sys::path::filename(File).str() + " … " +
                     seconds(Elapsed) + " elapsed";
  if (Done < Total)
    Line += ", ETA " + seconds(Elapsed / Done * (Total - Done));
  if (InPlace)
    OS << "\r\x1b[K" << Line;
  else
    OS << Line << "\n";
  OS.flush();
  Shown = true;
}

} // namespace clang::coroguard
