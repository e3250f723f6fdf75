// Parser for the plain word lists of Debian's wamerican / wamerican-huge
// (/usr/share/dict/american-english{,-huge}): one word per line, UTF-8.
//
//   auto words = snai::lexicon::read_word_list(path, "wamerican");  // possessives ("Aaron's") dropped
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace snai::lexicon {

// The words as written (case kept), without possessive "'s" forms and blank lines.
Result<std::vector<std::string>> read_word_list(const std::filesystem::path& path, std::string_view package);

}  // namespace snai::lexicon
