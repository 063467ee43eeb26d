// Mock of GoogleTest (gtest/gtest.h) for coroguard's lit tests: only the
// shapes the assertion macros expand to (AssertHelper = Message, the
// try/catch of the *_THROW macros, the `return` of fatal failures). Nothing
// here runs; most functions are declared only.
#pragma once
#include <exception>
#include <string>

namespace testing {
class Message {
public:
  Message();
  template <class T> Message &operator<<(const T &);
};
struct TestPartResult { enum Type { kSuccess, kNonFatalFailure, kFatalFailure, kSkip }; };
class AssertionResult {
public:
  AssertionResult(const AssertionResult &);
  template <class T> explicit AssertionResult(const T &success);
  explicit operator bool() const;
  const char *failure_message() const;
};
class Test { public: virtual ~Test(); virtual void TestBody() = 0; };
class TestInfo;
namespace internal {
class AssertHelper {
public:
  AssertHelper(TestPartResult::Type type, const char *file, int line, const char *message);
  ~AssertHelper();
  void operator=(const Message &message) const; // reports the failure
};
bool AlwaysTrue();
struct TrueWithString { operator bool() const; std::string value; };
struct NeverThrown {};
template <class E> struct StdExceptionHandlerType { using type = const std::exception &; };
template <> struct StdExceptionHandlerType<std::exception> { using type = const NeverThrown &; };
std::string GetBoolAssertionFailureMessage(const AssertionResult &, const char *expression,
                                           const char *actual, const char *expected);
struct EqHelper {
  template <class T1, class T2>
  static AssertionResult Compare(const char *lhs_expr, const char *rhs_expr, const T1 &lhs,
                                 const T2 &rhs);
};
TestInfo *MakeAndRegisterTestInfo(const char *suite, const char *name, const char *file, int line);
} // namespace internal
} // namespace testing

#define GTEST_CONCAT_TOKEN_IMPL_(a, b) a##b
#define GTEST_CONCAT_TOKEN_(a, b) GTEST_CONCAT_TOKEN_IMPL_(a, b)
#define GTEST_AMBIGUOUS_ELSE_BLOCKER_ switch (0) case 0: default:

// Failure reporting: an AssertHelper temporary assigned a Message.
#define GTEST_MESSAGE_(message, result_type)                                                       \
  ::testing::internal::AssertHelper(result_type, __FILE__, __LINE__, message) = ::testing::Message()
#define GTEST_FATAL_FAILURE_(message)                                                              \
  return GTEST_MESSAGE_(message, ::testing::TestPartResult::kFatalFailure)
#define GTEST_NONFATAL_FAILURE_(message)                                                           \
  GTEST_MESSAGE_(message, ::testing::TestPartResult::kNonFatalFailure)
#define GTEST_SUCCESS_(message) GTEST_MESSAGE_(message, ::testing::TestPartResult::kSuccess)

#define GTEST_SUPPRESS_UNREACHABLE_CODE_WARNING_BELOW_(statement)                                  \
  if (::testing::internal::AlwaysTrue()) { statement; } else static_assert(true, "")

// try { statement; } catch (E const&) {ok} catch (std::exception const&) {goto fail}
// catch (...) {goto fail}; the failure is reported after the label.
#define GTEST_TEST_THROW_(statement, expected_exception, fail)                                     \
  GTEST_AMBIGUOUS_ELSE_BLOCKER_                                                                    \
  if (::testing::internal::TrueWithString gtest_msg{}) {                                           \
    bool gtest_caught_expected = false;                                                            \
    try {                                                                                          \
      GTEST_SUPPRESS_UNREACHABLE_CODE_WARNING_BELOW_(statement);                                   \
    } catch (expected_exception const &) {                                                         \
      gtest_caught_expected = true;                                                                \
    } catch (typename ::testing::internal::StdExceptionHandlerType<expected_exception>::type) {    \
      gtest_msg.value = "it throws a different std::exception";                                    \
      goto GTEST_CONCAT_TOKEN_(gtest_label_testthrow_, __LINE__);                                  \
    } catch (...) {                                                                                \
      gtest_msg.value = "it throws a different type";                                              \
      goto GTEST_CONCAT_TOKEN_(gtest_label_testthrow_, __LINE__);                                  \
    }                                                                                              \
    if (!gtest_caught_expected) {                                                                  \
      gtest_msg.value = "it throws nothing";                                                       \
      goto GTEST_CONCAT_TOKEN_(gtest_label_testthrow_, __LINE__);                                  \
    }                                                                                              \
  } else                                                                                           \
    GTEST_CONCAT_TOKEN_(gtest_label_testthrow_, __LINE__) : fail(gtest_msg.value.c_str())

#define GTEST_TEST_NO_THROW_(statement, fail)                                                      \
  GTEST_AMBIGUOUS_ELSE_BLOCKER_                                                                    \
  if (::testing::internal::TrueWithString gtest_msg{}) {                                           \
    try {                                                                                          \
      GTEST_SUPPRESS_UNREACHABLE_CODE_WARNING_BELOW_(statement);                                   \
    } catch (std::exception const &) {                                                             \
      gtest_msg.value = "it throws a std::exception";                                              \
      goto GTEST_CONCAT_TOKEN_(gtest_label_testnothrow_, __LINE__);                                \
    } catch (...) {                                                                                \
      gtest_msg.value = "it throws";                                                               \
      goto GTEST_CONCAT_TOKEN_(gtest_label_testnothrow_, __LINE__);                                \
    }                                                                                              \
  } else                                                                                           \
    GTEST_CONCAT_TOKEN_(gtest_label_testnothrow_, __LINE__) : fail(gtest_msg.value.c_str())

