//===--- PortableReleaseTest.cpp - where the region goes and what it says -===//

#include "RewriteTestSupport.h"

#include "CoroutineScope.h"
#include "analysis/ResourceLifetime.h"
#include "rewrites/PortableRelease.h"
#include "rewrites/ReleaseRegion.h"

#include "clang/AST/ParentMap.h"

#include "gtest/gtest.h"

using namespace clang;
using namespace clang::coroguard;
using namespace clang::coroguard::rewrites;

namespace {

constexpr llvm::StringLiteral Prelude = "#include <resources.h>\n"
                                        "using namespace testlib;\n";

/// Plans and renders the rewrite of every resource of \p Name.
class Rewriter {
public:
  Rewriter(llvm::StringRef Body, llvm::StringRef Name)
      : Code((Prelude + Body).str()) {
    if (!Code.valid())
      return;
    Function = Code.function(Name);
    if (!Function)
      return;
    Lifetimes =
        analyzeResourceLifetimes(*Function, Code.model(), Code.throws());
    Traces = traceResourceLifetimes(*Function, Code.model(), Code.throws(),
                                    Lifetimes);
    Parents.emplace(const_cast<Stmt *>(getCoroutineUserBody(*Function)));
  }

  llvm::Expected<ReleaseRegion> plan(unsigned I) {
    std::vector<const VarDecl *> Others;
    for (const ResourceFindings &F : Lifetimes)
      Others.push_back(F.Var);
    return planReleaseRegion(Lifetimes[I], Traces[I],
                             *getCoroutineUserBody(*Function), *Parents, {},
                             Others, Code.context());
  }

  /// The file with every resource rewritten, or "error: why".
  std::string rewriteAll() {
    std::vector<ReleaseRegion> Regions;
    for (unsigned I = 0; I < Lifetimes.size(); ++I) {
      llvm::Expected<ReleaseRegion> R = plan(I);
      if (!R)
        return "error: " + reasonOf(R.takeError());
      Regions.push_back(std::move(*R));
    }
    if (llvm::Error E = nestRegions(Regions, *Parents))
      return "error: " + reasonOf(std::move(E));
    RewriteNodes Nodes(Code.context());
    std::string Text =
        Code.apply(portableRelease(Regions, *getCoroutineUserBody(*Function),
                                   *Parents, Nodes),
                   Nodes);
    return llvm::StringRef(Text).starts_with(Prelude)
               ? Text.substr(Prelude.size())
               : Text;
  }

