//===--- CallRewritesTest.cpp - co_await, templates, handlers, guards -----===//

#include "RewriteTestSupport.h"

#include "CoroutineScope.h"
#include "analysis/ResourceLifetime.h"
#include "rewrites/CallTemplate.h"
#include "rewrites/ErrorHandlers.h"
#include "rewrites/InsertAwait.h"
#include "rewrites/LibraryForms.h"

#include "clang/AST/ParentMap.h"

#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::coroguard;
using namespace clang::coroguard::rewrites;

namespace {

TEST(InsertAwaitTest, BeforeTheWholeCall) {
  test::ParsedCode Code("#include <task.h>\n"
                        "testlib::task<int> fetch();\n"
                        "testlib::task<> f() {\n"
                        "  [&]() -> testlib::task<int> { return fetch(); }();\n"
                        "  co_return;\n"
                        "}\n");
  ASSERT_TRUE(Code.valid());
  const auto *Call = Code.first<CXXOperatorCallExpr>(
      cxxOperatorCallExpr(isExpansionInMainFile()));
  ASSERT_TRUE(Call);
  RewriteNodes Nodes(Code.context());
  std::string Text = Code.apply(insertAwait(*Call, Nodes), Nodes);
  EXPECT_NE(Text.find("  co_await [&]() -> testlib::task<int> { return "
                      "fetch(); }();\n"),
            std::string::npos)
      << Text;
}

TEST(InsertAwaitTest, RefusesACallAMacroSpellsInPart) {
  test::ParsedCode Code("#include <task.h>\n"
                        "testlib::task<int> fetch(int);\n"
                        "#define TWO() fetch(1); fetch(2)\n"
                        "testlib::task<> f() {\n"
                        "  TWO();\n"
                        "  co_return;\n"
                        "}\n");
  ASSERT_TRUE(Code.valid());
  const auto *Call =
      Code.first<CallExpr>(callExpr(callee(functionDecl(hasName("fetch")))));
  ASSERT_TRUE(Call);
  RewriteNodes Nodes(Code.context());
  EXPECT_EQ(Code.apply(insertAwait(*Call, Nodes), Nodes),
            "error: the call is written in a macro");
}

constexpr llvm::StringLiteral Objects = "#include <memory>\n"
                                        "struct result { int size() const; };\n"
                                        "struct fut { result get(); };\n"
                                        "fut make();\n";

/// Each call of `get` in \p Code replaced by \p Template: the statement
/// that holds it, as it reads after.
std::vector<std::string> replacedGets(test::ParsedCode &Code,
                                      llvm::StringRef Template) {
  auto Calls = match(cxxMemberCallExpr(callee(cxxMethodDecl(hasName("get"))),
                                       isExpansionInMainFile())
                         .bind("call"),
                     Code.context());
  std::vector<std::string> Made;
  for (const BoundNodes &N : Calls) {
    RewriteNodes Nodes(Code.context());
    const auto *Call = N.getNodeAs<CallExpr>("call");
    std::string Text =
        Code.apply(replaceCall(*Call, Template, "", Nodes), Nodes);
    size_t Line = Text.rfind('\n', Text.find("co_await")) + 1;
    Made.push_back(Text.substr(Line, Text.find('\n', Line) - Line));
  }
  return Made;
}

TEST(CallTemplateTest, ObjectArgumentsAndParentheses) {
  test::ParsedCode Code((Objects + "void f(fut &a, std::shared_ptr<fut> p) {\n"
                                   "  auto x = a.get();\n"
                                   "  auto y = p->get();\n"
                                   "  auto z = make().get();\n"
                                   "  int n = a.get().size();\n"
                                   "}\n")
                            .str());
  ASSERT_TRUE(Code.valid());
  std::vector<std::string> Made = replacedGets(Code, "co_await {moved}");
  ASSERT_EQ(Made.size(), 4u);
  EXPECT_EQ(Made[0], "  auto x = co_await std::move(a);");
  EXPECT_EQ(Made[1], "  auto y = co_await std::move(*p);");
  EXPECT_EQ(Made[2], "  auto z = co_await make();");
  EXPECT_EQ(Made[3], "  int n = (co_await std::move(a)).size();");
}

TEST(CallTemplateTest, KeepsTheArrowAndEveryArgument) {
  test::ParsedCode Code("#include <memory>\n"
                        "struct pool { void run(int, int); };\n"
                        "void f(std::shared_ptr<pool> p) { p->run(1, 2); }\n");
  ASSERT_TRUE(Code.valid());
  const auto *Call = Code.first<CallExpr>(cxxMemberCallExpr());
  RewriteNodes Nodes(Code.context());
  EXPECT_NE(
      Code.apply(replaceCall(*Call, "{object}.go({1}, {0})", "", Nodes), Nodes)
          .find("p->go(2, 1);"),
      std::string::npos);
  RewriteNodes Fewer(Code.context());
  EXPECT_EQ(
      Code.apply(replaceCall(*Call, "{object}.go({0})", "", Fewer), Fewer),
      "error: the awaitable form has no place for argument 1 of the "
      "call");
}

constexpr llvm::StringLiteral Callbacks =
    "#include <exception>\n"
    "template <class F> void on_done(F f) {}\n"
    "void log(const char *);\n";

TEST(ErrorHandlersTest, HandleInCallback) {
  test::ParsedCode Code((Callbacks + "void f() {\n"
                                     "  on_done([](std::exception_ptr) {});\n"
                                     "  on_done([](std::exception_ptr e) {\n"
                                     "    log(\"done\");\n"
                                     "  });\n"
                                     "}\n")
                            .str());
  ASSERT_TRUE(Code.valid());
  auto Lambdas = match(lambdaExpr().bind("l"), Code.context());
  ASSERT_EQ(Lambdas.size(), 2u);
  const auto *Unnamed = Lambdas[0].getNodeAs<LambdaExpr>("l");
  RewriteNodes Nodes(Code.context());
  std::string Text = Code.apply(
      handleInCallback(*Unnamed, *Unnamed->getCallOperator()->getParamDecl(0),
                       HandlerForm::Rethrow, "", Nodes),
      Nodes);
  EXPECT_NE(Text.find("on_done([](std::exception_ptr error) { if (error) "
                      "std::rethrow_exception(error); });"),
            std::string::npos)
      << Text;
  const auto *Named = Lambdas[1].getNodeAs<LambdaExpr>("l");
  RewriteNodes Again(Code.context());
  Text = Code.apply(handleInCallback(*Named,
                                     *Named->getCallOperator()->getParamDecl(0),
                                     HandlerForm::Report, "app::report", Again),
                    Again);
  EXPECT_NE(Text.find("on_done([](std::exception_ptr e) {\n"
                      "    if (e) app::report(e);\n"
                      "    log(\"done\");\n"),
            std::string::npos)
      << Text;
}

TEST(LibraryFormsTest, ScopeGuardRemovesTheReleasesOfTheBlock) {
  test::ParsedCode Code("#include <resources.h>\n"
                        "using namespace testlib;\n"
                        "task<> f(database &db) {\n"
                        "  connection c = co_await db.connect(\"x\");\n"
                        "  co_await c.send(\"a\");\n"
                        "  co_await c.close();\n"
                        "}\n");
  ASSERT_TRUE(Code.valid());
  const FunctionDecl *F = Code.function("f");
  std::vector<ResourceFindings> Lifetimes =
      analyzeResourceLifetimes(*F, Code.model(), Code.throws());
  ASSERT_EQ(Lifetimes.size(), 1u);
  Lifetimes[0].Resource.Guard = "auto {var}_guard = guard({var});";
  ParentMap Parents(const_cast<Stmt *>(getCoroutineUserBody(*F)));
  RewriteNodes Nodes(Code.context());
  std::string Text =
      Code.apply(scopeGuard(Lifetimes[0], Parents, Nodes), Nodes);
  EXPECT_NE(Text.find("  connection c = co_await db.connect(\"x\");\n"
                      "  auto c_guard = guard(c);\n"
                      "  co_await c.send(\"a\");\n"
                      "}\n"),
            std::string::npos)
      << Text;
}

} // namespace
