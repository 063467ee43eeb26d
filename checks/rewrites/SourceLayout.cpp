//===--- SourceLayout.cpp -------------------------------------------------===//

#include "rewrites/SourceLayout.h"

#include "clang-tidy/utils/LexerUtils.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::coroguard::rewrites {

namespace {

/// The offset of the start of the line that holds \p Offset in \p Buffer.
unsigned lineStartOffset(llvm::StringRef Buffer, unsigned Offset) {
  size_t NewLine = Buffer.substr(0, Offset).find_last_of("\n\r");
  return NewLine == llvm::StringRef::npos ? 0 : NewLine + 1;
}

/// Lexes \p Range raw (comments kept), from the start of its first line, and
/// calls \p Visit with each token that ends after the range begins and
/// starts before it ends.
template <typename VisitFn>
void forEachRawToken(CharSourceRange Range, const SourceManager &SM,
                     const LangOptions &LangOpts, VisitFn Visit) {
  auto [File, Begin] = SM.getDecomposedLoc(Range.getBegin());
  auto [EndFile, End] = SM.getDecomposedLoc(Range.getEnd());
  if (File != EndFile || End < Begin)
    return;
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return;
  unsigned Start = lineStartOffset(Buffer, Begin);
  Lexer Raw(SM.getLocForStartOfFile(File), LangOpts, Buffer.begin(),
            Buffer.begin() + Start, Buffer.end());
  Raw.SetCommentRetentionState(true);
  Token Tok;
  while (!Raw.LexFromRawLexer(Tok)) {
    unsigned TokBegin = SM.getFileOffset(Tok.getLocation());
    if (TokBegin >= End)
      break;
    if (TokBegin + Tok.getLength() > Begin)
      Visit(Tok, TokBegin);
  }
}

bool isBlank(char C) { return C == ' ' || C == '\t'; }

} // namespace

std::string lineIndentation(SourceLocation Loc, const SourceManager &SM) {
  auto [File, Offset] = SM.getDecomposedLoc(SM.getFileLoc(Loc));
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return "";
  llvm::StringRef Line = Buffer.substr(lineStartOffset(Buffer, Offset));
  return Line.take_while(isBlank).str();
}

std::string indentUnit(const CompoundStmt &Block, const SourceManager &SM) {
  if (Block.body_empty())
    return "  ";
  SourceLocation Brace = Block.getLBracLoc();
  SourceLocation First = Block.body_front()->getBeginLoc();
  if (Brace.isMacroID() || First.isMacroID() ||
      SM.getSpellingLineNumber(Brace) == SM.getSpellingLineNumber(First))
    return "  ";
  std::string Outer = lineIndentation(Brace, SM);
  std::string Inner = lineIndentation(First, SM);
  if (Inner.size() > Outer.size() && llvm::StringRef(Inner).starts_with(Outer))
    return Inner.substr(Outer.size());
  return "  ";
}

SourceLocation endOfStatementLine(const Stmt &S, const SourceManager &SM,
                                  const LangOptions &LangOpts) {
  SourceLocation Last = tidy::utils::lexer::getUnifiedEndLoc(S, SM, LangOpts);
  if (Last.isInvalid())
    Last = S.getEndLoc();
  if (Last.isInvalid() || Last.isMacroID())
    return {};
  SourceLocation End = Lexer::getLocForEndOfToken(Last, 0, SM, LangOpts);
  // getUnifiedEndLoc leaves out the ';' of an expression statement.
  if (std::optional<Token> Next =
          tidy::utils::lexer::findNextTokenSkippingComments(End, SM, LangOpts);
      Next && Next->is(tok::semi) &&
      SM.getSpellingLineNumber(Next->getLocation()) ==
          SM.getSpellingLineNumber(End) &&
      !isa<CompoundStmt, IfStmt, ForStmt, WhileStmt, SwitchStmt,
           CXXForRangeStmt, CXXTryStmt>(S))
    End = Next->getEndLoc();
  // A comment on the rest of the line stays with the statement.
  while (std::optional<Token> Next =
             tidy::utils::lexer::findNextTokenIncludingComments(End, SM,
                                                                LangOpts)) {
    if (!Next->is(tok::comment) ||
        SM.getSpellingLineNumber(Next->getLocation()) !=
            SM.getSpellingLineNumber(End))
      break;
    End = Next->getEndLoc();
  }
  return End;
}

CharSourceRange removalRange(const Stmt &S, const SourceManager &SM,
                             const LangOptions &LangOpts) {
  return removalRange(S.getBeginLoc(), S, SM, LangOpts);
}

