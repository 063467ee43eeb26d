//===--- HtmlAssets.h - the HTML report's stylesheet, script, check pages -===//

#ifndef COROGUARD_TOOL_HTMLASSETS_H
#define COROGUARD_TOOL_HTMLASSETS_H

#include "CheckCatalog.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace clang::coroguard::html {

/// coroguard.css, shared by every page.
llvm::StringRef stylesheet();

/// coroguard.js: the index's filters (also set from the URL:
/// index.html?check=coroguard-blocking-call&state=new) and sorting.
llvm::StringRef indexScript();

/// checks/<check>.html: the check's documentation page (docs/checks),
/// embedded so that the report needs nothing else.
void writeCheckPage(const CheckInfo &Check, llvm::raw_ostream &OS);

/// Markdown as coroguard's documentation writes it (headings, paragraphs,
/// lists, tables, fenced code, `code`, **bold**, links) as HTML, every piece
/// of text escaped. Links other than http(s) become plain text.
std::string markdownToHtml(llvm::StringRef Markdown);

} // namespace clang::coroguard::html

#endif // COROGUARD_TOOL_HTMLASSETS_H
