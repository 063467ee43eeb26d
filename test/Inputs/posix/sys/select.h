#pragma once
typedef struct { long bits[16]; } fd_set;
struct timeval { long tv_sec; long tv_usec; };
extern "C" int select(int n, fd_set *r, fd_set *w, fd_set *e, struct timeval *t);
