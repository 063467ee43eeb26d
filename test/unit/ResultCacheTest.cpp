//===--- ResultCacheTest.cpp - the result cache's own rules ---------------===//
//
// What a lit test cannot order reliably: which entries eviction removes, a
// file changed between its read and the store, and that an entry gives back
// every field it was given.
//
//===----------------------------------------------------------------------===//

#include "ResultCache.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <chrono>

using namespace clang::coroguard;

namespace {

class ResultCacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("coroguard-cache", Dir));
    Source = std::string(Dir) + "/a.cpp";
    write(Source, "task<> f() { work(); }\n");
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Dir); }

  static void write(llvm::StringRef Path, llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }
  static FileStamp stampOf(llvm::StringRef Path) {
    llvm::sys::fs::file_status Status;
    EXPECT_FALSE(llvm::sys::fs::status(Path, Status));
    return {Status.getSize(), Status.getLastModificationTime()};
  }
  static void setModified(llvm::StringRef Path,
                          std::chrono::system_clock::time_point When) {
    int FD = -1;
    ASSERT_FALSE(llvm::sys::fs::openFileForWrite(
        Path, FD, llvm::sys::fs::CD_OpenExisting));
    ASSERT_FALSE(llvm::sys::fs::setLastAccessAndModificationTime(FD, When));
    ::close(FD);
  }
  std::unique_ptr<ResultCache> open(uint64_t MaxBytes = 1 << 20) {
    auto Cache =
        ResultCache::open(std::string(Dir) + "/cache", MaxBytes, "tool-1");
    EXPECT_TRUE(bool(Cache));
    return Cache ? std::move(*Cache) : nullptr;
  }
  /// One finding in Source with a fix, a note and a range.
  TranslationUnitResult analysed() {
    TranslationUnitResult R;
    clang::tidy::ClangTidyError E("coroguard-unawaited-task",
                                  clang::tooling::Diagnostic::Warning,
                                  std::string(Dir), /*IsWarningAsError=*/true);
    E.Message.Message = "task returned by 'work' is discarded";
    E.Message.FilePath = Source;
    E.Message.FileOffset = 13;
    llvm::cantFail(E.Message.Fix[Source].add(
        clang::tooling::Replacement(Source, 13, 0, "co_await ")));
    clang::tooling::FileByteRange Range;
    Range.FilePath = Source;
    Range.FileOffset = 13;
    Range.Length = 6;
    E.Message.Ranges.push_back(Range);
    clang::tooling::DiagnosticMessage Note("declared here");
    Note.FilePath = Source;
    Note.FileOffset = 0;
    E.Notes.push_back(Note);
    E.EnabledDiagnosticAliases = {"alias-a"};
    R.Errors.push_back(std::move(E));
    R.Functions = {{Source, 0, 22, "f()"}, {Source, 30, 40, "g()"}};
    R.FilesRead[Source] = stampOf(Source);
    return R;
  }

  llvm::SmallString<128> Dir;
  std::string Source;
};

TEST_F(ResultCacheTest, GivesBackWhatItStored) {
  auto Cache = open();
  Cache->store("0123456789abcdef", analysed());
  std::optional<TranslationUnitResult> Hit = Cache->lookup("0123456789abcdef");
  ASSERT_TRUE(Hit);
  ASSERT_EQ(Hit->Errors.size(), 1u);
  const clang::tidy::ClangTidyError &E = Hit->Errors.front();
  EXPECT_EQ(E.DiagnosticName, "coroguard-unawaited-task");
  EXPECT_EQ(E.DiagLevel, clang::tooling::Diagnostic::Warning);
  EXPECT_TRUE(E.IsWarningAsError);
  EXPECT_EQ(E.BuildDirectory, std::string(Dir));
  EXPECT_EQ(E.Message.Message, "task returned by 'work' is discarded");
  EXPECT_EQ(E.Message.FileOffset, 13u);
  ASSERT_EQ(E.Message.Fix.lookup(Source).size(), 1u);
  EXPECT_EQ(E.Message.Fix.lookup(Source).begin()->getReplacementText(),
            "co_await ");
  ASSERT_EQ(E.Message.Ranges.size(), 1u);
  EXPECT_EQ(E.Message.Ranges.front().Length, 6u);
  ASSERT_EQ(E.Notes.size(), 1u);
  EXPECT_EQ(E.Notes.front().Message, "declared here");
  EXPECT_EQ(E.EnabledDiagnosticAliases, std::vector<std::string>{"alias-a"});
  // Only the function that holds the finding is kept.
  ASSERT_EQ(Hit->Functions.size(), 1u);
  EXPECT_EQ(Hit->Functions.front().Signature, "f()");
  EXPECT_EQ(Hit->FilesRead.lookup(Source), stampOf(Source));
}

TEST_F(ResultCacheTest, AChangedInputIsAMiss) {
  open()->store("0123456789abcdef", analysed());
  write(Source, "task<> f() { co_await work(); }\n");
  EXPECT_FALSE(open()->lookup("0123456789abcdef"));
}

