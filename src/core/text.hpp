// Small text helpers shared by the configuration, the CLI and the parts that read settings.
//
//   split_list(" com, io ,,ai")              // {"com", "io", "ai"}
//   split_list("a,,b", EmptyItems::keep)     // {"a", "", "b"}: for validators that reject gaps
//   trim("  Stripe\r\n")                      // "Stripe"
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace snai {

enum class EmptyItems { drop, keep };

// A comma-separated list, each item trimmed of spaces.
std::vector<std::string> split_list(std::string_view text, EmptyItems empties = EmptyItems::drop);

// `text` without the given characters at either end (by default blanks and line ends).
std::string_view trim(std::string_view text, std::string_view chars = " \t\r\n");

}  // namespace snai
