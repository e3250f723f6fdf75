// Parser for the CMU pronouncing dictionary in Festival's lexicon format, as Debian's
// festlex-cmu installs it (/usr/share/festival/dicts/cmu/cmudict-0.4.out):
//
//   ("doctor" nil (((d aa k) 1) ((t er) 0)))
//
// word, part-of-speech tag (nil, n, v, ...), then syllables of (phonemes stress). Festival
// writes the schwa as "ax" (ARPAbet AH0) and collapses secondary stress into 1.
//
//   auto entries = snai::lexicon::read_cmudict(path);   // ~105k entries in file order
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "lexicon/phoneme.hpp"

namespace snai::lexicon {

inline constexpr std::string_view kCmudictPackage = "festlex-cmu";

struct CmudictEntry {
  std::string word;  // as written (lower-case but for ~100 proper names)
  std::uint8_t tag = 0;  // 0 nil, 1 noun, 2 verb, 3 other
  SyllabifiedPhonemes pronunciation;
};

Result<CmudictEntry> parse_cmudict_line(std::string_view line);
Result<std::vector<CmudictEntry>> read_cmudict(const std::filesystem::path& path);

}  // namespace snai::lexicon