#define GTEST_TEST_ANY_THROW_(statement, fail)                                                     \
  GTEST_AMBIGUOUS_ELSE_BLOCKER_                                                                    \
  if (::testing::internal::AlwaysTrue()) {                                                         \
    bool gtest_caught_any = false;                                                                 \
    try {                                                                                          \
      GTEST_SUPPRESS_UNREACHABLE_CODE_WARNING_BELOW_(statement);                                   \
    } catch (...) {                                                                                \
      gtest_caught_any = true;                                                                     \
    }                                                                                              \
    if (!gtest_caught_any) goto GTEST_CONCAT_TOKEN_(gtest_label_testanythrow_, __LINE__);          \
  } else                                                                                           \
    GTEST_CONCAT_TOKEN_(gtest_label_testanythrow_, __LINE__) : fail("it doesn't throw")

#define GTEST_TEST_BOOLEAN_(expression, text, actual, expected, fail)                              \
  GTEST_AMBIGUOUS_ELSE_BLOCKER_                                                                    \
  if (const ::testing::AssertionResult gtest_ar_ = ::testing::AssertionResult(expression))         \
    ;                                                                                              \
  else                                                                                             \
    fail(::testing::internal::GetBoolAssertionFailureMessage(gtest_ar_, text, #actual,             \
                                                             #expected).c_str())

#define GTEST_ASSERT_(expression, on_failure)                                                      \
  GTEST_AMBIGUOUS_ELSE_BLOCKER_                                                                    \
  if (const ::testing::AssertionResult gtest_ar = (expression))                                    \
    ;                                                                                              \
  else                                                                                             \
    on_failure(gtest_ar.failure_message())

// TEST(suite, name): a class deriving from ::testing::Test; the user's braces
// become the body of its TestBody() member function.
#define GTEST_TEST_CLASS_NAME_(suite, name) suite##_##name##_Test
#define TEST(suite, name)                                                                          \
  class GTEST_TEST_CLASS_NAME_(suite, name) : public ::testing::Test {                             \
    void TestBody() override;                                                                      \
    static ::testing::TestInfo *const test_info_;                                                  \
  };                                                                                               \
  ::testing::TestInfo *const GTEST_TEST_CLASS_NAME_(suite, name)::test_info_ =                     \
      ::testing::internal::MakeAndRegisterTestInfo(#suite, #name, __FILE__, __LINE__);             \
  void GTEST_TEST_CLASS_NAME_(suite, name)::TestBody()

#define EXPECT_THROW(statement, exc) GTEST_TEST_THROW_(statement, exc, GTEST_NONFATAL_FAILURE_)
#define ASSERT_THROW(statement, exc) GTEST_TEST_THROW_(statement, exc, GTEST_FATAL_FAILURE_)
#define EXPECT_NO_THROW(statement) GTEST_TEST_NO_THROW_(statement, GTEST_NONFATAL_FAILURE_)
#define ASSERT_NO_THROW(statement) GTEST_TEST_NO_THROW_(statement, GTEST_FATAL_FAILURE_)
#define EXPECT_ANY_THROW(statement) GTEST_TEST_ANY_THROW_(statement, GTEST_NONFATAL_FAILURE_)
#define ASSERT_ANY_THROW(statement) GTEST_TEST_ANY_THROW_(statement, GTEST_FATAL_FAILURE_)
#define EXPECT_TRUE(c) GTEST_TEST_BOOLEAN_(c, #c, false, true, GTEST_NONFATAL_FAILURE_)
#define EXPECT_FALSE(c) GTEST_TEST_BOOLEAN_(!(c), #c, true, false, GTEST_NONFATAL_FAILURE_)
#define ASSERT_TRUE(c) GTEST_TEST_BOOLEAN_(c, #c, false, true, GTEST_FATAL_FAILURE_)
#define ASSERT_FALSE(c) GTEST_TEST_BOOLEAN_(!(c), #c, true, false, GTEST_FATAL_FAILURE_)
#define EXPECT_EQ(a, b)                                                                            \
  GTEST_ASSERT_(::testing::internal::EqHelper::Compare(#a, #b, a, b), GTEST_NONFATAL_FAILURE_)
#define ASSERT_EQ(a, b)                                                                            \
  GTEST_ASSERT_(::testing::internal::EqHelper::Compare(#a, #b, a, b), GTEST_FATAL_FAILURE_)
#define ADD_FAILURE() GTEST_NONFATAL_FAILURE_("Failed")
#define GTEST_FAIL() GTEST_FATAL_FAILURE_("Failed")
#define FAIL() GTEST_FAIL()
#define GTEST_SUCCEED() GTEST_SUCCESS_("Succeeded")
#define SUCCEED() GTEST_SUCCEED()
