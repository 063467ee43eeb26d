//===--- ChangedLines.cpp -------------------------------------------------===//

#include "ChangedLines.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"

namespace clang::coroguard {

namespace {

/// The path of a `+++ ` line: `b/src/a.cpp` -> `src/a.cpp`; a tab ends it.
llvm::StringRef targetPath(llvm::StringRef Line) {
  llvm::StringRef Path = Line.drop_front(4).split('\t').first.rtrim("\r");
  if (Path.starts_with("b/"))
    Path = Path.drop_front(2);
  return Path;
}

/// Runs \p Args, returning its standard output.
llvm::Expected<std::string> capture(llvm::ArrayRef<llvm::StringRef> Args,
                                    llvm::StringRef What) {
  llvm::ErrorOr<std::string> Program = llvm::sys::findProgramByName(Args[0]);
  if (!Program)
    return llvm::createStringError(What + ": '" + Args[0] + "' not found");
  llvm::SmallString<128> Out, Err;
  int OutFD, ErrFD;
  if (llvm::sys::fs::createTemporaryFile("coroguard-git", "out", OutFD, Out) ||
      llvm::sys::fs::createTemporaryFile("coroguard-git", "err", ErrFD, Err))
    return llvm::createStringError(What + ": cannot create a temporary file");
  llvm::sys::Process::SafelyCloseFileDescriptor(OutFD);
  llvm::sys::Process::SafelyCloseFileDescriptor(ErrFD);
  std::optional<llvm::StringRef> Redirects[] = {std::nullopt, Out.str(),
                                                Err.str()};
  std::string Message;
  int Code = llvm::sys::ExecuteAndWait(*Program, Args, std::nullopt, Redirects,
                                       0, 0, &Message);
  auto Output = llvm::MemoryBuffer::getFile(Out);
  auto Errors = llvm::MemoryBuffer::getFile(Err);
  llvm::sys::fs::remove(Out);
  llvm::sys::fs::remove(Err);
  if (Code != 0) {
    std::string Why = Errors ? (*Errors)->getBuffer().trim().str() : Message;
    return llvm::createStringError(
        What + " failed: " + llvm::StringRef(Why).split('\n').first);
  }
  if (!Output)
    return llvm::createStringError(What + ": no output");
  return (*Output)->getBuffer().str();
}

} // namespace

llvm::Expected<ChangedLines> ChangedLines::fromDiff(llvm::StringRef Diff,
                                                    llvm::StringRef Root) {
  ChangedLines Result;
  std::vector<std::pair<unsigned, unsigned>> *Current = nullptr;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Diff.split(Lines, '\n');
  unsigned Number = 0;
  bool AnyHeader = false;
  for (llvm::StringRef Line : Lines) {
    ++Number;
    if (Line.starts_with("+++ ") || Line.starts_with("diff --git ") ||
        Line.starts_with("--- "))
      AnyHeader = true;
    if (Line.starts_with("+++ ")) {
      llvm::StringRef Path = targetPath(Line);
      if (Path == "/dev/null") { // a deleted file
        Current = nullptr;
        continue;
      }
      ++Result.Named;
      llvm::SmallString<256> Abs(Path);
      llvm::sys::path::make_absolute(Root, Abs);
      llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
      Current = &Result.Files[Abs];
      continue;
    }
    if (!Line.starts_with("@@ "))
      continue;
    // @@ -a[,b] +c[,d] @@: lines c .. c+d-1 of the new file.
    llvm::StringRef New = Line.drop_front(3).split(' ').second;
    if (!Current || !New.consume_front("+"))
      return llvm::createStringError("diff line " + llvm::Twine(Number) +
                                     ": a hunk outside a file: " + Line);
    New = New.split(' ').first;
    auto [StartText, CountText] = New.split(',');
    unsigned Start = 0, Count = 1;
    if (StartText.getAsInteger(10, Start) ||
        (!CountText.empty() && CountText.getAsInteger(10, Count)))
      return llvm::createStringError("diff line " + llvm::Twine(Number) +
                                     ": not a hunk header: " + Line);
    if (Count)
      Current->push_back({Start, Start + Count - 1});
  }
  // Text that is not a diff would otherwise read as "nothing changed" and
  // let the gate pass without analysing anything.
  if (!AnyHeader && !Diff.trim().empty())
    return llvm::createStringError(
        "not a unified diff: no '+++ ' or 'diff --git' line");
  return Result;
}

std::vector<std::string> ChangedLines::missingFiles() const {
  std::vector<std::string> Missing;
  for (const auto &Entry : Files)
    if (!llvm::sys::fs::exists(Entry.getKey()))
      Missing.push_back(Entry.getKey().str());
  llvm::sort(Missing);
  return Missing;
}

llvm::Expected<ChangedLines> ChangedLines::fromGit(llvm::StringRef Rev,
                                                   llvm::StringRef Directory) {
  llvm::Expected<std::string> Top =
      capture({"git", "-C", Directory, "rev-parse", "--show-toplevel"},
              "git rev-parse");
  if (!Top)
    return Top.takeError();
  std::string Root = llvm::StringRef(*Top).trim().str();
  llvm::Expected<std::string> Diff =
      capture({"git", "-C", Root, "-c", "core.quotePath=false", "diff", "-U0",
               "--no-color", "--no-ext-diff", "--no-renames", Rev, "--"},
              "git diff " + Rev.str());
  if (!Diff)
    return Diff.takeError();
  return fromDiff(*Diff, Root);
}

bool ChangedLines::changes(llvm::StringRef File, unsigned Line) const {
  auto It = Files.find(File);
  if (It == Files.end())
    return false;
  return llvm::any_of(It->second, [&](const auto &Range) {
    return Range.first <= Line && Line <= Range.second;
  });
}

bool ChangedLines::touches(const Finding &F) const {
  if (changes(F.Where.File, F.Where.Line))
    return true;
  return llvm::any_of(F.Notes, [&](const Note &N) {
    return changes(N.Where.File, N.Where.Line);
  });
}

} // namespace clang::coroguard
