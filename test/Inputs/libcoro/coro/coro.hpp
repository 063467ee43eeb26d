// Mock <coro/coro.hpp> (libcoro v0.17): everything.
#pragma once
#include <coro/io_scheduler.hpp>
#include <coro/mutex.hpp>
#include <coro/scheduler.hpp>
#include <coro/shared_mutex.hpp>
#include <coro/sync_wait.hpp>
#include <coro/task.hpp>
#include <coro/thread_pool.hpp>
#include <coro/when_all.hpp>
