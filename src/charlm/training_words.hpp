// What the character model learns from: English words of the lexicon and existing brand names,
// each with a whole-number weight (see training_words.cpp for the weighting). Used by the
// `charlm` stage of `snai data build` and by the data tests, so both train on the same words.
//
//   auto words = snai::charlm::lexicon_training_words(lexicon);
//   auto brands = snai::charlm::brand_training_words(registry);
//   words.insert(words.end(), brands.begin(), brands.end());
//   auto model = snai::charlm::CharModel::train(words);
#pragma once

#include <vector>

#include "brands/brand_registry.hpp"
#include "charlm/char_model.hpp"
#include "lexicon/lexicon.hpp"

namespace snai::charlm {

// Single words of 2+ ASCII letters from WordNet and the word lists, lower-case, weighted 1..6
// by how common they are (word list, WordNet tag counts).
std::vector<TrainingWord> lexicon_training_words(const lexicon::Lexicon& lexicon);

// Brand names that are one word of 3+ letters ("GitHub" → "github"), weight 3: they are what
// an invented name should sound like.
std::vector<TrainingWord> brand_training_words(const brands::BrandRegistry& brands);

}  // namespace snai::charlm
