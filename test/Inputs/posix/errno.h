#pragma once
extern "C" int *__errno_location(void) noexcept;
#define errno (*__errno_location())
#define EINTR 4
#define EAGAIN 11
#define EWOULDBLOCK EAGAIN
#define EINPROGRESS 115
