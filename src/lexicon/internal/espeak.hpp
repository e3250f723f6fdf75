// espeak-ng as a phonemiser for words the CMU dictionary lacks. espeak-ng keeps global
// state and is not thread-safe: every call here takes one process-wide mutex.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/phoneme.hpp"

namespace snai::lexicon::internal {

// espeak-ng's IPA for `text` (en-us), phonemes separated by '_' and words by ' ';
// nullopt when espeak-ng cannot start (missing espeak-ng-data).
std::optional<std::string> espeak_ipa(std::string_view text);

// espeak-ng IPA → ARPAbet. Stress marks (ˈ primary, ˌ secondary) go to the next vowel;
// when none is marked the first vowel gets primary stress.
std::vector<Phoneme> ipa_to_arpabet(std::string_view ipa);

}  // namespace snai::lexicon::internal
