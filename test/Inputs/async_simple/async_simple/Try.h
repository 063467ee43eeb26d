// Mock <async_simple/Try.h>.
#pragma once
#include <exception>

namespace async_simple {
template <class T> class Try {
public:
  Try() noexcept;
  bool available() const noexcept;
  bool hasError() const noexcept;
  const std::exception_ptr &getException() const;
  T &value() &;
  T &&value() &&;
};
template <> class Try<void> {
public:
  Try() noexcept;
  bool available() const noexcept;
  bool hasError() const noexcept;
  const std::exception_ptr &getException() const;
  void value() const;
};
} // namespace async_simple
