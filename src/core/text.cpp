#include "core/text.hpp"

namespace snai {

std::vector<std::string> split_list(std::string_view text, EmptyItems empties) {
  std::vector<std::string> out;
  while (true) {
    auto comma = text.find(',');
    auto item = trim(text.substr(0, comma), " ");
    if (!item.empty() || empties == EmptyItems::keep) out.emplace_back(item);
    if (comma == std::string_view::npos) return out;
    text.remove_prefix(comma + 1);
  }
}

std::string_view trim(std::string_view text, std::string_view chars) {
  auto begin = text.find_first_not_of(chars);
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(chars) - begin + 1);
}

}  // namespace snai
