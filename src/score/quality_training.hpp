// The labelled names the quality model learns from. Good: real brand names (the registry's
// titles and aliases), some with a company word after them as startups write them ("Granza Bio",
// "Scale Labs"). Bad: names made to be bad, one family per way a name fails — random letters,
// consonant piles, keyboard mash, over-long concatenations, digit and hyphen spam, one-edit
// copies of brands, negative or offensive words, generic descriptive phrases, and subtler ones
// (awkward character-model samples, long plain dictionary words, vowel-stripped words,
// stutters). A fixed seed gives the same set every time; a fifth of each family, chosen by a
// hash of the base name, is held out (a brand's variants stay on the same side).
//
//   auto set = build_quality_training_set({.brands = &registry, .lexicon = &lex, .char_model = &cm});
//   for (const auto& n : set) if (!n.held_out) train_on(n.name, n.good);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace snai::brands {
class BrandRegistry;
}
namespace snai::lexicon {
class Lexicon;
}
namespace snai::charlm {
class CharModel;
}

namespace snai::score {

class NegativeWords;

struct LabeledName {
  std::string name;
  bool good = false;
  std::string family;  // "brand", "brand+suffix", "random_letters", "near_brand" ...
  bool held_out = false;
};

struct TrainingSources {
  const brands::BrandRegistry* brands = nullptr;  // required: the positives
  const lexicon::Lexicon* lexicon = nullptr;      // word pools (negatives); families needing it are skipped without
  const charlm::CharModel* char_model = nullptr;  // awkward samples; skipped without
  const NegativeWords* negative_words = nullptr;  // more negative words than the screen's lists
  std::uint64_t seed = 20261126;
  double negatives_per_positive = 1.0;
  int held_out_one_in = 5;
};

std::vector<LabeledName> build_quality_training_set(const TrainingSources& sources);

// FNV-1a: the held-out split and anything else that must not depend on the platform.
std::uint64_t stable_hash(std::string_view s);

}  // namespace snai::score
