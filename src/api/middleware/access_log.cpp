#include "api/middleware/access_log.hpp"

#include <chrono>
#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/log.hpp"

namespace snai::api {
namespace {

// Values come from the request (path, a client-chosen request id): keep plain lines one line
// and unambiguous.
std::string plain_value(std::string_view value) {
  bool quote = value.empty();
  for (unsigned char c : value) quote = quote || c <= ' ' || c == '"' || c == '=' || c >= 0x7f;
  if (!quote) return std::string(value);
  return "\"" + json_escape(value) + "\"";
}

}  // namespace

std::string format_access_plain(const AccessEntry& e) {
  return fmt::format("request_id={} method={} route={} path={} status={} bytes={} duration_us={} caller={}",
                     plain_value(e.request_id), plain_value(e.method), plain_value(e.route), plain_value(e.path),
                     e.status, e.bytes, e.duration_us, plain_value(e.caller));
}

std::string format_access_json(const AccessEntry& e, std::int64_t unix_ms) {
  return fmt::format(
      R"({{"ts":"{}","level":"info","msg":"access","request_id":"{}","method":"{}","route":"{}","path":"{}",)"
      R"("status":{},"bytes":{},"duration_us":{},"caller":"{}"}})",
      format_iso8601(unix_ms), json_escape(e.request_id), json_escape(e.method), json_escape(e.route),
      json_escape(e.path), e.status, e.bytes, e.duration_us, json_escape(e.caller));
}

AccessLog::AccessLog(Format format) : format_(format), logger_(spdlog::get("snai.access")) {
  if (logger_) return;
  auto fallback = spdlog::default_logger();
  if (format_ == Format::json) {
    // The line is a complete JSON object already: the sink must not wrap it again.
    logger_ = std::make_shared<spdlog::logger>("snai.access", std::make_shared<spdlog::sinks::stderr_sink_mt>());
    logger_->set_pattern("%v");
  } else {
    logger_ = std::make_shared<spdlog::logger>("snai.access", fallback->sinks().begin(), fallback->sinks().end());
  }
  logger_->set_level(fallback->level());
}

bool AccessLog::enabled() const { return logger_->should_log(spdlog::level::info); }

void AccessLog::write(const AccessEntry& entry) const {
  if (!enabled()) return;
  if (format_ == Format::json) {
    logger_->info(format_access_json(entry, to_unix_ms(std::chrono::system_clock::now())));
  } else {
    logger_->info("access {}", format_access_plain(entry));
  }
}

AccessLog::Format access_log_format(std::string_view log_format) {
  return log_format == "json" ? AccessLog::Format::json : AccessLog::Format::plain;
}

}  // namespace snai::api
