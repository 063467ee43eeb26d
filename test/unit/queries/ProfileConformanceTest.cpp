//===--- ProfileConformanceTest.cpp - profile names on the real headers ---===//
//
// Every entry of the profiles whose library Debian ships names a
// declaration of the real headers: the names are looked up as the checks
// look them up (through using-declarations, namespace aliases, inline
// namespaces and typedefs), in one unit that includes libstdc++, glibc,
// asio, Boost.Asio/Beast/Thread and Abseil. A name that the real headers do
// not declare is an entry no check can ever match.
//
//===----------------------------------------------------------------------===//

#include "queries/NameLookup.h"

#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"

#include "gtest/gtest.h"
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <set>

using namespace clang;
using namespace clang::coroguard;

namespace {

struct ProfileHeaders {
  const char *Profile;
  std::vector<const char *> Required; // the headers that must be installed
  std::vector<const char *> Includes;
};

const std::vector<ProfileHeaders> &profilesOnThisMachine() {
  static const std::vector<ProfileHeaders> Profiles = {
      {"std-posix",
       {"/usr/include/unistd.h"},
       {"barrier",      "condition_variable",
        "exception",    "fstream",
        "future",       "iostream",
        "latch",        "mutex",
        "semaphore",    "shared_mutex",
        "thread",       "fcntl.h",
        "netdb.h",      "poll.h",
        "stdio.h",      "stdlib.h",
        "sys/select.h", "sys/socket.h",
        "sys/wait.h",   "time.h",
        "unistd.h"}},
      {"asio",
       {"/usr/include/asio.hpp", "/usr/include/boost/beast.hpp",
        "/usr/include/openssl/ssl.h"},
       {"asio.hpp", "asio/ssl.hpp", "boost/asio.hpp", "boost/asio/ssl.hpp",
        "boost/beast.hpp", "boost/beast/ssl.hpp"}},
      {"boost-thread-abseil",
       {"/usr/include/boost/thread.hpp",
        "/usr/include/absl/synchronization/mutex.h"},
       {"boost/thread.hpp", "boost/thread/strict_lock.hpp",
        "absl/synchronization/mutex.h", "absl/time/clock.h"}},
  };
  return Profiles;
}

/// The entry names of one profile file: every `name` of its lists.
std::vector<std::pair<std::string, std::string>>
entryNames(llvm::StringRef Profile) {
  std::ifstream In(std::string(COROGUARD_PROFILES_DIR) + "/" + Profile.str() +
                   ".json");
  nlohmann::json Doc = nlohmann::json::parse(In);
  std::vector<std::pair<std::string, std::string>> Names;
  for (auto &[Section, Value] : Doc.items())
    if (Value.is_array())
      for (const nlohmann::json &Entry : Value)
        if (Entry.is_object() && Entry.contains("name"))
          Names.emplace_back(Section, Entry["name"].get<std::string>());
  return Names;
}

TEST(ProfileConformanceTest, EveryEntryNamesARealDeclaration) {
  std::string Code;
  std::vector<const char *> Checked;
  for (const ProfileHeaders &P : profilesOnThisMachine()) {
    if (!llvm::all_of(P.Required,
                      [](const char *H) { return llvm::sys::fs::exists(H); }))
      continue;
    Checked.push_back(P.Profile);
    for (const char *Header : P.Includes)
      Code += std::string("#include <") + Header + ">\n";
  }
  if (Checked.empty())
    GTEST_SKIP() << "none of the libraries is installed (scripts/setup.sh "
                    "--test installs them)";
  std::vector<std::string> Args = {
      "-std=c++20", "-resource-dir", COROGUARD_RESOURCE_DIR,
      // asio 1.22 and Boost.Asio 1.81 enable co_await for GCC only.
      "-DASIO_HAS_CO_AWAIT", "-DASIO_HAS_STD_COROUTINE",
      "-DBOOST_ASIO_HAS_CO_AWAIT", "-DBOOST_ASIO_HAS_STD_COROUTINE"};
  std::unique_ptr<ASTUnit> AST =
      tooling::buildASTFromCodeWithArgs(Code, Args, "conformance.cpp");
  ASSERT_TRUE(AST && !AST->getDiagnostics().hasErrorOccurred());

  for (const char *Profile : Checked) {
    std::vector<std::string> Unresolved;
    auto Names = entryNames(Profile);
    EXPECT_FALSE(Names.empty()) << Profile;
    for (const auto &[Section, Name] : Names)
      if (lookupQualifiedName(Name, AST->getASTContext()).empty())
        Unresolved.push_back(Section + " " + Name);
    EXPECT_TRUE(Unresolved.empty())
        << Profile << ": " << Unresolved.size() << " of " << Names.size()
        << " entries name nothing on the real headers:\n  "
        << llvm::join(Unresolved, "\n  ");
  }
}

} // namespace
