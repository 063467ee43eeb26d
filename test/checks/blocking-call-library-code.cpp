// The interprocedural walk follows the user's own functions, not library
// code (a system header, or a profiled library's namespace outside the
// main file, even in a header of the analysed tree): there, the model is
// the authority.
// clangd skips the bodies of functions in headers (its preamble): it
// follows helpers defined in the main file only (clangd/clangd issue 137).
// RUN: %check_coroguard --fronts=cli,tidy %s coroguard-blocking-call %t -- %mock_flags -isystem %inputs/seastar -I %S/Inputs/vendor
// RUN: %check_coroguard --fronts=clangd --check-suffix=CLANGD %s coroguard-blocking-call %t -- %mock_flags -isystem %inputs/seastar -I %S/Inputs/vendor

#include <helpers.h>
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>

using seastar::future;

void use(int);

future<> through_headers(future<int> pending) {
  use(seastar::value_of(pending));
  use(project_value_of(pending));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'project_value_of' blocks the thread inside coroutine 'through_headers': it calls 'seastar::future::get'
  co_return;
}
