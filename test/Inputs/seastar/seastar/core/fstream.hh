// Mock <seastar/core/fstream.hh>: streams over a file. The file is taken BY
// VALUE: the stream owns (a copy of) the handle and closes it when the
// stream is closed.
#pragma once
#include <seastar/core/file.hh>
#include <seastar/core/iostream.hh>

namespace seastar {
struct file_input_stream_options {
  std::size_t buffer_size = 8192;
};
struct file_output_stream_options {
  unsigned buffer_size = 65536;
};

input_stream<char> make_file_input_stream(file file, unsigned long long offset,
                                          unsigned long long len,
                                          file_input_stream_options options = {});
input_stream<char> make_file_input_stream(file file, file_input_stream_options options = {});
future<output_stream<char>> make_file_output_stream(file file,
                                                    unsigned long long buffer_size = 8192) noexcept;
future<output_stream<char>> make_file_output_stream(file file,
                                                    file_output_stream_options options) noexcept;
} // namespace seastar
