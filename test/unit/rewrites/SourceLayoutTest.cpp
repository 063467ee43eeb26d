//===--- SourceLayoutTest.cpp - layout facts and templates of the rewrites ===//

#include "RewriteTestSupport.h"

#include "rewrites/SourceLayout.h"
#include "rewrites/Templates.h"

#include "clang/AST/StmtCXX.h"

#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::coroguard;
using namespace clang::coroguard::rewrites;

namespace {

const CompoundStmt *bodyOf(test::ParsedCode &Code, llvm::StringRef Name) {
  const FunctionDecl *F = Code.function(Name);
  return F ? dyn_cast<CompoundStmt>(F->getBody()) : nullptr;
}

TEST(SourceLayoutTest, IndentUnitAsWritten) {
  test::ParsedCode Code("void two() {\n  int a;\n}\n"
                        "void four() {\n    int a;\n}\n"
                        "void tab() {\n\tint a;\n}\n"
                        "void one_line() { int a; }\n");
  ASSERT_TRUE(Code.valid());
  const SourceManager &SM = Code.context().getSourceManager();
  EXPECT_EQ(indentUnit(*bodyOf(Code, "two"), SM), "  ");
  EXPECT_EQ(indentUnit(*bodyOf(Code, "four"), SM), "    ");
  EXPECT_EQ(indentUnit(*bodyOf(Code, "tab"), SM), "\t");
  EXPECT_EQ(indentUnit(*bodyOf(Code, "one_line"), SM), "  ");
}

TEST(SourceLayoutTest, EndOfStatementLineTakesTheCommentAlong) {
  test::ParsedCode Code("void f(int x) {\n  x = 1; // set\n  x = 2;\n}\n");
  ASSERT_TRUE(Code.valid());
  const CompoundStmt *Body = bodyOf(Code, "f");
  const SourceManager &SM = Code.context().getSourceManager();
  SourceLocation End =
      endOfStatementLine(*Body->body_front(), SM, Code.context().getLangOpts());
  // Line 2 is "  x = 1; // set": the end is after the comment.
  EXPECT_EQ(SM.getSpellingLineNumber(End), 2u);
  EXPECT_EQ(SM.getSpellingColumnNumber(End), 16u);
  End =
      endOfStatementLine(*Body->body_back(), SM, Code.context().getLangOpts());
  EXPECT_EQ(SM.getSpellingColumnNumber(End), 9u); // after "x = 2;"
}

TEST(SourceLayoutTest, LeadingCommentLinesMoveWithTheStatement) {
  test::ParsedCode Code("void f(int x) {\n"
                        "  x = 0; // not this one\n"
                        "\n"
                        "  // what x is for\n"
                        "  // and why\n"
                        "  x = 1;\n"
                        "  x = 2; // same line\n"
                        "  // a code line comes first\n"
                        "  x = 3; x = 4;\n"
                        "}\n");
  ASSERT_TRUE(Code.valid());
  const CompoundStmt *Body = bodyOf(Code, "f");
  const SourceManager &SM = Code.context().getSourceManager();
  auto Start = [&](unsigned I) {
    SourceLocation L = leadingCommentStart(*Body->body_begin()[I], SM);
    return std::make_pair(SM.getSpellingLineNumber(L),
                          SM.getSpellingColumnNumber(L));
  };
  // Two comment lines, then the statement; the blank line stops the walk.
  EXPECT_EQ(Start(1), std::make_pair(4u, 3u));
  // The line above holds code and a trailing comment: nothing moves.
  EXPECT_EQ(Start(2), std::make_pair(7u, 3u));
  EXPECT_EQ(Start(3), std::make_pair(8u, 3u));
  // Not at the start of its line: the comment is not its own.
  EXPECT_EQ(Start(4), std::make_pair(9u, 10u));
}

TEST(SourceLayoutTest, LinesInsideARawStringAreNotIndented) {
  test::ParsedCode Code("const char *f() {\n  return R\"(a\nb\n)\";\n}\n");
  ASSERT_TRUE(Code.valid());
  const CompoundStmt *Body = bodyOf(Code, "f");
  const SourceManager &SM = Code.context().getSourceManager();
  std::vector<SourceLocation> Starts = indentableLineStarts(
      CharSourceRange::getTokenRange(Body->body_front()->getSourceRange()), SM,
      Code.context().getLangOpts());
  ASSERT_EQ(Starts.size(), 1u);
  EXPECT_EQ(SM.getSpellingLineNumber(Starts.front()), 2u);
}

TEST(SourceLayoutTest, DirectivesAreFound) {
  test::ParsedCode Code("void f(int x) {\n  x = 1;\n#if 1\n  x = 2;\n#endif\n"
                        "  x = 3;\n}\n");
  ASSERT_TRUE(Code.valid());
  const CompoundStmt *Body = bodyOf(Code, "f");
  const SourceManager &SM = Code.context().getSourceManager();
  const LangOptions &LO = Code.context().getLangOpts();
  auto Range = [&](unsigned From, unsigned To) {
    return CharSourceRange::getTokenRange(
        Body->body_begin()[From]->getBeginLoc(),
        Body->body_begin()[To]->getEndLoc());
  };
  EXPECT_TRUE(hasPreprocessorDirective(Range(0, 2), SM, LO));
  EXPECT_FALSE(hasPreprocessorDirective(Range(0, 0), SM, LO));
}

TEST(SourceLayoutTest, FreshNamesAvoidTakenOnes) {
  llvm::StringSet<> Taken = {"conn_failure", "conn_failure2"};
  EXPECT_EQ(freshName("conn_failure", Taken), "conn_failure3");
  EXPECT_EQ(freshName("other", Taken), "other");
  EXPECT_EQ(freshName("other", Taken), "other2");
}

TEST(TemplatesTest, PlaceholdersAndTheTemplatesOwnBraces) {
  llvm::StringMap<std::string> Values;
  Values["var"] = "conn";
  Values["reporter"] = "app::report";
  EXPECT_EQ(expandTemplate("{var}.close()", Values), "conn.close()");
  EXPECT_EQ(
      expandTemplate("[](std::exception_ptr e) { {reporter}(e); }", Values),
      "[](std::exception_ptr e) { app::report(e); }");
  EXPECT_EQ(expandTemplate("{{var}}", Values), "{conn}");
  EXPECT_EQ(expandTemplate("{unknown} {", Values), "{unknown} {");
  EXPECT_TRUE(usesPlaceholder("a {body} b", "body"));
  EXPECT_FALSE(usesPlaceholder("a {bod} b", "body"));
}

} // namespace
