// Mock of Catch2 (v2 single-header catch.hpp; v3's catch_test_macros.hpp
// expands the same way) for coroguard's lit tests: each assertion builds a
// Catch::AssertionHandler and, except FAIL/FAIL_CHECK/SUCCEED, evaluates its
// operand inside try/catch. Nothing here runs; most functions are declared only.
#pragma once
#include <string>
#include <utility>

namespace Catch {
class StringRef {
public:
  StringRef() noexcept;
  StringRef(const char *) noexcept;
  StringRef(const std::string &) noexcept;
};
struct SourceLineInfo { SourceLineInfo(const char *file, std::size_t line) noexcept; };
struct ResultWas { enum OfType { Unknown = -1, Ok = 0, Info = 1, ExplicitFailure = 0x12 }; };
struct ResultDisposition { enum Flags { Normal = 0x01, ContinueOnFailure = 0x02 }; };

// Expression decomposition: Decomposer() <= a == b builds a BinaryExpr.
struct ITransientExpression {};
template <class L, class R> struct BinaryExpr : ITransientExpression {};
template <class L> struct UnaryExpr : ITransientExpression {};
template <class L> class ExprLhs {
public:
  template <class R> BinaryExpr<L, const R &> operator==(const R &) const;
  template <class R> BinaryExpr<L, const R &> operator!=(const R &) const;
  template <class R> BinaryExpr<L, const R &> operator<(const R &) const;
  template <class R> BinaryExpr<L, const R &> operator>(const R &) const;
  template <class R> BinaryExpr<L, const R &> operator<=(const R &) const;
  template <class R> BinaryExpr<L, const R &> operator>=(const R &) const;
  UnaryExpr<L> makeUnaryExpr() const;
};
struct Decomposer { template <class T> ExprLhs<const T &> operator<=(const T &lhs) &&; };

class AssertionHandler {
public:
  AssertionHandler(const StringRef &macroName, const SourceLineInfo &lineInfo,
                   StringRef capturedExpression, ResultDisposition::Flags resultDisposition);
  ~AssertionHandler();
  template <class T> void handleExpr(const ExprLhs<T> &expr);
  void handleExpr(const ITransientExpression &expr);
  void handleMessage(ResultWas::OfType resultType, const StringRef &message);
  void handleExceptionThrownAsExpected();
  void handleUnexpectedExceptionNotThrown();
  void handleExceptionNotThrownAsExpected();
  void handleThrowingCallSkipped();
  void handleUnexpectedInflightException();
  void complete(); // throws to abort the test when a REQUIRE-style assertion failed
  bool allowThrows() const;
};

// Message streaming used by FAIL/SUCCEED: MessageStream() << msg + StreamEndStop().
struct StreamEndStop { std::string operator+() const; };
template <class T> const T &operator+(const T &value, StreamEndStop);
struct ReusableStringStream { std::string str() const; };
struct MessageStream {
  template <class T> MessageStream &operator<<(const T &value);
  ReusableStringStream m_stream;
};

// Test registration.
struct ITestInvoker;
ITestInvoker *makeTestInvoker(void (*testAsFunction)());
struct NameAndTags {
  NameAndTags(const StringRef &name = {}, const StringRef &tags = {}) noexcept;
};
struct AutoReg {
  AutoReg(ITestInvoker *invoker, const SourceLineInfo &lineInfo, const StringRef &classOrMethod,
          const NameAndTags &nameAndTags) noexcept;
};
} // namespace Catch

Catch::StringRef operator""_catch_sr(const char *rawChars, std::size_t size) noexcept;

#define CATCH_INTERNAL_LINEINFO                                                                    \
  ::Catch::SourceLineInfo(__FILE__, static_cast<std::size_t>(__LINE__))
#define CATCH_INTERNAL_STRINGIFY(...) #__VA_ARGS__
#define INTERNAL_CATCH_UNIQUE_NAME_LINE2(name, line) name##line
#define INTERNAL_CATCH_UNIQUE_NAME_LINE(name, line) INTERNAL_CATCH_UNIQUE_NAME_LINE2(name, line)
#define INTERNAL_CATCH_UNIQUE_NAME(name) INTERNAL_CATCH_UNIQUE_NAME_LINE(name, __LINE__)

