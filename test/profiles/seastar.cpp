// The seastar profile through every check.
// RUN: %check_coroguard --compile-fixed %s coroguard-* %t -- %mock_flags -isystem %inputs/seastar

#include <chrono>
#include <exception>
#include <seastar/core/coroutine.hh>
#include <seastar/core/file.hh>
#include <seastar/core/fstream.hh>
#include <seastar/core/future.hh>
#include <seastar/core/gate.hh>
#include <seastar/core/iostream.hh>
#include <seastar/core/seastar.hh>
#include <seastar/core/sharded.hh>
#include <seastar/core/shared_mutex.hh>
#include <seastar/core/sleep.hh>
#include <seastar/core/thread.hh>
#include <seastar/coroutine/exception.hh>
#include <seastar/util/closeable.hh>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

using seastar::future;
using namespace std::chrono;

future<> log_event(const char *what);
future<int> compute(int x);
bool try_log(const char *what); // not a future

struct service {
  future<> stop();
};

//===----------------------------------------------------------------------===//
// coroguard-unawaited-task: seastar::future is eager. Discarding one loses
// its exception, but not the work: not reported.
//===----------------------------------------------------------------------===//

future<> eager_discards() {
  log_event("started");
  compute(1);
  (void)log_event("explicitly ignored");
  try_log("x");
  co_await log_event("awaited");
  int v = co_await compute(2);
  (void)v;
}

//===----------------------------------------------------------------------===//
// coroguard-blocking-call.
//===----------------------------------------------------------------------===//

