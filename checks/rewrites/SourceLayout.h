//===--- SourceLayout.h - how the code around a rewrite is laid out -------===//
//
// The facts about the text that a rewrite needs to keep the user's layout:
// the indentation of a line and of one nesting level, where a statement's
// text ends on its line (its ';' and a comment after it), which lines of a
// range may be indented (not those inside a string literal that spans
// lines), whether a range holds a preprocessor directive, and the
// identifiers a function already spells. All of them are read with clang's
// own lexer in raw mode, never by searching the text.
//
//===----------------------------------------------------------------------===//

#ifndef COROGUARD_CHECKS_REWRITES_SOURCELAYOUT_H
#define COROGUARD_CHECKS_REWRITES_SOURCELAYOUT_H

#include "clang/AST/Stmt.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringSet.h"

#include <string>
#include <vector>

namespace clang {
class SourceManager;
} // namespace clang

namespace clang::coroguard::rewrites {

/// The blanks that start the line of the file location \p Loc.
std::string lineIndentation(SourceLocation Loc, const SourceManager &SM);

/// One level of indentation as \p Block's code writes it: its statements'
/// indentation less that of the line of its '{'; two spaces when that
/// cannot be told (a block on one line, statements at the brace's column).
std::string indentUnit(const CompoundStmt &Block, const SourceManager &SM);

/// The file location right after \p S's text on its line: after its last
/// token, its ';' when it has one, and a comment that follows on the same
/// line. Invalid when \p S ends in a macro.
SourceLocation endOfStatementLine(const Stmt &S, const SourceManager &SM,
                                  const LangOptions &LangOpts);

/// What removing statement \p S takes away: its text to the end of its
/// line (its ';' and a comment after it), and the whole line with its line
/// break when nothing else is on it.
CharSourceRange removalRange(const Stmt &S, const SourceManager &SM,
                             const LangOptions &LangOpts);

/// Where the `//` comment lines right above \p S begin (no blank line
/// between them and \p S, nothing but the comment on each), or \p S's own
/// begin when there are none: the comment that says what \p S is for,
/// which moves with it.
SourceLocation leadingCommentStart(const Stmt &S, const SourceManager &SM);

/// removalRange, from \p Begin (leadingCommentStart) rather than from the
/// statement's own begin.
CharSourceRange removalRange(SourceLocation Begin, const Stmt &S,
                             const SourceManager &SM,
                             const LangOptions &LangOpts);

/// The start of every line of \p Range (a file range) whose first
/// character lies in it and that holds code to indent: not blank, and not
/// the continuation of a string literal that spans lines (indenting it
/// would change the string).
std::vector<SourceLocation> indentableLineStarts(CharSourceRange Range,
                                                 const SourceManager &SM,
                                                 const LangOptions &LangOpts);

/// Whether \p Range (a file range) holds a preprocessor directive.
bool hasPreprocessorDirective(CharSourceRange Range, const SourceManager &SM,
                              const LangOptions &LangOpts);

/// Every identifier spelled in \p Range (a file range): the names a new
/// local must not take.
llvm::StringSet<> spelledIdentifiers(CharSourceRange Range,
                                     const SourceManager &SM,
                                     const LangOptions &LangOpts);

/// \p Base, or \p Base with a number appended, whichever is not in
/// \p Taken; the result is added to \p Taken.
std::string freshName(llvm::StringRef Base, llvm::StringSet<> &Taken);

} // namespace clang::coroguard::rewrites

#endif // COROGUARD_CHECKS_REWRITES_SOURCELAYOUT_H
