//===--- OutputFile.h - reports written so that a failure is seen ---------===//

#ifndef COROGUARD_TOOL_OUTPUTFILE_H
#define COROGUARD_TOOL_OUTPUTFILE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::coroguard {

/// Writes what \p Write produces to \p Path: a regular file (new or not) is
/// written beside and renamed into place, so a reader never sees half a
/// report; anything else (a device, a pipe) is written directly. Every write,
/// flush and close is checked: a full disk or /dev/full is an error, never a
/// silent loss.
llvm::Error
writeOutputFile(llvm::StringRef Path,
                llvm::function_ref<void(llvm::raw_ostream &)> Write);

/// Flushes \p OS (standard output) and says whether everything reached it.
llvm::Error checkedFlush(llvm::raw_fd_ostream &OS);

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_OUTPUTFILE_H
