//===--- config.hpp - linesvc configuration ---------------------*- C++ -*-===//

#ifndef LINESVC_CONFIG_HPP
#define LINESVC_CONFIG_HPP

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace linesvc {

struct Config {
  std::string ListenAddress = "127.0.0.1";
  std::uint16_t Port = 7878;
  unsigned IoThreads = 2;
  unsigned WorkerThreads = 4;
  std::chrono::seconds HeartbeatInterval{30};
  std::chrono::seconds IdleTimeout{300};
  std::string DocumentRoot = ".";
  std::string AccessLogPath;
  std::vector<std::string> Motd;
};

/// Reads a file of `key = value` lines; `#` starts a comment. Throws
/// std::runtime_error if the file cannot be read or contains an error.
Config loadConfig(const std::string &Path);

} // namespace linesvc

#endif // LINESVC_CONFIG_HPP
