// Product descriptions made from the lexicon, for the taste models to see what the generator
// makes across many products: an everyday thing or activity (WordNet nouns of artifacts, acts,
// food, communication, possessions ... with enough tagged uses) put in a product template with
// an audience (nouns of persons): "inventory tracking for bakers", "ai recipe app for nurses".
// Written by no one, so the evaluation's hand-written descriptions stay unseen. Same seed, same list.
//
//   auto descriptions = training_descriptions(lexicon, 400, 7);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "lexicon/lexicon.hpp"

namespace snai::naming {

std::vector<std::string> training_descriptions(const lexicon::Lexicon& lexicon, std::size_t count, std::uint64_t seed);

}  // namespace snai::naming
