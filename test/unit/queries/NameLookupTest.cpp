//===--- NameLookupTest.cpp - model names resolved by lookup --------------===//

#include "../rewrites/RewriteTestSupport.h"

#include "queries/NameLookup.h"

#include "gtest/gtest.h"

using namespace clang;
using namespace clang::coroguard;

namespace {

/// The own names of what \p Name denotes in \p Code.
std::vector<std::string> resolve(test::ParsedCode &Code, llvm::StringRef Name) {
  std::vector<std::string> Own;
  for (const NamedDecl *D : lookupQualifiedName(Name, Code.context()))
    Own.push_back(ownQualifiedName(*D));
  return Own;
}

using Names = std::vector<std::string>;

TEST(NameLookupTest, ThroughUsingDeclarationsAliasesAndInlineNamespaces) {
  test::ParsedCode Code(
      "namespace std { namespace __exception_ptr { class exception_ptr {}; }\n"
      "using __exception_ptr::exception_ptr; }\n"
      "namespace experimental::execution { namespace __task {\n"
      "template <class T> class basic_task { public: void spawn(); }; }\n"
      "using __task::basic_task;\n"
      "template <class T> using task = basic_task<T>; }\n"
      "namespace exec = experimental::execution;\n"
      "namespace unifex { inline namespace v1 { class async_scope {}; } }\n"
      "namespace net { class socket_impl { public: void close(); };\n"
      "typedef socket_impl socket; inline constexpr int detached = 0; }\n",
      {});
  ASSERT_TRUE(Code.valid());
  EXPECT_EQ(resolve(Code, "std::exception_ptr"),
            Names{"std::__exception_ptr::exception_ptr"});
  EXPECT_EQ(resolve(Code, "exec::basic_task"),
            Names{"experimental::execution::__task::basic_task"});
  EXPECT_EQ(resolve(Code, "exec::basic_task::spawn"),
            Names{"experimental::execution::__task::basic_task::spawn"});
  EXPECT_EQ(resolve(Code, "unifex::async_scope"), Names{"unifex::async_scope"});
  EXPECT_EQ(resolve(Code, "net::socket::close"),
            Names{"net::socket_impl::close"});
  EXPECT_EQ(resolve(Code, "net::detached"), Names{"net::detached"});
}

TEST(NameLookupTest, MembersOfBaseClasses) {
  // libstdc++ declares std::future::wait in its base __basic_future.
  test::ParsedCode Code(
      "namespace s { template <class R> class basic_f { public: void wait(); "
      "};\n"
      "template <class R> class fut : public basic_f<R> { public: R get(); "
      "};\n"
      "class plain_base { public: void close(); };\n"
      "class sock : public plain_base { public: void close(int); };\n"
      "class stream : public sock {}; }\n",
      {});
  ASSERT_TRUE(Code.valid());
  EXPECT_EQ(resolve(Code, "s::fut::wait"), Names{"s::basic_f::wait"});
  EXPECT_EQ(resolve(Code, "s::fut::get"), Names{"s::fut::get"});
  // The nearest declaration hides the bases' ones.
  EXPECT_EQ(resolve(Code, "s::stream::close"), Names{"s::sock::close"});
  EXPECT_TRUE(resolve(Code, "s::fut::missing").empty());
}

TEST(NameLookupTest, NothingForNamesThatAreNotDeclared) {
  test::ParsedCode Code("namespace a { class b { public: b(int); }; }\n", {});
  ASSERT_TRUE(Code.valid());
  EXPECT_TRUE(resolve(Code, "a::c").empty());
  EXPECT_TRUE(resolve(Code, "z::b").empty());
  EXPECT_TRUE(resolve(Code, "a::b::c").empty());
  EXPECT_TRUE(resolve(Code, "a::").empty());
  // A class's own name inside it names its constructors.
  EXPECT_EQ(resolve(Code, "a::b::b"), Names{"a::b::b"});
}

} // namespace
