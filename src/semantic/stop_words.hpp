// English function words (articles, pronouns, prepositions, conjunctions, auxiliaries and
// the like) that carry no concept: dropped from descriptions and from the training corpus.
#pragma once

#include <string_view>

namespace snai::semantic {

// `word` must be lower-case.
bool is_stop_word(std::string_view word);

}  // namespace snai::semantic
