//===--- Identity.h - a finding's identity across edits -------------------===//
//
// A baseline and code scanning must recognise a finding after unrelated
// edits: lines inserted above it, another file reformatted, the build
// directory moved. A finding's identity is a hash of its check, its file
// relative to the project root, the text of its line without whitespace and
// the signature of its function, followed by `:N`, its index among the
// findings of the run with the same hash. It does not depend on the line
// number, on any absolute path, or on numbers the preprocessor pastes into
// a function's name (FunctionSpans.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_IDENTITY_H
#define COROGUARD_TOOL_IDENTITY_H

#include "Findings.h"

#include <string>

namespace clang::coroguard {

/// The nearest directory at or above \p StartDirectory that holds `.git`,
/// or \p StartDirectory itself.
std::string findProjectRoot(llvm::StringRef StartDirectory);

/// \p File relative to \p Root with '/' separators when it lies inside it;
/// otherwise \p File unchanged.
std::string relativeToRoot(llvm::StringRef File, llvm::StringRef Root);

/// Sets the Identity of every finding of \p R that has none (in report
/// order; one that has one, a merged part's, keeps it and is counted).
void assignIdentities(Report &R, llvm::StringRef Root);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_IDENTITY_H
