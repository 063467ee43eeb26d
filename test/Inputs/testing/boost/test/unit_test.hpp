// Mock of Boost.Test (boost/test/unit_test.hpp, default "old tools" macros plus
// the expression-template BOOST_TEST) for coroguard's lit tests: every check
// is a call to boost::test_tools::tt_detail::report_assertion(); the *_THROW
// macros wrap the statement in try/catch. Nothing here runs; most functions are declared only.
#pragma once
#include <utility>

namespace boost {
template <class... Ts> void ignore_unused(const Ts &...);
namespace unit_test {
class const_string {
public:
  const_string(const char *s);
  const_string(const char *s, std::size_t len);
};
class lazy_ostream {
public:
  static lazy_ostream &instance();
  template <class T> const lazy_ostream &operator<<(const T &) const;
};
class unit_test_log_t { public: void set_checkpoint(const_string file, std::size_t line); };
extern unit_test_log_t &unit_test_log;
class test_case;
test_case *make_test_case(void (*test_func)(), const_string name, const_string file,
                          std::size_t line);
namespace ut_detail {
struct nil_t {};
struct auto_test_unit_registrar { explicit auto_test_unit_registrar(test_case *tc); };
} // namespace ut_detail
} // namespace unit_test

namespace test_tools {
class assertion_result {
public:
  assertion_result(bool pv);
  template <class BoolConvertible> assertion_result(const BoolConvertible &pv);
};
namespace tt_detail {
enum tool_level { WARN, CHECK, REQUIRE, PASS };
enum check_type { CHECK_PRED, CHECK_MSG, CHECK_EQUAL, CHECK_BUILT_ASSERTION };
inline bool dummy_cond() { return false; }
// Reports one check; a failed REQUIRE-level check throws to abort the test case.
bool report_assertion(const assertion_result &pr, const unit_test::lazy_ostream &assertion_descr,
                      unit_test::const_string file_name, std::size_t line_num, tool_level tl,
                      check_type ct, std::size_t num_args, ...);
struct equal_impl_frwd {
  template <class L, class R> assertion_result operator()(const L &left, const R &right) const;
};
template <class Pred, class L, class R>
bool check_frwd(Pred P, const unit_test::lazy_ostream &assertion_descr,
                unit_test::const_string file_name, std::size_t line_num, tool_level tl,
                check_type ct, const L &left, const char *left_descr, const R &right,
                const char *right_descr) {
  return report_assertion(P(left, right), assertion_descr, file_name, line_num, tl, ct, 2,
                          left_descr, &left, right_descr, &right);
}
} // namespace tt_detail
namespace assertion {
// BOOST_TEST(a == b) builds seed()->*a == b, then calls evaluate().
template <class L, class R> struct binary_expr { assertion_result evaluate() const; };
template <class T> struct value_expr {
  template <class R> binary_expr<T, R> operator==(R &&) const;
  template <class R> binary_expr<T, R> operator!=(R &&) const;
  template <class R> binary_expr<T, R> operator<(R &&) const;
  template <class R> binary_expr<T, R> operator>(R &&) const;
  template <class R> binary_expr<T, R> operator<=(R &&) const;
  template <class R> binary_expr<T, R> operator>=(R &&) const;
  assertion_result evaluate() const;
};
struct seed { template <class T> value_expr<T> operator->*(T &&v) const; };
} // namespace assertion
} // namespace test_tools
} // namespace boost
typedef ::boost::unit_test::ut_detail::nil_t BOOST_AUTO_TEST_CASE_FIXTURE;

#define BOOST_JOIN_IMPL_(a, b) a##b
#define BOOST_JOIN(a, b) BOOST_JOIN_IMPL_(a, b)
#define BOOST_STRINGIZE_IMPL_(x) #x
#define BOOST_STRINGIZE(x) BOOST_STRINGIZE_IMPL_(x)
#define BOOST_TEST_L(s) ::boost::unit_test::const_string(s, sizeof(s) - 1)
#define BOOST_TEST_STRINGIZE(s) BOOST_TEST_L(BOOST_STRINGIZE(s))
#define BOOST_TEST_LAZY_MSG(M) (::boost::unit_test::lazy_ostream::instance() << M)
#define BOOST_TEST_PASSPOINT()                                                                     \
  ::boost::unit_test::unit_test_log.set_checkpoint(BOOST_TEST_L(__FILE__),                         \
                                                   static_cast<std::size_t>(__LINE__))

