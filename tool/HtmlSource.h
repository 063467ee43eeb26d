//===--- HtmlSource.h - source text and messages as HTML ------------------===//
//
// Everything the HTML report shows of a source file or of a message goes
// through here: escaped, so that no file name, string literal or message
// can add markup, and coloured by clang's own lexer.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_TOOL_HTMLSOURCE_H
#define COROGUARD_TOOL_HTMLSOURCE_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace clang::coroguard::html {

/// \p Text with `&`, `<`, `>`, `"` and `'` as character references: safe
/// in element content and in quoted attribute values.
std::string escape(llvm::StringRef Text);

/// The lines of the C++ source \p Source as HTML, one string per line
/// (without its end of line). Keywords, comments, string and character
/// literals, numbers and preprocessor directives are spans of classes
/// `k`, `c`, `s`, `n` and `p`; a token that spans lines (a block comment,
/// a raw string) is closed at each end of line and reopened on the next,
/// so that every line stands alone.
std::vector<std::string> highlightLines(llvm::StringRef Source);

/// The start of a report page up to `</head>`: its \p Title and the
/// stylesheet, \p Up being the way to the report's top directory ("" or
/// "../").
std::string pageHead(llvm::StringRef Title, llvm::StringRef Up);

} // namespace clang::coroguard::html

#endif // COROGUARD_TOOL_HTMLSOURCE_H
