#pragma once
typedef decltype(sizeof 0) size_t;
typedef long ssize_t;
typedef unsigned socklen_t;
struct sockaddr;
extern "C" {
int socket(int domain, int type, int protocol);
int accept(int fd, struct sockaddr *addr, socklen_t *len);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
ssize_t recv(int fd, void *buf, size_t n, int flags);
ssize_t send(int fd, const void *buf, size_t n, int flags);
}
