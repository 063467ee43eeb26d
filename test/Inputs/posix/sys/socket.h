#pragma once
typedef decltype(sizeof 0) size_t;
typedef long ssize_t;
typedef unsigned socklen_t;
struct sockaddr;
// As glibc declares them: enumerators, each with a macro of its own name.
enum __socket_type {
  SOCK_STREAM = 1,
#define SOCK_STREAM SOCK_STREAM
  SOCK_DGRAM = 2,
#define SOCK_DGRAM SOCK_DGRAM
  SOCK_NONBLOCK = 00004000,
#define SOCK_NONBLOCK SOCK_NONBLOCK
  SOCK_CLOEXEC = 02000000
#define SOCK_CLOEXEC SOCK_CLOEXEC
};
enum {
  MSG_PEEK = 0x02,
#define MSG_PEEK MSG_PEEK
  MSG_DONTWAIT = 0x40,
#define MSG_DONTWAIT MSG_DONTWAIT
  MSG_NOSIGNAL = 0x4000
#define MSG_NOSIGNAL MSG_NOSIGNAL
};
#define AF_INET 2
extern "C" {
int socket(int domain, int type, int protocol);
int accept(int fd, struct sockaddr *addr, socklen_t *len);
int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
ssize_t recv(int fd, void *buf, size_t n, int flags);
ssize_t send(int fd, const void *buf, size_t n, int flags);
}
