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

// A segment file written asynchronously: an async resource (its awaitable
// close()).
struct segment_writer {
  asio::awaitable<void> write(const std::string &text);
  asio::awaitable<void> close();
};
asio::awaitable<segment_writer> open_segment(const std::string &name);
// segments.cpp: writes the footer, leaves the segment open.
asio::awaitable<void> write_footer(segment_writer &out);
// segments.cpp: writes the footer and closes the segment.
asio::awaitable<void> seal_segment(segment_writer &out);

// net.cpp: sets O_NONBLOCK on the descriptor / only tunes it.
void make_nonblocking(int fd);
void tune_socket(int fd);

// A template defined in the header: every unit that calls it sees it.
template <class T> void throttle(T) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
}
} // namespace app
