//===--- config.cpp - linesvc configuration -------------------------------===//

#include "config.hpp"

#include <fstream>
#include <stdexcept>

namespace linesvc {
namespace {

std::string trim(const std::string &Text) {
  std::size_t Begin = Text.find_first_not_of(" \t\r");
  if (Begin == std::string::npos)
    return {};
  std::size_t End = Text.find_last_not_of(" \t\r");
  return Text.substr(Begin, End - Begin + 1);
}

unsigned long parseNumber(const std::string &Key, const std::string &Value,
                          unsigned long Max) {
  std::size_t Used = 0;
  unsigned long Number = 0;
  try {
    Number = std::stoul(Value, &Used);
  } catch (const std::logic_error &) {
    Used = 0;
  }
  if (Value.empty() || Used != Value.size() || Number > Max)
    throw std::runtime_error("invalid value for '" + Key + "': " + Value);
  return Number;
}

std::vector<std::string> readLines(const std::string &Path) {
  std::ifstream In(Path);
  if (!In)
    throw std::runtime_error("cannot open " + Path);
  std::vector<std::string> Lines;
  for (std::string Line; std::getline(In, Line);) {
    if (!Line.empty() && Line.back() == '\r')
      Line.pop_back();
    Lines.push_back(std::move(Line));
  }
  return Lines;
}

} // namespace

Config loadConfig(const std::string &Path) {
  std::ifstream In(Path);
  if (!In)
    throw std::runtime_error("cannot open config file " + Path);

  Config Cfg;
  unsigned LineNo = 0;
  for (std::string Line; std::getline(In, Line);) {
    ++LineNo;
    Line = trim(Line.substr(0, Line.find('#')));
    if (Line.empty())
      continue;
    std::size_t Eq = Line.find('=');
    if (Eq == std::string::npos)
      throw std::runtime_error(Path + ":" + std::to_string(LineNo) +
                               ": expected 'key = value'");
    std::string Key = trim(Line.substr(0, Eq));
    std::string Value = trim(Line.substr(Eq + 1));

    if (Key == "listen_address")
      Cfg.ListenAddress = Value;
    else if (Key == "port")
      Cfg.Port = static_cast<std::uint16_t>(parseNumber(Key, Value, 65535));
    else if (Key == "io_threads")
      Cfg.IoThreads = parseNumber(Key, Value, 64);
    else if (Key == "worker_threads")
      Cfg.WorkerThreads = parseNumber(Key, Value, 256);
    else if (Key == "heartbeat_seconds")
      Cfg.HeartbeatInterval =
          std::chrono::seconds(parseNumber(Key, Value, 3600));
    else if (Key == "idle_timeout_seconds")
      Cfg.IdleTimeout = std::chrono::seconds(parseNumber(Key, Value, 86400));
    else if (Key == "document_root")
      Cfg.DocumentRoot = Value;
    else if (Key == "access_log")
      Cfg.AccessLogPath = Value;
    else if (Key == "motd_file")
      Cfg.Motd = readLines(Value);
    else
      throw std::runtime_error(Path + ":" + std::to_string(LineNo) +
                               ": unknown key '" + Key + "'");
  }

  if (Cfg.IoThreads == 0 || Cfg.WorkerThreads == 0)
    throw std::runtime_error("io_threads and worker_threads must be positive");
  if (Cfg.HeartbeatInterval.count() == 0 || Cfg.IdleTimeout.count() == 0)
    throw std::runtime_error("heartbeat and idle timeout must be positive");
  return Cfg;
}

} // namespace linesvc
