// RESTinio's logger interface on top of spdlog's default logger. RESTinio logs per-connection
// trouble (parse errors, timeouts, resets: all caused by clients) at error level; those go
// to debug so a client cannot flood the log. Everything else keeps a level one notch down
// (RESTinio's "info" is start-up chatter).
#pragma once

#include <spdlog/spdlog.h>
#include <string>
#include <string_view>

namespace snai::api::internal {

class RestinioLogger {
 public:
  template <class Builder>
  void trace(Builder&& builder) const { log(spdlog::level::trace, builder); }
  template <class Builder>
  void info(Builder&& builder) const { log(spdlog::level::debug, builder); }
  template <class Builder>
  void warn(Builder&& builder) const { log_problem(spdlog::level::warn, builder); }
  template <class Builder>
  void error(Builder&& builder) const { log_problem(spdlog::level::err, builder); }

 private:
  template <class Builder>
  static void log(spdlog::level::level_enum level, Builder& builder) {
    if (!spdlog::should_log(level)) return;
    spdlog::log(level, "restinio: {}", std::string(builder()));
  }

  template <class Builder>
  static void log_problem(spdlog::level::level_enum level, Builder& builder) {
    if (!spdlog::should_log(level)) return;  // debug passes whenever warn/error would
    std::string message = builder();
    const bool per_connection = std::string_view(message).starts_with("[connection:");
    const auto actual = per_connection ? spdlog::level::debug : level;
    if (spdlog::should_log(actual)) spdlog::log(actual, "restinio: {}", message);
  }
};

}  // namespace snai::api::internal
