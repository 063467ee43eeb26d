// Mock of doctest (doctest/doctest.h, 2.4.x) for coroguard's lit tests: the
// assertions build a doctest::detail::ResultBuilder named DOCTEST_RB and call
// translateException() from catch(...); FAIL/MESSAGE go through a
// doctest::detail::MessageBuilder. Nothing here runs; most functions are declared only.
#pragma once

namespace doctest {
namespace assertType {
enum Enum {
  is_warn = 1, is_check = 2, is_require = 4, is_normal = 8, is_throws = 16, is_throws_as = 32,
  is_nothrow = 128,
  DT_CHECK = is_normal | is_check, DT_REQUIRE = is_normal | is_require,
  DT_CHECK_THROWS = is_throws | is_check, DT_REQUIRE_THROWS = is_throws | is_require,
  DT_CHECK_THROWS_AS = is_throws_as | is_check, DT_REQUIRE_THROWS_AS = is_throws_as | is_require,
  DT_CHECK_NOTHROW = is_nothrow | is_check, DT_REQUIRE_NOTHROW = is_nothrow | is_require
};
} // namespace assertType
struct ContextOptions { bool no_throw; };
const ContextOptions *getContextOptions();

namespace detail {
namespace types {
template <class T> struct remove_const { using type = T; };
template <class T> struct remove_const<const T> { using type = T; };
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> struct remove_reference<T &&> { using type = T; };
} // namespace types

struct Result { Result(bool passed, const char *decomposition = ""); };
template <class L> struct Expression_lhs {
  template <class R> Result operator==(R &&) const;
  template <class R> Result operator!=(R &&) const;
  template <class R> Result operator<(R &&) const;
  template <class R> Result operator>(R &&) const;
  template <class R> Result operator<=(R &&) const;
  template <class R> Result operator>=(R &&) const;
  operator Result() const;
};
struct ExpressionDecomposer {
  ExpressionDecomposer(assertType::Enum at);
  template <class L> Expression_lhs<const L &> operator<<(const L &operand);
};

struct ResultBuilder {
  ResultBuilder(assertType::Enum at, const char *file, int line, const char *expr,
                const char *exception_type = "", const char *exception_string = "");
  void setResult(const Result &res);
  void translateException(); // records the in-flight exception (called inside a catch)
  bool log();
  void react() const; // throws to abort the test when a REQUIRE-style assertion failed
  bool m_failed;
  bool m_threw_as;
};

struct MessageBuilder {
  MessageBuilder(const char *file, int line, assertType::Enum severity);
  ~MessageBuilder();
  template <class T> MessageBuilder &operator,(const T &in);
  template <class T> MessageBuilder &operator<<(const T &in);
  template <class T> MessageBuilder &operator*(const T &in);
  bool log();
  void react(); // throws for FAIL (is_require)
};

using funcType = void (*)();
struct TestCase {
  TestCase(funcType test, const char *file, unsigned line);
  TestCase &operator*(const char *name);
};
int regTest(const TestCase &tc);
} // namespace detail
} // namespace doctest

#define DOCTEST_CAT_IMPL(s1, s2) s1##s2
#define DOCTEST_CAT(s1, s2) DOCTEST_CAT_IMPL(s1, s2)
#define DOCTEST_ANONYMOUS(x) DOCTEST_CAT(x, __LINE__) // real: __COUNTER__ when available
#define DOCTEST_BREAK_INTO_DEBUGGER() ((void)0)
#define DOCTEST_FUNC_SCOPE_BEGIN do
#define DOCTEST_FUNC_SCOPE_END while (false)
#define DOCTEST_FUNC_SCOPE_RET(v) (void)0

// TEST_CASE(name): static void DOCTEST_ANON_FUNC_<n>() plus a registration variable.
#define DOCTEST_CREATE_AND_REGISTER_FUNCTION(f, decorators)                                        \
  static void f();                                                                                 \
  static const int DOCTEST_ANONYMOUS(DOCTEST_ANON_VAR_) =                                          \
      doctest::detail::regTest(doctest::detail::TestCase(f, __FILE__, __LINE__) * decorators);     \
  static void f()
