//===--- SourceTextTest.cpp - lines and columns of long and odd files -----===//
//
// Offsets to lines and columns on files a lit test makes awkward: CRLF,
// no final newline, offsets past the end, and one very long line, which
// the text report must show cut to a window around the column.
//
//===----------------------------------------------------------------------===//

#include "SourceText.h"
#include "OutputWriters.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

using namespace clang::coroguard;

namespace {

class SourceTextTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("coroguard-text", Dir));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    std::string Path = (Dir + "/" + Name).str();
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    EXPECT_FALSE(EC);
    OS << Text;
    return Path;
  }

  llvm::SmallString<128> Dir;
};

TEST_F(SourceTextTest, LinesAndColumns) {
  std::string File = write("a.cpp", "ab\r\ncd\n\nlast");
  SourceText Text;
  EXPECT_EQ(Text.lineAndColumn(File, 0), std::make_pair(1u, 1u));
  EXPECT_EQ(Text.lineAndColumn(File, 4), std::make_pair(2u, 1u));
  EXPECT_EQ(Text.lineAndColumn(File, 5), std::make_pair(2u, 2u));
  EXPECT_EQ(Text.lineAndColumn(File, 7), std::make_pair(3u, 1u));
  EXPECT_EQ(Text.lineAndColumn(File, 11), std::make_pair(4u, 4u));
  // The end of the file is a position (a fix may insert there); past it is
  // not.
  EXPECT_EQ(Text.lineAndColumn(File, 12), std::make_pair(4u, 5u));
  EXPECT_EQ(Text.lineAndColumn(File, 13), std::make_pair(0u, 0u));
  EXPECT_EQ(Text.line(File, 1), "ab");
  EXPECT_EQ(Text.line(File, 3), "");
  EXPECT_EQ(Text.line(File, 4), "last");
  EXPECT_EQ(Text.line(File, 5), "");
  EXPECT_EQ(Text.line(File, 0), "");
}

TEST_F(SourceTextTest, UnreadableFileHasNoPositions) {
  SourceText Text;
  EXPECT_EQ(Text.lineAndColumn((Dir + "/missing.cpp").str(), 0),
            std::make_pair(0u, 0u));
  EXPECT_EQ(Text.line((Dir + "/missing.cpp").str(), 1), "");
  EXPECT_EQ(Text.lineAndColumn("", 0), std::make_pair(0u, 0u));
}

TEST_F(SourceTextTest, TextReportShowsAWindowOfALongLine) {
  std::string Line(5000, 'x');
  Line.replace(3000, 10, "c.close();");
  std::string File = write("long.cpp", Line + "\n");
  Report R;
  Finding F;
  F.Check = "coroguard-unawaited-task";
  F.Severity = "warning";
  F.Message = "discarded";
  F.Where.File = File;
  F.Where.Offset = 3000;
  std::tie(F.Where.Line, F.Where.Column) =
      R.Sources->lineAndColumn(File, F.Where.Offset);
  R.Findings.push_back(F);

  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeText(R, OS, /*ShowSource=*/true);
  llvm::SmallVector<llvm::StringRef> Lines;
  llvm::StringRef(Out).split(Lines, '\n', -1, /*KeepEmpty=*/false);
  ASSERT_EQ(Lines.size(), 3u);
  EXPECT_TRUE(Lines[0].starts_with(File + ":1:3001: warning: discarded"));
  // The window: "...", 60 bytes before the column, the rest up to 160.
  EXPECT_EQ(Lines[1], "    1 | ..." + std::string(60, 'x') + "c.close();" +
                          std::string(90, 'x') + "...");
  size_t Caret = Lines[2].find('^');
  EXPECT_EQ(Lines[1].find("c.close"), Caret);
}

TEST_F(SourceTextTest, ShortLinesAreShownWhole) {
  std::string File = write("short.cpp", "\tc.close();\n");
  Report R;
  Finding F;
  F.Check = "coroguard-unawaited-task";
  F.Severity = "warning";
  F.Message = "discarded";
  F.Where = {File, 1, 1, 2};
  R.Findings.push_back(F);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  writeText(R, OS, /*ShowSource=*/true);
  EXPECT_NE(Out.find("    1 | \tc.close();\n      | \t^\n"), std::string::npos)
      << Out;
}

} // namespace