// BOOST_AUTO_TEST_CASE(name): struct name { void test_method(); }, an invoker and a
// registrar; the user's braces become the body of name::test_method().
#define BOOST_AUTO_TEST_CASE(test_name)                                                            \
  struct test_name : public BOOST_AUTO_TEST_CASE_FIXTURE { void test_method(); };                  \
  static void BOOST_JOIN(test_name, _invoker)() { test_name t; t.test_method(); }                  \
  static ::boost::unit_test::ut_detail::auto_test_unit_registrar BOOST_JOIN(                       \
      BOOST_JOIN(test_name, _registrar), __LINE__)(::boost::unit_test::make_test_case(             \
      &BOOST_JOIN(test_name, _invoker), #test_name, __FILE__, __LINE__));                          \
  void test_name::test_method()

// Old-style tools: report_assertion(P, description, file, line, level, CHECK_PRED/CHECK_MSG, 0).
// (Only frwd_type 2, "no extra arguments", is modelled; ARGS is ignored.)
#define BOOST_TEST_TOOL_IMPL(frwd_type, P, assertion_descr, TL, CT, ARGS)                          \
  do {                                                                                             \
    BOOST_TEST_PASSPOINT();                                                                        \
    ::boost::test_tools::tt_detail::report_assertion(                                              \
        P, BOOST_TEST_LAZY_MSG(assertion_descr), BOOST_TEST_L(__FILE__),                           \
        static_cast<std::size_t>(__LINE__), ::boost::test_tools::tt_detail::TL,                    \
        ::boost::test_tools::tt_detail::CT, 0);                                                    \
  } while (::boost::test_tools::tt_detail::dummy_cond())

#define BOOST_CHECK(P) BOOST_TEST_TOOL_IMPL(2, (P), BOOST_TEST_STRINGIZE(P), CHECK, CHECK_PRED, _)
#define BOOST_REQUIRE(P)                                                                           \
  BOOST_TEST_TOOL_IMPL(2, (P), BOOST_TEST_STRINGIZE(P), REQUIRE, CHECK_PRED, _)
#define BOOST_CHECK_MESSAGE(P, M) BOOST_TEST_TOOL_IMPL(2, (P), M, CHECK, CHECK_MSG, _)
#define BOOST_REQUIRE_MESSAGE(P, M) BOOST_TEST_TOOL_IMPL(2, (P), M, REQUIRE, CHECK_MSG, _)
#define BOOST_ERROR(M) BOOST_CHECK_MESSAGE(false, M)
#define BOOST_FAIL(M) BOOST_REQUIRE_MESSAGE(false, M)

// try { S; report(false) } catch (E const&) { report(true) } -- other exceptions propagate.
#define BOOST_CHECK_THROW_IMPL(S, E, P, postfix, TL)                                               \
  do {                                                                                             \
    try {                                                                                          \
      BOOST_TEST_PASSPOINT();                                                                      \
      S;                                                                                           \
      BOOST_TEST_TOOL_IMPL(2, false, "exception " BOOST_STRINGIZE(E) " expected but not raised",   \
                           TL, CHECK_MSG, _);                                                      \
    } catch (E const &ex) {                                                                        \
      ::boost::ignore_unused(ex);                                                                  \
      BOOST_TEST_TOOL_IMPL(2, P,                                                                   \
                           "exception \"" BOOST_STRINGIZE(E) "\" raised as expected" postfix, TL,  \
                           CHECK_MSG, _);                                                          \
    }                                                                                              \
  } while (::boost::test_tools::tt_detail::dummy_cond())
#define BOOST_CHECK_THROW(S, E) BOOST_CHECK_THROW_IMPL(S, E, true, "", CHECK)
#define BOOST_REQUIRE_THROW(S, E) BOOST_CHECK_THROW_IMPL(S, E, true, "", REQUIRE)

// try { S; report(true) } catch (...) { report(false) }.
#define BOOST_CHECK_NO_THROW_IMPL(S, TL)                                                           \
  do {                                                                                             \
    try {                                                                                          \
      S;                                                                                           \
      BOOST_TEST_TOOL_IMPL(2, true, "no exceptions thrown by " BOOST_STRINGIZE(S), TL, CHECK_MSG,  \
                           _);                                                                     \
    } catch (...) {                                                                                \
      BOOST_TEST_TOOL_IMPL(2, false, "unexpected exception thrown by " BOOST_STRINGIZE(S), TL,     \
                           CHECK_MSG, _);                                                          \
    }                                                                                              \
  } while (::boost::test_tools::tt_detail::dummy_cond())
#define BOOST_CHECK_NO_THROW(S) BOOST_CHECK_NO_THROW_IMPL(S, CHECK)
#define BOOST_REQUIRE_NO_THROW(S) BOOST_CHECK_NO_THROW_IMPL(S, REQUIRE)

// BOOST_CHECK_EQUAL: check_frwd(equal_impl_frwd(), ...), which calls report_assertion.
#define BOOST_CHECK_EQUAL(L, R)                                                                    \
  do {                                                                                             \
    BOOST_TEST_PASSPOINT();                                                                        \
    ::boost::test_tools::tt_detail::check_frwd(                                                    \
        ::boost::test_tools::tt_detail::equal_impl_frwd(), BOOST_TEST_LAZY_MSG(""),                \
        BOOST_TEST_L(__FILE__), static_cast<std::size_t>(__LINE__),                                \
        ::boost::test_tools::tt_detail::CHECK, ::boost::test_tools::tt_detail::CHECK_EQUAL, L,     \
        BOOST_STRINGIZE(L), R, BOOST_STRINGIZE(R));                                                \
  } while (::boost::test_tools::tt_detail::dummy_cond())

// BOOST_TEST(P): expression-template form, report_assertion((seed()->*P).evaluate(), ...).
#define BOOST_TEST(P)                                                                              \
  do {                                                                                             \
    BOOST_TEST_PASSPOINT();                                                                        \
    ::boost::test_tools::tt_detail::report_assertion(                                              \
        (::boost::test_tools::assertion::seed()->*P).evaluate(),                                   \
        BOOST_TEST_LAZY_MSG(BOOST_TEST_STRINGIZE(P)), BOOST_TEST_L(__FILE__),                      \
        static_cast<std::size_t>(__LINE__), ::boost::test_tools::tt_detail::CHECK,                 \
        ::boost::test_tools::tt_detail::CHECK_BUILT_ASSERTION, 0);                                 \
  } while (::boost::test_tools::tt_detail::dummy_cond())
