#pragma once
struct timespec { long tv_sec; long tv_nsec; };
extern "C" int nanosleep(const struct timespec *req, struct timespec *rem);
