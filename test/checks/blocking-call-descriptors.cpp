// POSIX descriptor I/O blocks only on a blocking descriptor. A descriptor
// made non-blocking anywhere in the translation unit, a call with
// MSG_DONTWAIT, and code that retries on EAGAIN/EWOULDBLOCK do not block.
// RUN: %check_coroguard %s coroguard-blocking-call %t -- %mock_flags -isystem %inputs/testlib

#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <task.h>
#include <unistd.h>

using testlib::task;

task<> readable(int fd);
task<> writable(int fd);

// Blocking descriptors: findings.
task<> reads_blocking(int fd, int listener) {
  char buf[64];
  ::read(fd, buf, sizeof buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'read' blocks the thread inside coroutine 'reads_blocking'
  ::recv(fd, buf, sizeof buf, MSG_PEEK);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'recv' blocks the thread inside coroutine 'reads_blocking'
  int client = ::accept(listener, nullptr, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'accept' blocks the thread inside coroutine 'reads_blocking'
  co_await readable(client);
}

// Created non-blocking in the same function.
task<> created_non_blocking() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  co_await writable(fd);
  ::connect(fd, nullptr, 0);
  char buf[64];
  ::recv(fd, buf, sizeof buf, 0);
}

// Set non-blocking with fcntl.
task<> set_non_blocking(int fd) {
  int flags = ::fcntl(fd, F_GETFL, 0);
  ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
  char buf[64];
  co_await readable(fd);
  ::read(fd, buf, sizeof buf);
}

// One call with MSG_DONTWAIT.
task<> dont_wait(int fd) {
  char buf[64];
  ::send(fd, buf, sizeof buf, MSG_DONTWAIT | MSG_NOSIGNAL);
  co_return;
}

// Written for a non-blocking descriptor: the result is compared to EAGAIN.
task<> retries(int fd) {
  char buf[64];
  for (;;) {
    long n = ::read(fd, buf, sizeof buf);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      co_await readable(fd);
      continue;
    }
    break;
  }
}

// A pipe created non-blocking; an accept4 that makes the client so.
task<> pipes_and_accept4(int listener) {
  int fds[2];
  ::pipe2(fds, O_NONBLOCK);
  char buf[8];
  ::read(fds[0], buf, 1);
  int client = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'accept4' blocks the thread inside coroutine 'pipes_and_accept4'
  ::write(client, buf, 1);
  co_return;
}

// The owning class makes its member descriptor non-blocking in its
// constructor.
class connection {
public:
  explicit connection(int fd) : fd_(fd) {
    ::fcntl(fd_, F_SETFL, O_NONBLOCK);
  }
  task<> send_all(const char *data, unsigned size) {
    while (size > 0) {
      long n = ::write(fd_, data, size);
      if (n <= 0) {
        co_await writable(fd_);
        continue;
      }
      data += n;
      size -= n;
    }
  }

private:
  int fd_;
};

class raw_socket {
public:
  raw_socket() : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)) {}
  task<> poll_once() {
    char buf[8];
    ::recv(fd_, buf, sizeof buf, 0);
    co_return;
  }

private:
  int fd_;
};

// A different descriptor of the same class is still blocking.
class mixed {
public:
  mixed() { ::fcntl(data_fd_, F_SETFL, O_NONBLOCK); }
  task<> pump() {
    char buf[8];
    ::read(data_fd_, buf, 1);
    ::read(control_fd_, buf, 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'read' blocks the thread inside coroutine 'pump'
    co_return;
  }

private:
  int data_fd_ = -1;
  int control_fd_ = -1;
};
