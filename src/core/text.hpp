// Small text helpers shared by the configuration, the CLI and the parts that read settings.
//
//   split_list(" com, io ,,ai")              // {"com", "io", "ai"}
//   split_list("a,,b", EmptyItems::keep)     // {"a", "", "b"}: for validators that reject gaps
//   trim("  Stripe\r\n")                      // "Stripe"
//   std::unordered_map<std::string, int, StringHash, std::equal_to<>> m;  m.find(view) // no copy
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace snai {

enum class EmptyItems { drop, keep };

// A comma-separated list, each item trimmed of spaces.
std::vector<std::string> split_list(std::string_view text, EmptyItems empties = EmptyItems::drop);

// `text` without the given characters at either end (by default blanks and line ends).
std::string_view trim(std::string_view text, std::string_view chars = " \t\r\n");

// Lets a map keyed by std::string be searched with a string_view or a literal without building
// a std::string (with std::equal_to<> as the key equality).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

}  // namespace snai
