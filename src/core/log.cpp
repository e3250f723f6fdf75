#include "core/log.hpp"

#include "core/clock.hpp"
#include <fmt/format.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace snai {
namespace {

// {"ts":"2026-11-26T19:49:27.123Z","level":"info","msg":"...","thread":123}
class JsonLineFormatter final : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override {
    std::string line = fmt::format(R"({{"ts":"{}","level":"{}","msg":"{}","thread":{}}})",
                                   format_iso8601(to_unix_ms(msg.time)),
                                   spdlog::level::to_string_view(msg.level),
                                   json_escape(std::string_view(msg.payload.data(), msg.payload.size())),
                                   msg.thread_id);
    line += '\n';
    dest.append(line.data(), line.data() + line.size());
  }
  std::unique_ptr<spdlog::formatter> clone() const override { return std::make_unique<JsonLineFormatter>(); }
};

}  // namespace

std::string json_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += static_cast<char>(c);
    }
  }
  return out;
}

void init_logging(const LogConfig& config) {
  auto logger = spdlog::stderr_color_mt("snai");
  spdlog::set_default_logger(logger);
  if (config.format == "json") {
    logger->set_formatter(std::make_unique<JsonLineFormatter>());
  } else {
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  }
  spdlog::set_level(spdlog::level::from_str(config.level));
}

}  // namespace snai
