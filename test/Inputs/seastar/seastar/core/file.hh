// Mock <seastar/core/file.hh>: a file must be closed with `co_await
// f.close()`, or handed to with_file / an object that closes it (a copy of
// the file handle into make_file_output_stream counts).
#pragma once
#include <seastar/core/future.hh>
#include <seastar/core/temporary_buffer.hh>

namespace seastar {
class io_intent;

enum class open_flags {
  rw = 2,
  ro = 0,
  wo = 1,
  create = 64,
  truncate = 512,
  exclusive = 128,
};
constexpr open_flags operator|(open_flags a, open_flags b) {
  return open_flags(static_cast<unsigned>(a) | static_cast<unsigned>(b));
}

class file {
public:
  file() noexcept;
  file(const file &) noexcept;
  file(file &&x) noexcept;
  file &operator=(const file &x) noexcept;
  file &operator=(file &&x) noexcept;
  ~file();
  explicit operator bool() const noexcept;

  template <class CharType>
  future<std::size_t> dma_read(unsigned long long aligned_pos, CharType *aligned_buffer,
                               std::size_t aligned_len, io_intent *intent = nullptr) noexcept;
  template <class CharType>
  future<temporary_buffer<CharType>> dma_read(unsigned long long pos, std::size_t len,
                                              io_intent *intent = nullptr) noexcept;
  template <class CharType>
  future<std::size_t> dma_write(unsigned long long pos, const CharType *buffer, std::size_t len,
                                io_intent *intent = nullptr) noexcept;
  future<> flush() noexcept;
  future<unsigned long long> size() const noexcept;
  /// Closes the file; must be co_awaited before the last copy is destroyed.
  future<> close() noexcept;
};

/// Opens the file with the future, calls func(file&), then closes the file.
template <class Func>
auto with_file(future<file> file_fut, Func func) noexcept
    -> futurize_t<internal::invoke_result_t<Func, file &>> {
  return {internal::future_tag{}};
}
template <class Func>
auto with_file_close_on_failure(future<file> file_fut, Func func) noexcept
    -> futurize_t<internal::invoke_result_t<Func, file &>> {
  return {internal::future_tag{}};
}
} // namespace seastar
