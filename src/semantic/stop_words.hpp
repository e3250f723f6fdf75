// English function words (articles, pronouns, prepositions, conjunctions, auxiliaries and
// the like) that carry no concept: dropped from descriptions and from the training corpus.
#pragma once

#include <string_view>

namespace snai::semantic {

// `word` must be lower-case.
bool is_stop_word(std::string_view word);

// Words that say what form a business takes rather than what it is about ("app", "platform",
// "service", "tool"): kept as concepts, but weaker than the subject ("dog walking service").
bool is_filler_word(std::string_view word);

}  // namespace snai::semantic
