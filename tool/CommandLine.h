//===--- CommandLine.h - option errors in coroguard's own form ------------===//
//
// llvm::cl reports a bad option as "coroguard: <problem>", and a bad value
// ("'many' value invalid for uint argument") straight to standard error,
// whatever stream it is given. Every other error of the CLI reads
// "coroguard: error: ...", the line CI logs are searched for: the parser's
// output is captured and rewritten in that form.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_COMMANDLINE_H
#define COROGUARD_TOOL_COMMANDLINE_H

#include "llvm/ADT/StringRef.h"

namespace clang::coroguard {

/// llvm::cl::ParseCommandLineOptions, its complaints written as one
/// `coroguard: error:` line followed by `coroguard: note:` lines.
bool parseCommandLine(int Argc, const char *const *Argv,
                      llvm::StringRef Overview);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_COMMANDLINE_H