TEST_F(ResultCacheTest, AFileChangedSinceItWasReadIsNotStored) {
  TranslationUnitResult R = analysed();
  write(Source, "task<> f() { co_await work(); }\n");
  auto Cache = open();
  Cache->store("0123456789abcdef", R);
  EXPECT_FALSE(Cache->lookup("0123456789abcdef"));
}

TEST_F(ResultCacheTest, AUnitThatDidNotCompileIsNotStored) {
  TranslationUnitResult R = analysed();
  R.Errors.emplace_back("clang-diagnostic-error",
                        clang::tooling::Diagnostic::Error, std::string(Dir),
                        false);
  auto Cache = open();
  Cache->store("0123456789abcdef", R);
  EXPECT_FALSE(Cache->lookup("0123456789abcdef"));
}

TEST_F(ResultCacheTest, EvictsTheEntriesUsedLeastRecently) {
  auto Cache = open();
  const auto Now = std::chrono::system_clock::now();
  for (llvm::StringRef Key : {"aa01", "bb02", "cc03"})
    Cache->store(Key, analysed());
  std::string Entry[3];
  for (int I = 0; I < 3; ++I)
    Entry[I] = std::string(Dir) + "/cache/" +
               llvm::StringRef("aa01bb02cc03").substr(I * 4, 2).str() + "/" +
               llvm::StringRef("aa01bb02cc03").substr(I * 4, 4).str() + ".json";
  // Stored in the order aa, bb, cc; then aa used again: bb is the oldest.
  setModified(Entry[0], Now - std::chrono::hours(3));
  setModified(Entry[1], Now - std::chrono::hours(2));
  setModified(Entry[2], Now - std::chrono::hours(1));
  ASSERT_TRUE(Cache->lookup("aa01"));
  uint64_t Size = 0;
  ASSERT_FALSE(llvm::sys::fs::file_size(Entry[0], Size));

  auto Small = open(/*MaxBytes=*/Size * 5 / 2);
  CacheStats Stats = Small->trim();
  EXPECT_EQ(Stats.Entries, 2u);
  EXPECT_TRUE(llvm::sys::fs::exists(Entry[0]));
  EXPECT_FALSE(llvm::sys::fs::exists(Entry[1]));
  EXPECT_TRUE(llvm::sys::fs::exists(Entry[2]));
}

TEST_F(ResultCacheTest, ADamagedEntryIsAMiss) {
  auto Cache = open();
  Cache->store("dd04", analysed());
  std::string Entry = std::string(Dir) + "/cache/dd/dd04.json";
  for (llvm::StringRef Damage :
       {"", "{", "[]", "{\"format\": 1, \"variants\": [{\"inputs\": []}]}",
        "{\"format\": 1, \"variants\": [{\"inputs\": [], \"errors\": [{}], "
        "\"functions\": []}]}",
        "{\"format\": 2, \"variants\": []}"}) {
    write(Entry, Damage);
    EXPECT_FALSE(Cache->lookup("dd04")) << Damage.str();
  }
}

TEST_F(ResultCacheTest, KeysDependOnEveryPart) {
  auto Cache = open();
  clang::tooling::CompileCommand Command(
      Dir, Source, {"clang++", "-c", Source, "-o", "a.o"}, "a.o");
  std::string Base = Cache->keyOf(Source, {Command}, "Checks: '*'", {});
  clang::tooling::CompileCommand OtherOutput = Command;
  OtherOutput.CommandLine[4] = "elsewhere/a.o";
  EXPECT_EQ(Cache->keyOf(Source, {OtherOutput}, "Checks: '*'", {}), Base);
  clang::tooling::CompileCommand Defined = Command;
  Defined.CommandLine.push_back("-DX");
  EXPECT_NE(Cache->keyOf(Source, {Defined}, "Checks: '*'", {}), Base);
  EXPECT_NE(Cache->keyOf(Source, {Command}, "Checks: '-*'", {}), Base);
  std::string Model = std::string(Dir) + "/model.json";
  write(Model, "{}");
  std::string WithModel =
      Cache->keyOf(Source, {Command}, "Checks: '*'", {Model});
  EXPECT_NE(WithModel, Base);
  write(Model, "{ }");
  EXPECT_NE(Cache->keyOf(Source, {Command}, "Checks: '*'", {Model}), WithModel);
  auto OtherTool =
      ResultCache::open(std::string(Dir) + "/cache", 1 << 20, "tool-2");
  ASSERT_TRUE(bool(OtherTool));
  EXPECT_NE((*OtherTool)->keyOf(Source, {Command}, "Checks: '*'", {}), Base);
}

TEST(ByteSize, ParsesUnits) {
  EXPECT_EQ(parseByteSize("1G"), uint64_t(1) << 30);
  EXPECT_EQ(parseByteSize("512m"), uint64_t(512) << 20);
  EXPECT_EQ(parseByteSize("64K"), uint64_t(64) << 10);
  EXPECT_EQ(parseByteSize("1000"), 1000u);
  EXPECT_FALSE(parseByteSize("lots"));
  EXPECT_FALSE(parseByteSize(""));
  EXPECT_FALSE(parseByteSize("99999999999999999999G"));
}

} // namespace
