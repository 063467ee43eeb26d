//===--- ProjectFactsTest.cpp - the whole-project fixpoint ----------------===//

#include "project/ProjectFacts.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

namespace clang::coroguard::project {
namespace {

Step at(llvm::StringRef File, unsigned Line, llvm::StringRef Caller,
        llvm::StringRef Callee) {
  return Step{File.str(), Line, 3, Caller.str(), Callee.str()};
}

/// A function of \p File that blocks by itself (calls sleep at \p Line).
FunctionFacts blocking(llvm::StringRef Key, llvm::StringRef File,
                       unsigned Line) {
  FunctionFacts F;
  F.Key = Key.str();
  F.Name = Key.str();
  F.File = File.str();
  F.Line = Line;
  F.Blocks = {at(File, Line + 1, Key, "sleep")};
  F.Blocking = "sleep";
  return F;
}

/// A function of \p File that calls each of \p Callees (unseen in its
/// unit).
FunctionFacts calling(llvm::StringRef Key, llvm::StringRef File,
                      std::vector<std::string> Callees) {
  FunctionFacts F;
  F.Key = Key.str();
  F.Name = Key.str();
  F.File = File.str();
  F.Line = 1;
  unsigned Line = 2;
  for (const std::string &Callee : Callees)
    F.Calls.push_back({Callee, at(File, Line++, Key, Callee)});
  return F;
}

TEST(ProjectFactsTest, ChainsGoThroughFilesAndTakeTheShortestWay) {
  FactBase Base;
  Base.add(calling("a", "/a.cpp", {"b", "c"}));
  Base.add(calling("b", "/b.cpp", {"c"}));
  Base.add(blocking("c", "/c.cpp", 10));
  Base.resolve();
  std::optional<BlockingChain> A = Base.blocks("a");
  ASSERT_TRUE(A);
  // a -> c directly (2 steps), not a -> b -> c (3).
  ASSERT_EQ(A->Steps.size(), 2u);
  EXPECT_EQ(A->Steps[0].File, "/a.cpp");
  EXPECT_EQ(A->Steps[0].Callee, "c");
  EXPECT_EQ(A->Steps[1].File, "/c.cpp");
  EXPECT_EQ(A->Blocking, "sleep");
  EXPECT_FALSE(Base.blocks("unknown"));
}

TEST(ProjectFactsTest, MutualRecursionSettles) {
  FactBase Quiet;
  Quiet.add(calling("even", "/even.cpp", {"odd"}));
  Quiet.add(calling("odd", "/odd.cpp", {"even"}));
  Quiet.resolve();
  EXPECT_FALSE(Quiet.blocks("even"));
  EXPECT_FALSE(Quiet.blocks("odd"));

  FactBase Blocks;
  Blocks.add(calling("even", "/even.cpp", {"odd"}));
  Blocks.add(calling("odd", "/odd.cpp", {"even", "wait"}));
  Blocks.add(blocking("wait", "/wait.cpp", 4));
  Blocks.resolve();
  ASSERT_TRUE(Blocks.blocks("even"));
  EXPECT_EQ(Blocks.blocks("even")->Steps.size(), 3u);
}

TEST(ProjectFactsTest, SeveralDefinitionsMustAllBlock) {
  // The same function defined in two files (inline in a header, or an ODR
  // violation): reported only if each definition blocks.
  FactBase Base;
  Base.add(blocking("f", "/one.cpp", 1));
  Base.add(calling("f", "/two.cpp", {"g"}));
  Base.resolve();
  EXPECT_FALSE(Base.blocks("f"));

  FactBase Both;
  Both.add(blocking("f", "/one.cpp", 1));
  Both.add(blocking("f", "/two.cpp", 1));
  Both.add(blocking("f", "/one.cpp", 1)); // the same one, from a second unit
  Both.resolve();
  EXPECT_TRUE(Both.blocks("f"));
  EXPECT_EQ(Both.functions().size(), 2u);
}

TEST(ProjectFactsTest, OrderOfUnitsDoesNotMatter) {
  auto Resolved = [](bool Reversed) {
    std::vector<FunctionFacts> Facts = {calling("a", "/a.cpp", {"b", "c"}),
                                        blocking("b", "/b.cpp", 3),
                                        blocking("c", "/c.cpp", 7)};
    if (Reversed)
      std::reverse(Facts.begin(), Facts.end());
    FactBase Base;
    for (FunctionFacts &F : Facts)
      Base.add(std::move(F));
    Base.resolve();
    return Base.blocks("a")->Steps;
  };
  EXPECT_EQ(Resolved(false), Resolved(true));
}

TEST(ProjectFactsTest, ErrorsAreLetOutUnlessSeenHandled) {
  FactBase Base;
  FunctionFacts Handles = calling("serve", "/s.cpp", {});
  Handles.HandlesErrors = true;
  Base.add(Handles);
  Base.resolve();
  EXPECT_FALSE(Base.holds({Fact::LetsErrorsOut, "serve"}));
  EXPECT_TRUE(Base.holds({Fact::LetsErrorsOut, "other"}));
  EXPECT_FALSE(Base.holds({Fact::Blocks, "serve"}));
}

TEST(ProjectFactsTest, ConditionTravelsInTheMessage) {
  std::string Message =
      conditionalMessage("'f' blocks", {Fact::Blocks, "c:@F@operator%#I#"});
  std::optional<Condition> C = takeCondition(Message);
  ASSERT_TRUE(C);
  EXPECT_EQ(Message, "'f' blocks");
  EXPECT_EQ(C->What, Fact::Blocks);
  EXPECT_EQ(C->Key, "c:@F@operator%#I#");
  EXPECT_FALSE(takeCondition(Message));
}

TEST(ProjectFactsTest, SummaryFileRoundTripsAndDropsChangedFiles) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("facts", Dir));
  std::string Source = (Dir + "/render.cpp").str();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Source, EC);
    OS << "void render() { sleep(1); }\n";
  }
  FactBase Base;
  Base.add(blocking("render", Source, 1));
  Base.resolve();
  std::string Summary = (Dir + "/summaries.json").str();
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Summary, EC);
    writeSummaryFile(Base, OS);
  }
  unsigned Stale = 0;
  llvm::Expected<FactBase> Read = readSummaryFile(Summary, &Stale);
  ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
  EXPECT_TRUE(Read->blocks("render"));
  EXPECT_EQ(Stale, 0u);

  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Source, EC);
    OS << "void render() {}\n";
  }
  llvm::Expected<FactBase> Changed = readSummaryFile(Summary, &Stale);
  ASSERT_TRUE(bool(Changed)) << llvm::toString(Changed.takeError());
  EXPECT_FALSE(Changed->blocks("render"));
  EXPECT_EQ(Stale, 1u);

  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Summary, EC);
    OS << "{\"format\": \"coroguard-summaries\", \"version\": 99}";
  }
  llvm::Expected<FactBase> Future = readSummaryFile(Summary);
  ASSERT_FALSE(bool(Future));
  EXPECT_NE(llvm::toString(Future.takeError()).find("version 99"),
            std::string::npos);
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
} // namespace clang::coroguard::project