// TEST_CASE(name, tags): static void C_A_T_C_H_T_E_S_T_<line>() and its registrar.
#define INTERNAL_CATCH_TESTCASE2(TestName, ...)                                                    \
  static void TestName();                                                                          \
  namespace {                                                                                      \
  Catch::AutoReg INTERNAL_CATCH_UNIQUE_NAME(autoRegistrar)(Catch::makeTestInvoker(&TestName),      \
      CATCH_INTERNAL_LINEINFO, Catch::StringRef(), Catch::NameAndTags{__VA_ARGS__});               \
  }                                                                                                \
  static void TestName()
#define INTERNAL_CATCH_TESTCASE(...)                                                               \
  INTERNAL_CATCH_TESTCASE2(INTERNAL_CATCH_UNIQUE_NAME(C_A_T_C_H_T_E_S_T_), __VA_ARGS__)

#define INTERNAL_CATCH_TRY try
#define INTERNAL_CATCH_CATCH(handler) catch (...) { handler.handleUnexpectedInflightException(); }
#define INTERNAL_CATCH_REACT(handler) handler.complete();

#define INTERNAL_CATCH_TEST(macroName, resultDisposition, ...)                                     \
  do {                                                                                             \
    Catch::AssertionHandler catchAssertionHandler(                                                 \
        macroName##_catch_sr, CATCH_INTERNAL_LINEINFO, CATCH_INTERNAL_STRINGIFY(__VA_ARGS__),      \
        resultDisposition);                                                                        \
    INTERNAL_CATCH_TRY {                                                                           \
      catchAssertionHandler.handleExpr(Catch::Decomposer() <= __VA_ARGS__);                        \
    } INTERNAL_CATCH_CATCH(catchAssertionHandler)                                                  \
    INTERNAL_CATCH_REACT(catchAssertionHandler)                                                    \
  } while ((void)0, (false) && static_cast<bool>(!!(__VA_ARGS__)))

#define INTERNAL_CATCH_NO_THROW(macroName, resultDisposition, ...)                                 \
  do {                                                                                             \
    Catch::AssertionHandler catchAssertionHandler(                                                 \
        macroName##_catch_sr, CATCH_INTERNAL_LINEINFO, CATCH_INTERNAL_STRINGIFY(__VA_ARGS__),      \
        resultDisposition);                                                                        \
    try {                                                                                          \
      static_cast<void>(__VA_ARGS__);                                                              \
      catchAssertionHandler.handleExceptionNotThrownAsExpected();                                  \
    } catch (...) {                                                                                \
      catchAssertionHandler.handleUnexpectedInflightException();                                   \
    }                                                                                              \
    INTERNAL_CATCH_REACT(catchAssertionHandler)                                                    \
  } while (false)

#define INTERNAL_CATCH_THROWS(macroName, resultDisposition, ...)                                   \
  do {                                                                                             \
    Catch::AssertionHandler catchAssertionHandler(                                                 \
        macroName##_catch_sr, CATCH_INTERNAL_LINEINFO, CATCH_INTERNAL_STRINGIFY(__VA_ARGS__),      \
        resultDisposition);                                                                        \
    if (catchAssertionHandler.allowThrows())                                                       \
      try {                                                                                        \
        static_cast<void>(__VA_ARGS__);                                                            \
        catchAssertionHandler.handleUnexpectedExceptionNotThrown();                                \
      } catch (...) {                                                                              \
        catchAssertionHandler.handleExceptionThrownAsExpected();                                   \
      }                                                                                            \
    else                                                                                           \
      catchAssertionHandler.handleThrowingCallSkipped();                                           \
    INTERNAL_CATCH_REACT(catchAssertionHandler)                                                    \
  } while (false)

