// Mock <seastar/core/temporary_buffer.hh>.
#pragma once
#include <utility>

namespace seastar {
template <class CharType> class temporary_buffer {
public:
  temporary_buffer() noexcept;
  explicit temporary_buffer(std::size_t size);
  temporary_buffer(const CharType *src, std::size_t size);
  temporary_buffer(temporary_buffer &&x) noexcept;
  ~temporary_buffer();
  const CharType *get() const noexcept;
  CharType *get_write() noexcept;
  std::size_t size() const noexcept;
  bool empty() const noexcept;
  explicit operator bool() const noexcept;
};
} // namespace seastar
