//===--- FunctionSpans.h - where each function of the user's code lies ----===//
//
// A finding's identity (see Identity.h) includes the signature of the
// function it lies in, so that a finding keeps its identity when lines are
// inserted above it, and two equal lines in different functions differ.
// clang-tidy's errors carry only offsets; this records, while the AST is
// still alive, the span and signature of every function defined outside
// system headers.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_FUNCTIONSPANS_H
#define COROGUARD_TOOL_FUNCTIONSPANS_H

#include "clang/AST/ASTContext.h"

#include <string>
#include <vector>

namespace clang::coroguard {

struct FunctionSpan {
  std::string File; ///< absolute, without `.` and `..`
  unsigned Begin = 0, End = 0;
  /// Qualified name and parameter types, e.g. `net::serve(int, socket &)`:
  /// no line numbers, so it survives edits elsewhere in the file.
  std::string Signature;
};

/// The functions (lambdas excluded: their names hold line numbers) defined
/// in \p Context outside system headers; relative file names are resolved
/// against \p WorkingDirectory (the compile command's directory).
std::vector<FunctionSpan>
collectFunctionSpans(ASTContext &Context, llvm::StringRef WorkingDirectory);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_FUNCTIONSPANS_H
