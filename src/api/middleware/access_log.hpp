// The access log: one line per request at info level, written by the request pipeline to the
// spdlog logger "snai.access" — as a plain `key=value` message through the default logger's
// sinks and format, or, when log.format is json, as one flat JSON object per line:
//   {"ts":"2026-01-02T03:04:05.678Z","level":"info","msg":"access","request_id":"...","method":"GET",
//    "route":"/v1/projects/:id","path":"/v1/projects/42","status":200,"bytes":512,"duration_us":840,
//    "caller":"user-1"}
// A test (or an embedding program) may register its own "snai.access" logger before the server
// starts; it is then used as it is.
//
//   AccessLog log(AccessLog::Format::json);
//   log.write({.request_id = id, .method = "GET", .route = "/healthz", .path = "/healthz", .status = 200});
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace spdlog {
class logger;
}

namespace snai::api {

struct AccessEntry {
  std::string_view request_id;
  std::string_view method;
  std::string_view route;   // the route pattern, "unmatched" when no route matched
  std::string_view path;    // without the query
  int status = 0;
  std::uint64_t bytes = 0;  // response body bytes
  std::int64_t duration_us = 0;
  std::string_view caller = "anonymous";  // the user id for a request with a valid key
};

// request_id=... method=GET route=/x path=/x status=200 bytes=12 duration_us=40 caller=anonymous
std::string format_access_plain(const AccessEntry& entry);
// The JSON object above, without a newline; ts is the Unix time in milliseconds.
std::string format_access_json(const AccessEntry& entry, std::int64_t unix_ms);

class AccessLog {
 public:
  enum class Format { plain, json };

  // Uses the registered "snai.access" logger, else makes one (see above) and registers it.
  explicit AccessLog(Format format);

  bool enabled() const;  // info level is on for the access logger
  void write(const AccessEntry& entry) const;

 private:
  Format format_;
  std::shared_ptr<spdlog::logger> logger_;
};

// "json" → json, anything else → plain (the log.format values).
AccessLog::Format access_log_format(std::string_view log_format);

}  // namespace snai::api
