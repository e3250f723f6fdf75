// Process-wide logging on spdlog: plain text for a terminal, or one JSON object per line
// for log collectors. Parts log through spdlog's default logger (spdlog::info(...)).
//
//   snai::init_logging(config.log);
//   spdlog::info("listening on {}:{}", host, port);
#pragma once

#include <string>

#include "core/config.hpp"

namespace snai {

// Sets up the default logger (stderr). Safe to call more than once.
void init_logging(const LogConfig& config);

// Escapes a string for inclusion in a JSON string literal (no surrounding quotes).
std::string json_escape(std::string_view text);

}  // namespace snai
