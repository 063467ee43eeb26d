// Mock <seastar/core/iostream.hh>.
//
// output_stream/input_stream must be closed with `co_await s.close()` on every
// path. write/flush/read/close are noexcept functions returning futures: the
// exception arrives when the future is co_awaited.
#pragma once
#include <seastar/core/future.hh>
#include <seastar/core/temporary_buffer.hh>
#include <string>

namespace seastar {
class data_sink {
public:
  data_sink(data_sink &&x) noexcept;
  ~data_sink();
};
class data_source {
public:
  data_source(data_source &&x) noexcept;
  ~data_source();
};

template <class CharType> class output_stream final {
public:
  using char_type = CharType;
  output_stream() noexcept = default;
  output_stream(data_sink fd, std::size_t size) noexcept;
  output_stream(output_stream &&) noexcept;
  output_stream &operator=(output_stream &&) noexcept;
  ~output_stream();

  future<> write(const char_type *buf, std::size_t n) noexcept;
  future<> write(const char_type *buf) noexcept;
  future<> write(const std::basic_string<char_type> &s) noexcept;
  future<> write(temporary_buffer<char_type>) noexcept;
  future<> flush() noexcept;
  /// Flushes and closes the stream; must be co_awaited before destruction.
  future<> close() noexcept;
};

template <class CharType> class input_stream final {
public:
  using char_type = CharType;
  using tmp_buf = temporary_buffer<char_type>;
  input_stream() noexcept = default;
  explicit input_stream(data_source fd) noexcept;
  input_stream(input_stream &&) = default;
  input_stream &operator=(input_stream &&) = default;
  ~input_stream();

  future<temporary_buffer<CharType>> read() noexcept;
  future<temporary_buffer<CharType>> read_exactly(std::size_t n) noexcept;
  future<> skip(unsigned long long n) noexcept;
  bool eof() const noexcept;
  /// Must be co_awaited before destruction.
  future<> close() noexcept;
};
} // namespace seastar
