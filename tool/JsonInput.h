//===--- JsonInput.h - reads the JSON report back (coroguard merge) -------===//
//
// `coroguard merge` combines the JSON reports of shards (--shard=K/N) into
// the report a single run would have written.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_JSONINPUT_H
#define COROGUARD_TOOL_JSONINPUT_H

#include "Findings.h"

#include "llvm/Support/Error.h"

namespace clang::coroguard {

/// Appends the findings, errors and analysed files of the JSON report at
/// \p Path ('-' for standard input) to \p Into.
llvm::Error readJsonReport(llvm::StringRef Path, Report &Into);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_JSONINPUT_H
