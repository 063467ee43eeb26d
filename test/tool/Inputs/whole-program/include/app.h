// A small service split over several files: the handlers in handlers.cpp
// call helpers whose bodies are in other files.
#pragma once
#include <asio.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace app {
using asio::ip::tcp;

// render.cpp: sleeps and waits on a future.
std::string render_pdf(const std::vector<std::string> &rows);
// templates.cpp: reads a file with std::ifstream.
std::string load_template(const std::string &name);
// render.cpp: formats in memory only.
std::string format_row(const std::string &row);
// util.cpp: calls render_pdf, two files away from the blocking call.
std::string render_report(int id);
// util.cpp and render.cpp call each other; neither blocks.
int ping(int n);
int pong(int n);
// odr_a.cpp and odr_b.cpp both define it; only one blocks.
void refresh_cache();

// sessions.cpp: lets its I/O errors out / handles every error itself.
asio::awaitable<void> serve_client(tcp::socket socket);
asio::awaitable<void> serve_safely(tcp::socket socket);

// A template defined in the header: every unit that calls it sees it.
template <class T> void throttle(T) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
}
} // namespace app
