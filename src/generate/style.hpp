// The nine naming styles: the names CLI, API and stored data use for them (DESIGN.md §2).
//
//   auto style = snai::generate::parse_style("blend");   // Style::blend, or nullopt
//   std::string_view name = to_string(Style::foreign);    // "foreign"
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace snai::generate {

enum class Style : std::uint8_t {
  dictionary,  // an evocative real word: Crux, Forge
  compound,    // two words joined: RetailReady, StackMachine
  blend,       // a portmanteau at a shared letter or sound: Pinterest
  affix,       // a word with a brandable prefix or suffix: Vizly, Reprompt
  invented,    // a pronounceable new word hinting at a concept: Quivr, Healia
  respelling,  // a word spelt differently, same sound: Lyft, Flickr
  multiword,   // words with a space: "K-Scale Labs", "Magic Hour"
  rhyme,       // a rhyming or alliterative pair: Chart Smart, PayPal
  foreign,     // Latin and Greek roots: Lumina, Scriptura
};

inline constexpr std::array<Style, 9> kAllStyles = {
    Style::dictionary, Style::compound,   Style::blend,     Style::affix,   Style::invented,
    Style::respelling, Style::multiword,  Style::rhyme,     Style::foreign,
};

std::string_view to_string(Style style);
std::optional<Style> parse_style(std::string_view name);

}  // namespace snai::generate
