#include "generate/style.hpp"

namespace snai::generate {

namespace {
constexpr std::array<std::string_view, kAllStyles.size()> kNames = {
    "dictionary", "compound", "blend", "affix", "invented", "respelling", "multiword", "rhyme", "foreign",
};
}  // namespace

std::string_view to_string(Style style) { return kNames[static_cast<std::size_t>(style)]; }

std::optional<Style> parse_style(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return kAllStyles[i];
  return std::nullopt;
}

}  // namespace snai::generate