#define DOCTEST_TEST_CASE(decorators)                                                              \
  DOCTEST_CREATE_AND_REGISTER_FUNCTION(DOCTEST_ANONYMOUS(DOCTEST_ANON_FUNC_), decorators)

#define DOCTEST_ASSERT_LOG_REACT_RETURN(b)                                                         \
  if (b.log())                                                                                     \
    DOCTEST_BREAK_INTO_DEBUGGER();                                                                 \
  b.react();                                                                                       \
  DOCTEST_FUNC_SCOPE_RET(!b.m_failed)
#define DOCTEST_WRAP_IN_TRY(x)                                                                     \
  try {                                                                                            \
    x;                                                                                             \
  } catch (...) { DOCTEST_RB.translateException(); }

// CHECK/REQUIRE: ResultBuilder + try { setResult(decomposed expr) } catch (...) { translate }.
#define DOCTEST_ASSERT_IMPLEMENT_2(assert_type, ...)                                               \
  _Pragma("clang diagnostic push")                                                                 \
  _Pragma("clang diagnostic ignored \"-Woverloaded-shift-op-parentheses\"")                        \
  doctest::detail::ResultBuilder DOCTEST_RB(doctest::assertType::assert_type, __FILE__, __LINE__,  \
                                            #__VA_ARGS__);                                         \
  DOCTEST_WRAP_IN_TRY(DOCTEST_RB.setResult(                                                        \
      doctest::detail::ExpressionDecomposer(doctest::assertType::assert_type) << __VA_ARGS__))     \
  DOCTEST_ASSERT_LOG_REACT_RETURN(DOCTEST_RB)                                                      \
  _Pragma("clang diagnostic pop")
#define DOCTEST_ASSERT_IMPLEMENT_1(assert_type, ...)                                               \
  DOCTEST_FUNC_SCOPE_BEGIN { DOCTEST_ASSERT_IMPLEMENT_2(assert_type, __VA_ARGS__); }               \
  DOCTEST_FUNC_SCOPE_END

#define DOCTEST_ASSERT_THROWS_AS(expr, assert_type, message, ...)                                  \
  DOCTEST_FUNC_SCOPE_BEGIN {                                                                       \
    if (!doctest::getContextOptions()->no_throw) {                                                 \
      doctest::detail::ResultBuilder DOCTEST_RB(doctest::assertType::assert_type, __FILE__,        \
                                                __LINE__, #expr, #__VA_ARGS__, message);           \
      try {                                                                                        \
        expr;                                                                                      \
      } catch (const typename doctest::detail::types::remove_const<                                \
               typename doctest::detail::types::remove_reference<__VA_ARGS__>::type>::type &) {    \
        DOCTEST_RB.translateException();                                                           \
        DOCTEST_RB.m_threw_as = true;                                                              \
      } catch (...) { DOCTEST_RB.translateException(); }                                           \
      DOCTEST_ASSERT_LOG_REACT_RETURN(DOCTEST_RB);                                                 \
    } else {                                                                                       \
      DOCTEST_FUNC_SCOPE_RET(false);                                                               \
    }                                                                                              \
  } DOCTEST_FUNC_SCOPE_END

#define DOCTEST_ASSERT_THROWS_WITH(expr, expr_str, assert_type, ...)                               \
  DOCTEST_FUNC_SCOPE_BEGIN {                                                                       \
    if (!doctest::getContextOptions()->no_throw) {                                                 \
      doctest::detail::ResultBuilder DOCTEST_RB(doctest::assertType::assert_type, __FILE__,        \
                                                __LINE__, expr_str, "", __VA_ARGS__);              \
      try {                                                                                        \
        expr;                                                                                      \
      } catch (...) { DOCTEST_RB.translateException(); }                                           \
      DOCTEST_ASSERT_LOG_REACT_RETURN(DOCTEST_RB);                                                 \
    } else {                                                                                       \
      DOCTEST_FUNC_SCOPE_RET(false);                                                               \
    }                                                                                              \
  } DOCTEST_FUNC_SCOPE_END

#define DOCTEST_ASSERT_NOTHROW(assert_type, ...)                                                   \
  DOCTEST_FUNC_SCOPE_BEGIN {                                                                       \
    doctest::detail::ResultBuilder DOCTEST_RB(doctest::assertType::assert_type, __FILE__,          \
                                              __LINE__, #__VA_ARGS__);                             \
    try {                                                                                          \
      __VA_ARGS__;                                                                                 \
    } catch (...) { DOCTEST_RB.translateException(); }                                             \
    DOCTEST_ASSERT_LOG_REACT_RETURN(DOCTEST_RB);                                                   \
  } DOCTEST_FUNC_SCOPE_END

// FAIL/FAIL_CHECK/MESSAGE: MessageBuilder mb; mb * msg; log(); react(); (no try/catch).
#define DOCTEST_ADD_AT_IMPL(type, file, line, mb, ...)                                             \
  DOCTEST_FUNC_SCOPE_BEGIN {                                                                       \
    doctest::detail::MessageBuilder mb(file, line, doctest::assertType::type);                     \
    mb * __VA_ARGS__;                                                                              \
    if (mb.log())                                                                                  \
      DOCTEST_BREAK_INTO_DEBUGGER();                                                               \
    mb.react();                                                                                    \
  } DOCTEST_FUNC_SCOPE_END

#define TEST_CASE(name) DOCTEST_TEST_CASE(name)
#define CHECK(...) DOCTEST_ASSERT_IMPLEMENT_1(DT_CHECK, __VA_ARGS__)
#define REQUIRE(...) DOCTEST_ASSERT_IMPLEMENT_1(DT_REQUIRE, __VA_ARGS__)
#define CHECK_THROWS(...)                                                                          \
  DOCTEST_ASSERT_THROWS_WITH((__VA_ARGS__), #__VA_ARGS__, DT_CHECK_THROWS, "")
#define REQUIRE_THROWS(...)                                                                        \
  DOCTEST_ASSERT_THROWS_WITH((__VA_ARGS__), #__VA_ARGS__, DT_REQUIRE_THROWS, "")
#define CHECK_THROWS_AS(expr, ...)                                                                 \
  DOCTEST_ASSERT_THROWS_AS(expr, DT_CHECK_THROWS_AS, "", __VA_ARGS__)
#define REQUIRE_THROWS_AS(expr, ...)                                                               \
  DOCTEST_ASSERT_THROWS_AS(expr, DT_REQUIRE_THROWS_AS, "", __VA_ARGS__)
#define CHECK_NOTHROW(...) DOCTEST_ASSERT_NOTHROW(DT_CHECK_NOTHROW, __VA_ARGS__)
#define REQUIRE_NOTHROW(...) DOCTEST_ASSERT_NOTHROW(DT_REQUIRE_NOTHROW, __VA_ARGS__)
#define MESSAGE(...)                                                                               \
  DOCTEST_ADD_AT_IMPL(is_warn, __FILE__, __LINE__, DOCTEST_ANONYMOUS(DOCTEST_MESSAGE_), __VA_ARGS__)
#define FAIL_CHECK(...)                                                                            \
  DOCTEST_ADD_AT_IMPL(is_check, __FILE__, __LINE__, DOCTEST_ANONYMOUS(DOCTEST_MESSAGE_),           \
                      __VA_ARGS__)
#define FAIL(...)                                                                                  \
  DOCTEST_ADD_AT_IMPL(is_require, __FILE__, __LINE__, DOCTEST_ANONYMOUS(DOCTEST_MESSAGE_),         \
                      __VA_ARGS__)
