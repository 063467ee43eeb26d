// An inferred resource (an awaitable close()/disconnect()) whose destructor
// already releases it synchronously is not a resource that must be
// awaited; one whose destructor only checks or complains still is.
// RUN: %check_coroguard %s coroguard-unmanaged-resource,coroguard-missing-awaited-cleanup %t -- %mock_flags -isystem %inputs/testlib -isystem %inputs/posix

#include <task.h>
#include <unistd.h>

using testlib::task;

class tcp_socket {
public:
  explicit tcp_socket(int fd) : fd_(fd) {}
  ~tcp_socket() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  task<> close(); // graceful: flushes, then closes
  task<int> read(char *buf, int n);

private:
  int fd_;
};

class session_handle {
public:
  ~session_handle() { delete impl_; }
  task<> disconnect();

private:
  struct impl;
  impl *impl_;
};

class fd_owner {
public:
  ~fd_owner() { release_fd(); }

private:
  void release_fd() noexcept;
};
// Released by a base's destructor.
class pipe_end : public fd_owner {
public:
  task<> close();
};

task<> self_releasing(int fd, bool early) {
  tcp_socket sock(fd);
  session_handle session;
  pipe_end pipe;
  char buf[16];
  co_await sock.read(buf, 16);
  if (early)
    co_return;
  co_await sock.close();
}

// Its destructor only complains: the awaited release is the only one.
class checked_connection {
public:
  ~checked_connection() {
    if (open_)
      report_leak();
  }
  task<> close();
  task<> send(const char *);

private:
  void report_leak() noexcept;
  bool open_ = true;
};

task<> leaks_checked(bool early) {
  checked_connection conn;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'conn' is not released on every path: co_await 'close()' or hand it to a guard before it goes out of scope [coroguard-unmanaged-resource]
  if (early)
    co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'conn' is still unreleased when this co_return is taken
  co_await conn.close();
}