future<int> blocks() {
  int v = compute(1).get();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'seastar::future::get' blocks the thread inside coroutine 'blocks'; co_await the future; .get() is only valid inside a seastar::thread [coroguard-blocking-call]
  log_event("waited").wait();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'seastar::future::wait' blocks the thread inside coroutine 'blocks'; co_await the future; .wait() is only valid inside a seastar::thread [coroguard-blocking-call]
  std::this_thread::sleep_for(milliseconds(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'std::this_thread::sleep_for' blocks the thread inside coroutine 'blocks'
  co_await seastar::sleep(milliseconds(1)); // the reactor's sleep
  co_return v;
}

// deferred_close / deferred_stop call close().get() / stop().get() in their
// destructor: a blocking call in a coroutine. One root cause, one finding:
// it is still a guard, so the stream is not reported as never released.
future<> deferred_close_in_coroutine(seastar::file f) {
  auto out = co_await seastar::make_file_output_stream(f);
  seastar::deferred_close close_out(out);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'seastar::deferred_close::deferred_close' blocks the thread inside coroutine 'deferred_close_in_coroutine'; use 'co_await seastar::with_closeable(std::move(x), ...)' or catch into a std::exception_ptr, co_await x.close() and rethrow; its destructor calls close().get(), valid only inside a seastar::thread [coroguard-blocking-call]
  co_await out.write("hello");
}

future<> deferred_stop_in_coroutine(seastar::sharded<service> &svc) {
  seastar::deferred_stop stop_svc(svc);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'seastar::deferred_stop::deferred_stop' blocks the thread inside coroutine 'deferred_stop_in_coroutine'
  co_await svc.invoke_on_all([](service &) {});
}

// Negative: .get() in a seastar::thread (seastar::async, seastar::thread) is
// allowed.
future<int> get_in_a_seastar_thread() {
  int v = co_await seastar::async([] { return compute(1).get(); });
  seastar::thread th([] { log_event("in thread").get(); });
  co_await th.join();
  co_return v;
}

// Negative: plain functions run in a seastar::thread may block on futures.
void thread_body(seastar::output_stream<char> &out) {
  out.write("x").get();
  seastar::deferred_close close_out(out);
}

//===----------------------------------------------------------------------===//
// Streams and files: closed with co_await x.close() on every path.
//===----------------------------------------------------------------------===//

// (a) The close future is discarded.
future<> discarded_close(seastar::file f) {
  auto out = co_await seastar::make_file_output_stream(f);
  out.close(); // discarded
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the awaitable returned by 'close()' is discarded, so 'out' is never released; co_await it [coroguard-missing-awaited-cleanup]
  // CHECK-FIXES: co_await out.close(); // discarded
}

// (b) "Happy path only": write() and flush() are noexcept, but the exception
// arrives when their future is co_awaited.
future<> happy_path_only(seastar::file f) {
  auto out = co_await seastar::make_file_output_stream(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'out' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
  co_await out.write("hello");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: an exception thrown here leaves the scope of 'out' without releasing it
  // CHECK-MESSAGES: :[[@LINE-4]]:8: note: co_await seastar::with_closeable(std::move(out), ...) or with_file; or catch into a std::exception_ptr, co_await out.close(), rethrow
  co_await out.flush();
  co_await out.close();
}

// The error is caught, but the coroutine ends with it before the close.
future<> ends_with_exception_before_close(seastar::file f) {
  auto out = co_await seastar::make_file_output_stream(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'out' is not released if an exception is thrown before 'close()' is awaited [coroguard-missing-awaited-cleanup]
  std::exception_ptr error;
  try {
    co_await out.write("hello");
    co_await out.flush();
  } catch (...) {
    error = std::current_exception();
  }
  if (error)
    co_await seastar::coroutine::exception(std::move(error));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: note: the coroutine ends here with an exception, without releasing 'out'
  // CHECK-MESSAGES: :[[@LINE-12]]:8: note: co_await seastar::with_closeable(std::move(out), ...) or with_file; or catch into a std::exception_ptr, co_await out.close(), rethrow
  co_await out.close();
}

future<> input_early_return(seastar::file f) {
  auto in = seastar::make_file_input_stream(f);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'in' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  std::exception_ptr error;
  try {
    auto buf = co_await in.read();
    if (buf.empty())
      co_return;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 'in' is still unreleased when this co_return is taken
    // CHECK-MESSAGES: :[[@LINE-8]]:8: note: co_await seastar::with_closeable(std::move(in), ...) or with_file; or catch into a std::exception_ptr, co_await in.close(), rethrow
  } catch (...) {
    error = std::current_exception();
  }
  co_await in.close();
  if (error)
    std::rethrow_exception(error);
}

future<> file_never_closed() {
  seastar::file f = co_await seastar::open_file_dma("data", seastar::open_flags::ro);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'f' is never released: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  auto size = co_await f.size();
  (void)size;
}
// CHECK-MESSAGES: :[[@LINE-1]]:1: note: 'f' is still unreleased at the end of its scope
// CHECK-MESSAGES: :[[@LINE-6]]:17: note: co_await seastar::with_file(open_file_dma(...), ...); or catch into a std::exception_ptr, co_await f.close(), rethrow

// A started sharded service must be stopped.
future<> sharded_not_stopped(bool fail) {
  seastar::sharded<service> svc;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'svc' is not released on every path: co_await 'stop()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  co_await svc.start();
  if (fail)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'svc' is still unreleased when this co_return is taken
  // CHECK-MESSAGES: :[[@LINE-6]]:29: note: catch into a std::exception_ptr, co_await svc.stop(), rethrow (deferred_stop is only valid in a seastar::thread)
  co_await svc.stop();
}

//===----------------------------------------------------------------------===//
// Negative cases: the seastar coroutine idioms.
//===----------------------------------------------------------------------===//

// Catch into an exception_ptr, co_await close(), rethrow. The file is
// copied into make_file_output_stream, which closes it with the stream.
future<> exception_ptr_idiom(std::string name) {
  seastar::file f = co_await seastar::open_file_dma(
      name, seastar::open_flags::wo | seastar::open_flags::create);
  auto out = co_await seastar::make_file_output_stream(f);
  std::exception_ptr error;
  try {
    co_await out.write("hello");
    co_await out.flush();
  } catch (...) {
    error = std::current_exception();
  }
  co_await out.close();
  if (error)
    std::rethrow_exception(error);
}

// The same idiom ending with coroutine::exception after the close.
future<> exception_ptr_idiom_coroutine_exception(seastar::file f) {
  auto out = co_await seastar::make_file_output_stream(f);
  std::exception_ptr error;
  try {
    co_await out.write("hello");
  } catch (...) {
    error = std::current_exception();
  }
  co_await out.close();
  if (error)
    co_await seastar::coroutine::exception(std::move(error));
}

// with_closeable takes the stream over and closes it on every path.
future<> with_closeable_guard(seastar::file f) {
  auto out = co_await seastar::make_file_output_stream(f);
  co_await seastar::with_closeable(std::move(out), [](auto &o) -> future<> {
    co_await o.write("hello");
    co_await o.flush();
  });
}

// with_file opens and closes the file around the function.
future<> with_file_guard() {
  co_await seastar::with_file(
      seastar::open_file_dma("data", seastar::open_flags::ro),
      [](seastar::file &f) -> future<> {
        auto size = co_await f.size();
        (void)size;
      });
}

// A release future stored now and awaited later.
future<> close_awaited_later(seastar::file f) {
  auto out = co_await seastar::make_file_output_stream(f);
  auto closing = out.close();
  try_log("closing");
  co_await std::move(closing);
}

// A factory that co_returns the stream: the caller owns it.
future<seastar::output_stream<char>> open_log(std::string name) {
  seastar::file f = co_await seastar::open_file_dma(name, seastar::open_flags::wo);
  auto out = co_await seastar::make_file_output_stream(f);
  co_return std::move(out);
}

// Passed by reference to a coroutine of this file that closes it.
future<> finish(seastar::output_stream<char> &out) {
  co_await out.flush();
  co_await out.close();
}
future<> passed_to_a_closer(seastar::file f) {
  auto out = co_await seastar::make_file_output_stream(f);
  co_await finish(out);
}

// A default-constructed stream holds nothing to close.
future<> empty_stream(bool open, seastar::file f) {
  seastar::output_stream<char> out;
  if (open)
    out = co_await seastar::make_file_output_stream(f);
  co_await out.close();
}

// std::unique_lock over seastar's async shared_mutex.
future<> async_lock(seastar::shared_mutex &m) {
  co_await m.lock();
  std::unique_lock<seastar::shared_mutex> lock(m, std::defer_lock);
  co_await log_event("under the lock");
}
