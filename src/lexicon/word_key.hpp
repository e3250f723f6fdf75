// How the lexicon spells the words it looks up: lower-case (ASCII and Latin-1 letters in
// UTF-8), WordNet's '_' as a space, runs of whitespace as one space, no leading/trailing space.
// Every Lexicon query normalises its input this way, so callers can pass raw text.
//
//   snai::lexicon::normalize_word("  Medical_Practitioner ")   // "medical practitioner"
#pragma once

#include <string>
#include <string_view>

namespace snai::lexicon {

std::string normalize_word(std::string_view text);

// True when every byte is an ASCII letter (a-z, A-Z).
bool is_ascii_alpha(std::string_view text);

}  // namespace snai::lexicon
