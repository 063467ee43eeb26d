// Mock <seastar/core/seastar.hh>: opening files.
#pragma once
#include <seastar/core/file.hh>
#include <seastar/core/future.hh>
#include <string>

namespace seastar {
// Real seastar takes std::string_view (no mock <string_view>).
future<file> open_file_dma(const std::string &name, open_flags flags) noexcept;
future<> remove_file(const std::string &name) noexcept;
} // namespace seastar
