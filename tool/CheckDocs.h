//===--- CheckDocs.h - where each check's page is -------------------------===//
//
// The check pages (docs/checks/coroguard-<check>.md) are linked from SARIF
// (helpUri), from the HTML report and from the editor (clangd's
// codeDescription), and embedded where a format carries the text.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_CHECKDOCS_H
#define COROGUARD_TOOL_CHECKDOCS_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace clang::coroguard {

/// Where the check pages are, as a URL ending in '/': \p DocsUrl if given,
/// else next to an installed coroguard (share/doc/coroguard), else in the
/// source tree it was built from.
std::string docsBase(llvm::StringRef DocsUrl, const char *Argv0);

/// The page of \p Check under \p DocsBase (a docsBase result).
std::string checkPageUrl(llvm::StringRef DocsBase, llvm::StringRef Check);

/// The Markdown text of every check's page, by check name, embedded at
/// build time.
const llvm::StringMap<llvm::StringRef> &checkPages();

} // namespace clang::coroguard

#endif // COROGUARD_TOOL_CHECKDOCS_H
