// What the preference model sees of a name: a fixed-size vector of the quality features
// (score/features.hpp), the style one-hot, a few shape cues (ends in a vowel, camel-case
// words) and hashed buckets of its word parts and letter trigrams, so a learner can pick up
// tastes the quality features do not name ("anything with a nature word"). Computing it never
// fails; a null feature context leaves the resource-backed features at neutral values.
//
//   NameDescriber describer(score::FeatureContext{});
//   Descriptor d = describer.describe({.name = "LeafStack", .style = generate::Style::compound,
//                                      .parts = {"leaf", "stack"}});
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "generate/style.hpp"
#include "score/features.hpp"

namespace snai::preference {

// A name as the preference layer receives it: what the generator made or storage kept.
struct NameInfo {
  std::string name;
  generate::Style style = generate::Style::dictionary;
  std::vector<std::string> parts;  // optional: the generator's parts ("note", "-ly", "lumin(light)")
  std::string sounds_like;         // optional: a respelling's spoken form
};

// Layout: [dense | part buckets | trigram buckets]. The dense block is standardised by the
// model (its scales differ); the bucket blocks are already on a 0..1 scale.
inline constexpr std::size_t kQualityDims = score::kFeatureCount;
inline constexpr std::size_t kStyleOffset = kQualityDims;
inline constexpr std::size_t kShapeOffset = kStyleOffset + generate::kAllStyles.size();
inline constexpr std::size_t kShapeDims = 4;  // ends in vowel, starts with vowel, camel words, final letter y
inline constexpr std::size_t kDenseDims = kShapeOffset + kShapeDims;
inline constexpr std::size_t kPartBuckets = 128;
inline constexpr std::size_t kTrigramBuckets = 128;
inline constexpr std::size_t kDescriptorSize = kDenseDims + kPartBuckets + kTrigramBuckets;

using Descriptor = std::array<float, kDescriptorSize>;

// The lower-case words a name is made of: the generator's parts when given (affix markers and
// glosses dropped: "-ly" → "ly", "lumin(light)" → "lumin"), else the name split at spaces,
// punctuation and lower→upper case changes ("DoorDash" → door, dash).
std::vector<std::string> name_words(const NameInfo& name);

class NameDescriber {
 public:
  explicit NameDescriber(score::FeatureContext context) : features_(context) {}

  Descriptor describe(const NameInfo& name) const;
  const score::NameFeatures& features() const { return features_; }

 private:
  score::NameFeatures features_;
};

}  // namespace snai::preference
