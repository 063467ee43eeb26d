#pragma once
typedef decltype(sizeof 0) size_t;
typedef long ssize_t;
typedef int pid_t;
extern "C" {
ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
unsigned int sleep(unsigned int seconds);
int usleep(unsigned int usec);
int close(int fd);
int dup(int fd);
pid_t fork(void);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
}
