//===--- SourceText.cpp ---------------------------------------------------===//
//
// llvm::SourceMgr::getLineAndColumn finds the column by scanning back to the
// start of the line: on a 2.7 MB single-line file with thousands of
// findings that is quadratic. A table of line starts makes it a binary
// search.
//
//===----------------------------------------------------------------------===//

#include "SourceText.h"

#include <algorithm>

namespace clang::coroguard {

const SourceText::Lines *SourceText::linesOf(llvm::StringRef File) {
  if (File.empty())
    return nullptr;
  auto [It, Inserted] = Files.try_emplace(File);
  if (Inserted) {
    // Volatile: read, never mapped. --fix may rewrite a hard-linked file
    // in place while the report still prints its lines.
    auto Buffer = llvm::MemoryBuffer::getFile(File, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false,
                                              /*IsVolatile=*/true);
    if (Buffer) {
      auto L = std::make_unique<Lines>();
      L->Buffer = std::move(*Buffer);
      llvm::StringRef Text = L->Buffer->getBuffer();
      L->Starts.push_back(0);
      for (size_t I = 0; I < Text.size(); ++I)
        if (Text[I] == '\n')
          L->Starts.push_back(I + 1);
      It->second = std::move(L);
    }
  }
  return It->second.get();
}

std::pair<unsigned, unsigned> SourceText::lineAndColumn(llvm::StringRef File,
                                                        unsigned Offset) {
  const Lines *L = linesOf(File);
  if (!L || Offset > L->Buffer->getBufferSize())
    return {0, 0};
  auto After = std::upper_bound(L->Starts.begin(), L->Starts.end(), Offset);
  unsigned Line = After - L->Starts.begin();
  return {Line, Offset - L->Starts[Line - 1] + 1};
}

unsigned SourceText::offsetOf(llvm::StringRef File, unsigned Line,
                              unsigned Column) {
  const Lines *L = linesOf(File);
  if (!L || Line == 0 || Line > L->Starts.size() || Column == 0)
    return 0;
  return L->Starts[Line - 1] + Column - 1;
}

llvm::StringRef SourceText::line(llvm::StringRef File, unsigned Line) {
  const Lines *L = linesOf(File);
  if (!L || Line == 0 || Line > L->Starts.size())
    return "";
  llvm::StringRef Text = L->Buffer->getBuffer();
  size_t Begin = L->Starts[Line - 1];
  size_t End = Line < L->Starts.size() ? L->Starts[Line] - 1 : Text.size();
  return Text.slice(Begin, End).rtrim('\r');
}

std::optional<llvm::StringRef> SourceText::text(llvm::StringRef File) {
  const Lines *L = linesOf(File);
  if (!L)
    return std::nullopt;
  return L->Buffer->getBuffer();
}

} // namespace clang::coroguard
