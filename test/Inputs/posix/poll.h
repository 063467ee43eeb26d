#pragma once
struct pollfd { int fd; short events; short revents; };
typedef unsigned long nfds_t;
extern "C" int poll(struct pollfd *fds, nfds_t nfds, int timeout);
