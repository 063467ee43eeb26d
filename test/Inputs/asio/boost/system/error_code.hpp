// Mock <boost/system/error_code.hpp>.
#pragma once
#include <exception>

namespace boost::system {
class error_code {
public:
  error_code() noexcept;
  explicit operator bool() const noexcept;
};
class system_error : public std::exception {
public:
  explicit system_error(const error_code &ec);
  error_code code() const noexcept;
};
} // namespace boost::system
