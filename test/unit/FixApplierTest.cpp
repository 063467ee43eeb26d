//===--- FixApplierTest.cpp - what --fix refuses to write -----------------===//
//
// The refusals that a lit test cannot provoke reliably: a file that changes
// between its analysis and the fix.
//
//===----------------------------------------------------------------------===//

#include "FixApplier.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <thread>

using namespace clang::coroguard;

namespace {

class FixApplierTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("coroguard-fix", Dir));
    Path = std::string(Dir) + "/a.cpp";
    write("task<> f() { work(); }\n");
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  void write(llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }
  std::string read() {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : "";
  }
  /// What the analysis saw: the file as it is now.
  void recordRead(Report &R) {
    llvm::sys::fs::file_status Status;
    ASSERT_FALSE(llvm::sys::fs::status(Path, Status));
    R.FilesRead[Path] =
        FileStamp{Status.getSize(), Status.getLastModificationTime()};
  }
  /// A finding with one fix-it: `co_await ` before `work();`.
  Report reportWithFix() {
    Report R;
    Finding F;
    F.Check = "coroguard-unawaited-task";
    F.Message = "task returned by 'work' is discarded, so it never runs";
    F.Where.File = Path;
    F.Fixes.push_back({Path, 13, 0, "co_await "});
    R.Findings.push_back(F);
    return R;
  }

  llvm::SmallString<128> Dir;
  std::string Path;
};

TEST_F(FixApplierTest, AppliesToAFileAsItWasAnalysed) {
  Report R = reportWithFix();
  recordRead(R);
  std::string Log;
  llvm::raw_string_ostream OS(Log);
  unsigned Applied = 0;
  EXPECT_EQ(applyFixes(R, OS, Applied), 0u);
  EXPECT_EQ(Applied, 1u);
  EXPECT_EQ(read(), "task<> f() { co_await work(); }\n");
}

TEST_F(FixApplierTest, RefusesAFileThatChangedSinceItWasAnalysed) {
  Report R = reportWithFix();
  recordRead(R);
  // Someone edits the file while the analysis of other files goes on.
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  write("// edited\ntask<> f() { work(); }\n");
  std::string Log;
  llvm::raw_string_ostream OS(Log);
  unsigned Applied = 0;
  EXPECT_EQ(applyFixes(R, OS, Applied), 1u);
  EXPECT_EQ(Applied, 0u);
  EXPECT_EQ(read(), "// edited\ntask<> f() { work(); }\n");
  EXPECT_NE(Log.find("changed since it was analysed"), std::string::npos)
      << Log;
}

TEST_F(FixApplierTest, RefusesAFileTheAnalysisDidNotRead) {
  Report R = reportWithFix();
  std::string Log;
  llvm::raw_string_ostream OS(Log);
  unsigned Applied = 0;
  EXPECT_EQ(applyFixes(R, OS, Applied), 1u);
  EXPECT_EQ(Applied, 0u);
  EXPECT_EQ(read(), "task<> f() { work(); }\n");
  EXPECT_NE(Log.find("not read by the analysis"), std::string::npos) << Log;
}

} // namespace
