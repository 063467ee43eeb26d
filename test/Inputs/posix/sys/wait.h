#pragma once
typedef int pid_t;
extern "C" pid_t waitpid(pid_t pid, int *status, int options);
