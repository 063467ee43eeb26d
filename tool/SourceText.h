//===--- SourceText.h - lines of the analysed files, read once ------------===//
//
// Findings carry a file and a byte offset. Line and column come from a
// table of line starts built once per file (a binary search per finding:
// minified or generated code with thousands of findings on one line costs
// no more than code with short lines), and writers that print a line, or
// hash it for a fingerprint, get a view into the one copy of the file.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_SOURCETEXT_H
#define COROGUARD_TOOL_SOURCETEXT_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace clang::coroguard {

class SourceText {
public:
  /// 1-based line and byte column of \p Offset in \p File, or {0, 0} when
  /// the file cannot be read or is shorter.
  std::pair<unsigned, unsigned> lineAndColumn(llvm::StringRef File,
                                              unsigned Offset);

  /// The byte offset of 1-based \p Line and \p Column in \p File (0 when
  /// unknown).
  unsigned offsetOf(llvm::StringRef File, unsigned Line, unsigned Column);

  /// The text of line \p Line (1-based) of \p File, without its end of
  /// line; empty when unknown.
  llvm::StringRef line(llvm::StringRef File, unsigned Line);

  /// The whole text of \p File; std::nullopt when it cannot be read.
  std::optional<llvm::StringRef> text(llvm::StringRef File);

private:
  struct Lines {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    std::vector<unsigned> Starts; ///< offset of each line's first byte
  };
  const Lines *linesOf(llvm::StringRef File);
  llvm::StringMap<std::unique_ptr<Lines>> Files;
};

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_SOURCETEXT_H