#define INTERNAL_CATCH_THROWS_AS(macroName, exceptionType, resultDisposition, expr)                \
  do {                                                                                             \
    Catch::AssertionHandler catchAssertionHandler(                                                 \
        macroName##_catch_sr, CATCH_INTERNAL_LINEINFO,                                             \
        CATCH_INTERNAL_STRINGIFY(expr) ", " CATCH_INTERNAL_STRINGIFY(exceptionType),               \
        resultDisposition);                                                                        \
    if (catchAssertionHandler.allowThrows())                                                       \
      try {                                                                                        \
        static_cast<void>(expr);                                                                   \
        catchAssertionHandler.handleUnexpectedExceptionNotThrown();                                \
      } catch (exceptionType const &) {                                                            \
        catchAssertionHandler.handleExceptionThrownAsExpected();                                   \
      } catch (...) {                                                                              \
        catchAssertionHandler.handleUnexpectedInflightException();                                 \
      }                                                                                            \
    else                                                                                           \
      catchAssertionHandler.handleThrowingCallSkipped();                                           \
    INTERNAL_CATCH_REACT(catchAssertionHandler)                                                    \
  } while (false)

// FAIL/FAIL_CHECK/SUCCEED: no try/catch, only handleMessage() then complete().
#define INTERNAL_CATCH_MSG(macroName, messageType, resultDisposition, ...)                         \
  do {                                                                                             \
    Catch::AssertionHandler catchAssertionHandler(                                                 \
        macroName##_catch_sr, CATCH_INTERNAL_LINEINFO, Catch::StringRef(), resultDisposition);     \
    catchAssertionHandler.handleMessage(messageType,                                               \
        (Catch::MessageStream() << __VA_ARGS__ + ::Catch::StreamEndStop()).m_stream.str());        \
    INTERNAL_CATCH_REACT(catchAssertionHandler)                                                    \
  } while (false)

#define TEST_CASE(...) INTERNAL_CATCH_TESTCASE(__VA_ARGS__)
#define REQUIRE(...) INTERNAL_CATCH_TEST("REQUIRE", Catch::ResultDisposition::Normal, __VA_ARGS__)
#define CHECK(...)                                                                                 \
  INTERNAL_CATCH_TEST("CHECK", Catch::ResultDisposition::ContinueOnFailure, __VA_ARGS__)
#define REQUIRE_NOTHROW(...)                                                                       \
  INTERNAL_CATCH_NO_THROW("REQUIRE_NOTHROW", Catch::ResultDisposition::Normal, __VA_ARGS__)
#define CHECK_NOTHROW(...)                                                                         \
  INTERNAL_CATCH_NO_THROW("CHECK_NOTHROW", Catch::ResultDisposition::ContinueOnFailure, __VA_ARGS__)
#define REQUIRE_THROWS(...)                                                                        \
  INTERNAL_CATCH_THROWS("REQUIRE_THROWS", Catch::ResultDisposition::Normal, __VA_ARGS__)
#define CHECK_THROWS(...)                                                                          \
  INTERNAL_CATCH_THROWS("CHECK_THROWS", Catch::ResultDisposition::ContinueOnFailure, __VA_ARGS__)
#define REQUIRE_THROWS_AS(expr, exceptionType)                                                     \
  INTERNAL_CATCH_THROWS_AS("REQUIRE_THROWS_AS", exceptionType, Catch::ResultDisposition::Normal,   \
                           expr)
#define CHECK_THROWS_AS(expr, exceptionType)                                                       \
  INTERNAL_CATCH_THROWS_AS("CHECK_THROWS_AS", exceptionType,                                       \
                           Catch::ResultDisposition::ContinueOnFailure, expr)
#define FAIL(...)                                                                                  \
  INTERNAL_CATCH_MSG("FAIL", Catch::ResultWas::ExplicitFailure, Catch::ResultDisposition::Normal,  \
                     __VA_ARGS__)
#define FAIL_CHECK(...)                                                                            \
  INTERNAL_CATCH_MSG("FAIL_CHECK", Catch::ResultWas::ExplicitFailure,                              \
                     Catch::ResultDisposition::ContinueOnFailure, __VA_ARGS__)
#define SUCCEED(...)                                                                               \
  INTERNAL_CATCH_MSG("SUCCEED", Catch::ResultWas::Ok, Catch::ResultDisposition::ContinueOnFailure, \
                     __VA_ARGS__)
