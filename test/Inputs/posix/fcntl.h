#pragma once
// As glibc: octal macros.
#define O_RDONLY 00
#define O_WRONLY 01
#define O_RDWR 02
#define O_NONBLOCK 04000
#define O_NDELAY O_NONBLOCK
#define F_GETFL 3
#define F_SETFL 4
extern "C" {
int open(const char *path, int flags, ...);
int fcntl(int fd, int cmd, ...);
}
