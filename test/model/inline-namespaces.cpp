// A model name may spell an inline namespace (lib::v2::session) or leave it
// out (lib::session): both match.
// RUN: %check_coroguard --copy=%S/Inputs/inline-namespace.json --clang-tidy-config="CheckOptions: {coroguard.ModelFiles: inline-namespace.json}" %s coroguard-unmanaged-resource %t -- %mock_flags -isystem %inputs/testlib

#include <task.h>

namespace lib {
inline namespace v2 {
struct session {
  session(int);
  testlib::task<> finish();
};
} // namespace v2
} // namespace lib

testlib::task<> uses_session() {
  lib::session s(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 's' is never released: co_await 'finish()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: 's' is still unreleased when this co_return is taken
}