  test::ParsedCode Code;
  const FunctionDecl *Function = nullptr;
  std::vector<ResourceFindings> Lifetimes;
  std::vector<ResourceTrace> Traces;
  std::optional<ParentMap> Parents;
};

TEST(ReleaseRegionTest, EndForms) {
  Rewriter Kept("task<> f(database &db) {\n"
                "  connection c = co_await db.connect(\"x\");\n"
                "  co_await c.send(\"a\");\n"
                "  co_await c.close();\n"
                "}\n",
                "f");
  ASSERT_EQ(Kept.Lifetimes.size(), 1u);
  llvm::Expected<ReleaseRegion> R = Kept.plan(0);
  ASSERT_TRUE(bool(R));
  EXPECT_EQ(R->End, ReleaseRegion::EndForm::KeptRelease);
  EXPECT_EQ(R->First, 1u);
  EXPECT_EQ(R->Last, 1u);

  Rewriter Never("task<> f(pool &p) {\n"
                 "  auto c = co_await p.acquire();\n"
                 "  co_await c.send(\"a\");\n"
                 "}\n",
                 "f");
  R = Never.plan(0);
  ASSERT_TRUE(bool(R));
  EXPECT_EQ(R->End, ReleaseRegion::EndForm::ReleaseHere);
  EXPECT_EQ(R->ReleaseText, "c.close()");

  Rewriter Returns("task<int> f(database &db) {\n"
                   "  connection c = co_await db.connect(\"x\");\n"
                   "  int n = co_await c.receive();\n"
                   "  co_await c.close();\n"
                   "  co_return n;\n"
                   "}\n",
                   "f");
  R = Returns.plan(0);
  ASSERT_TRUE(bool(R));
  EXPECT_EQ(R->End, ReleaseRegion::EndForm::Unreachable);

  Rewriter Commits("task<> f(database &db) {\n"
                   "  transaction t = co_await db.begin();\n"
                   "  co_await t.execute(\"x\");\n"
                   "  co_await t.commit();\n"
                   "}\n",
                   "f");
  R = Commits.plan(0);
  ASSERT_TRUE(bool(R));
  EXPECT_EQ(R->End, ReleaseRegion::EndForm::ReleaseIfFailed);
  EXPECT_EQ(failureRelease(R->Resource->Resource), "rollback");
}

TEST(ReleaseRegionTest, EarlyExitsGetTheRelease) {
  Rewriter Code("task<> f(database &db, bool quick) {\n"
                "  connection c = co_await db.connect(\"x\");\n"
                "  if (quick)\n"
                "    co_return;\n"
                "  co_await c.close();\n"
                "}\n",
                "f");
  llvm::Expected<ReleaseRegion> R = Code.plan(0);
  ASSERT_TRUE(bool(R));
  ASSERT_EQ(R->ReleaseBefore.size(), 1u);
  EXPECT_TRUE(isa<CoreturnStmt>(R->ReleaseBefore.front()));
}

TEST(ReleaseRegionTest, RefusesWhatItCannotKeep) {
  Rewriter Branch("task<> f(database &db, bool ok) {\n"
                  "  connection c = co_await db.connect(\"x\");\n"
                  "  co_await c.send(\"a\");\n"
                  "  if (ok)\n"
                  "    co_await c.close();\n"
                  "}\n",
                  "f");
  llvm::Expected<ReleaseRegion> R = Branch.plan(0);
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(reasonOf(R.takeError()),
            "'c' is released on some paths only before the end of its "
            "scope; release it on every path by hand");

  Rewriter Value("task<bool> f(database &db) {\n"
                 "  connection c = co_await db.connect(\"x\");\n"
                 "  co_return c.is_open();\n"
                 "}\n",
                 "f");
  R = Value.plan(0);
  ASSERT_FALSE(bool(R));
  EXPECT_EQ(reasonOf(R.takeError()),
            "the value of this co_return uses 'c', which would be released "
            "before it");
}

TEST(PortableReleaseTest, HappyPathOnly) {
  Rewriter Code("task<> f(database &db) {\n"
                "  connection c = co_await db.connect(\"x\");\n"
                "  co_await c.send(\"a\");\n"
                "  co_await c.close();\n"
                "}\n",
                "f");
  EXPECT_EQ(Code.rewriteAll(), "task<> f(database &db) {\n"
                               "  connection c = co_await db.connect(\"x\");\n"
                               "  std::exception_ptr c_failure;\n"
                               "  try {\n"
                               "    co_await c.send(\"a\");\n"
                               "  } catch (...) {\n"
                               "    c_failure = std::current_exception();\n"
                               "  }\n"
                               "  co_await c.close();\n"
                               "  if (c_failure)\n"
                               "    std::rethrow_exception(c_failure);\n"
                               "}\n");
}

TEST(PortableReleaseTest, ExitsAndNesting) {
  Rewriter Code("task<> f(database &db, bool quick) {\n"
                "  auto a = co_await db.connect(\"a\");\n"
                "  auto b = co_await db.connect(\"b\");\n"
                "  if (quick)\n"
                "    co_return;\n"
                "  co_await a.close();\n"
                "  co_await b.close();\n"
                "}\n",
                "f");
  EXPECT_EQ(Code.rewriteAll(),
            "task<> f(database &db, bool quick) {\n"
            "  auto a = co_await db.connect(\"a\");\n"
            "  std::exception_ptr a_failure;\n"
            "  try {\n"
            "    auto b = co_await db.connect(\"b\");\n"
            "    std::exception_ptr b_failure;\n"
            "    try {\n"
            "      if (quick)\n"
            "        { co_await b.close(); co_await a.close(); co_return; }\n"
            "    } catch (...) {\n"
            "      b_failure = std::current_exception();\n"
            "    }\n"
            "    co_await b.close();\n"
            "    if (b_failure)\n"
            "      std::rethrow_exception(b_failure);\n"
            "  } catch (...) {\n"
            "    a_failure = std::current_exception();\n"
            "  }\n"
            "  co_await a.close();\n"
            "  if (a_failure)\n"
            "    std::rethrow_exception(a_failure);\n"
            "}\n");
}

} // namespace