SourceLocation leadingCommentStart(const Stmt &S, const SourceManager &SM) {
  SourceLocation Begin = S.getBeginLoc();
  if (Begin.isMacroID())
    return Begin;
  auto [File, Offset] = SM.getDecomposedLoc(Begin);
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid)
    return Begin;
  unsigned LineStart = lineStartOffset(Buffer, Offset);
  // Only a statement that begins its line carries the lines above it.
  if (!llvm::all_of(Buffer.slice(LineStart, Offset), isBlank))
    return Begin;
  unsigned Result = Offset;
  while (LineStart > 0) {
    unsigned Previous = lineStartOffset(Buffer, LineStart - 1);
    llvm::StringRef Line = Buffer.slice(Previous, LineStart).rtrim("\r\n");
    llvm::StringRef Text = Line.ltrim(" \t");
    if (!Text.starts_with("//") || Text.ends_with("\\"))
      break;
    Result = Previous + (Line.size() - Text.size());
    LineStart = Previous;
  }
  return SM.getLocForStartOfFile(File).getLocWithOffset(Result);
}

CharSourceRange removalRange(SourceLocation Begin, const Stmt &S,
                             const SourceManager &SM,
                             const LangOptions &LangOpts) {
  SourceLocation End = endOfStatementLine(S, SM, LangOpts);
  auto [File, BeginOffset] = SM.getDecomposedLoc(Begin);
  unsigned EndOffset = SM.getFileOffset(End);
  llvm::StringRef Buffer = SM.getBufferData(File);
  unsigned LineStart = BeginOffset;
  while (LineStart > 0 && isBlank(Buffer[LineStart - 1]))
    --LineStart;
  bool Alone = (LineStart == 0 || Buffer[LineStart - 1] == '\n') &&
               (EndOffset == Buffer.size() || Buffer[EndOffset] == '\n' ||
                Buffer[EndOffset] == '\r');
  if (!Alone || LineStart == 0)
    return CharSourceRange::getCharRange(Begin, End);
  // The line break removed is the one before the line: clang-tidy turns
  // fix-its into edits through clang's EditedSource, which widens a
  // removal with blanks on both sides by one character (the next line's
  // indentation would lose a blank).
  unsigned Break = LineStart - 1;
  if (Break > 0 && Buffer[Break - 1] == '\r')
    --Break;
  return CharSourceRange::getCharRange(
      Begin.getLocWithOffset(-int(BeginOffset - Break)), End);
}

std::vector<SourceLocation> indentableLineStarts(CharSourceRange Range,
                                                 const SourceManager &SM,
                                                 const LangOptions &LangOpts) {
  std::vector<SourceLocation> Starts;
  auto [File, Begin] = SM.getDecomposedLoc(Range.getBegin());
  unsigned End = SM.getFileOffset(Range.getEnd());
  bool Invalid = false;
  llvm::StringRef Buffer = SM.getBufferData(File, &Invalid);
  if (Invalid || End < Begin)
    return Starts;
  // Lines that begin inside a string literal: a raw string, or a literal
  // continued with a backslash.
  std::vector<std::pair<unsigned, unsigned>> Strings;
  forEachRawToken(Range, SM, LangOpts, [&](const Token &Tok, unsigned At) {
    if (tok::isStringLiteral(Tok.getKind()) || Tok.is(tok::char_constant))
      Strings.emplace_back(At, At + Tok.getLength());
  });
  SourceLocation FileStart = SM.getLocForStartOfFile(File);
  for (unsigned Line = lineStartOffset(Buffer, Begin); Line < End;) {
    llvm::StringRef Rest = Buffer.substr(Line);
    size_t Text = Rest.find_first_not_of(" \t");
    bool Blank = Text == llvm::StringRef::npos || Rest[Text] == '\n' ||
                 Rest[Text] == '\r';
    unsigned First = Line + (Text == llvm::StringRef::npos ? 0 : Text);
    bool InString = llvm::any_of(Strings, [&](const auto &S) {
      return S.first < Line && Line < S.second;
    });
    if (!Blank && !InString && First >= Begin && First < End)
      Starts.push_back(FileStart.getLocWithOffset(Line));
    size_t NewLine = Rest.find('\n');
    if (NewLine == llvm::StringRef::npos)
      break;
    Line += NewLine + 1;
  }
  return Starts;
}

bool hasPreprocessorDirective(CharSourceRange Range, const SourceManager &SM,
                              const LangOptions &LangOpts) {
  bool Found = false;
  forEachRawToken(Range, SM, LangOpts, [&](const Token &Tok, unsigned) {
    if (Tok.is(tok::hash) && Tok.isAtStartOfLine())
      Found = true;
  });
  return Found;
}

llvm::StringSet<> spelledIdentifiers(CharSourceRange Range,
                                     const SourceManager &SM,
                                     const LangOptions &LangOpts) {
  llvm::StringSet<> Names;
  forEachRawToken(Range, SM, LangOpts, [&](const Token &Tok, unsigned) {
    if (Tok.is(tok::raw_identifier))
      Names.insert(Tok.getRawIdentifier());
  });
  return Names;
}

std::string freshName(llvm::StringRef Base, llvm::StringSet<> &Taken) {
  std::string Name = Base.str();
  for (unsigned N = 2; Taken.count(Name); ++N)
    Name = (Base + llvm::Twine(N)).str();
  Taken.insert(Name);
  return Name;
}

} // namespace clang::coroguard::rewrites
