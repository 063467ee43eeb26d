//===--- HtmlSource.cpp ---------------------------------------------------===//
//
// clang's HTMLRewrite colours a file through a Rewriter and a Preprocessor
// (and so a compiler invocation); the report has only the text, so the raw
// lexer is run over it directly, as HTMLRewrite's SyntaxHighlight does for
// its token classes.
//
//===----------------------------------------------------------------------===//

#include "HtmlSource.h"

#include "clang/Basic/IdentifierTable.h"
#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"

namespace clang::coroguard::html {

std::string escape(llvm::StringRef Text) {
  std::string Out;
  Out.reserve(Text.size());
  for (char C : Text)
    switch (C) {
    case '&':
      Out += "&amp;";
      break;
    case '<':
      Out += "&lt;";
      break;
    case '>':
      Out += "&gt;";
      break;
    case '"':
      Out += "&quot;";
      break;
    case '\'':
      Out += "&#39;";
      break;
    default:
      Out += C;
    }
  return Out;
}

namespace {

LangOptions cxxOptions() {
  LangOptions Opts;
  Opts.CPlusPlus = Opts.CPlusPlus11 = Opts.CPlusPlus14 = Opts.CPlusPlus17 =
      Opts.CPlusPlus20 = true;
  Opts.Coroutines = true;
  Opts.Bool = true;
  Opts.LineComment = true;
  return Opts;
}

/// Appends text to the lines being built, splitting it at ends of line.
class LineBuilder {
public:
  explicit LineBuilder(std::vector<std::string> &Lines) : Lines(Lines) {
    Lines.emplace_back();
  }

  void add(llvm::StringRef Text, const char *Class) {
    while (true) {
      size_t End = Text.find('\n');
      llvm::StringRef Line = Text.substr(0, End);
      if (End != llvm::StringRef::npos)
        Line = Line.rtrim('\r');
      if (!Line.empty()) {
        if (Class)
          Lines.back() += std::string("<span class=") + Class + ">";
        Lines.back() += escape(Line);
        if (Class)
          Lines.back() += "</span>";
      }
      if (End == llvm::StringRef::npos)
        return;
      Lines.emplace_back();
      Text = Text.substr(End + 1);
    }
  }

private:
  std::vector<std::string> &Lines;
};

const char *classOf(const Token &Tok, const IdentifierTable &Keywords) {
  switch (Tok.getKind()) {
  case tok::comment:
    return "c";
  case tok::numeric_constant:
    return "n";
  case tok::raw_identifier: {
    auto It = Keywords.find(Tok.getRawIdentifier());
    if (It != Keywords.end() && It->getValue()->getTokenID() != tok::identifier)
      return "k";
    return nullptr;
  }
  default:
    if (tok::isStringLiteral(Tok.getKind()) ||
        Tok.isOneOf(tok::char_constant, tok::wide_char_constant,
                    tok::utf8_char_constant, tok::utf16_char_constant,
                    tok::utf32_char_constant, tok::header_name))
      return "s";
    return nullptr;
  }
}

} // namespace

std::vector<std::string> highlightLines(llvm::StringRef Source) {
  static const LangOptions Opts = cxxOptions();
  // Only read after it is made: the keywords of C++20.
  static const IdentifierTable Keywords(Opts);
  std::vector<std::string> Lines;
  LineBuilder Out(Lines);
  // A lexer needs a location to hand out; nothing here resolves one.
  Lexer Lex(SourceLocation::getFromRawEncoding(1), Opts, Source.begin(),
            Source.begin(), Source.end());
  Lex.SetCommentRetentionState(true);
  const size_t Base = 1;
  size_t Done = 0;
  bool InDirective = false;
  Token Tok;
  while (true) {
    Lex.LexFromRawLexer(Tok);
    if (Tok.is(tok::eof))
      break;
    size_t Begin = Tok.getLocation().getRawEncoding() - Base;
    size_t End = Begin + Tok.getLength();
    if (Begin < Done || End > Source.size())
      break;
    if (Tok.isAtStartOfLine())
      InDirective = Tok.is(tok::hash);
    Out.add(Source.slice(Done, Begin), nullptr);
    const char *Class = InDirective && !Tok.is(tok::comment)
                            ? (tok::isStringLiteral(Tok.getKind()) ? "s" : "p")
                            : classOf(Tok, Keywords);
    Out.add(Source.slice(Begin, End), Class);
    Done = End;
  }
  Out.add(Source.substr(Done), nullptr);
  // A file that ends with an end of line has no line after it.
  if (Lines.size() > 1 && Lines.back().empty() && Source.ends_with("\n"))
    Lines.pop_back();
  return Lines;
}

std::string pageHead(llvm::StringRef Title, llvm::StringRef Up) {
  return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
         "charset=\"utf-8\"><meta name=\"generator\" content=\"coroguard\">"
         "<title>" +
         escape(Title) + "</title><link rel=\"stylesheet\" href=\"" + Up.str() +
         "coroguard.css\"></head>\n";
}

} // namespace clang::coroguard::html
