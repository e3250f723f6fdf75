// A simulated panel for the preference tests: a catalogue of varied names (the real startup
// names of src/score/testdata plus synthetic ones of every style, made from a seed) and users
// who judge names by a hidden rule, with a share of their verdicts flipped at random.
//
//   auto catalogue = make_catalogue(SNAI_SCORE_TESTDATA "/startup_names.txt", 7);
//   bool likes = hidden_rule(Taste::nature_compound, catalogue[0]);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "preference/name_descriptor.hpp"

namespace snai::preference::testing {

enum class Taste {
  short_invented,   // invented names of at most 6 letters
  nature_compound,  // compounds with a nature word among their parts
  soft_short,       // at most 2 syllables, ending in a vowel
};
std::string_view to_string(Taste taste);

bool hidden_rule(Taste taste, const NameInfo& name);
std::vector<NameInfo> make_catalogue(const std::string& startup_names_file, unsigned seed);

}  // namespace snai::preference::testing
