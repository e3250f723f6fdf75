// A learned taste: pairwise logistic regression over name descriptors (name_descriptor.hpp).
// From one person's verdicts it learns a utility u(name) = w·x such that a favorite beats a
// dismissed name shown in the same project, P(a ≻ b) = σ(u(a) − u(b)); L2-regularised,
// trained by averaged SGD in a fixed order from a seed (deterministic). A default-constructed
// model is untrained and gives every name utility 0. save/load: a small versioned binary.
//
//   std::vector<JudgedName> judged = {{describer.describe(a), Verdict::favorite, 0}, ...};
//   auto model = PreferenceModel::train(judged);
//   double u = model.score(describer.describe({.name = "Lumina", .style = Style::foreign}));
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "preference/name_descriptor.hpp"

namespace snai::preference {

enum class Verdict : std::uint8_t {
  favorite,
  dismiss,
  shown,  // seen in a list the person judged, but left alone: between the two
};

struct JudgedName {
  Descriptor descriptor{};
  Verdict verdict = Verdict::favorite;
  std::uint32_t group = 0;  // names are compared only within a group (one user's project)
};

struct PreferenceTrainOptions {
  double l2 = 1e-3;            // per pair
  int epochs = 24;
  double learning_rate = 0.05;
  double shown_weight = 0.3;   // favorite ≻ shown and shown ≻ dismissed, against 1 for favorite ≻ dismissed
  std::size_t max_pairs = 6000;  // sampled (by seed) when a history makes more
  std::uint64_t seed = 7;
};

class PreferenceModel {
 public:
  PreferenceModel();  // untrained: utility 0 everywhere

  // An untrained model when the names make no pair (no favorite, or nothing to compare it to).
  static PreferenceModel train(std::span<const JudgedName> names, const PreferenceTrainOptions& options = {});

  double score(const Descriptor& descriptor) const;  // the preference utility, log-odds scale
  bool trained() const { return pairs_ > 0; }
  std::uint64_t events() const { return events_; }  // favorites and dismissals it learned from
  std::uint64_t pairs() const { return pairs_; }

  std::string to_bytes() const;
  // core's artifact header, then the payload. data_corrupt for another format, an unknown
  // version, a damaged file (checksum) or another descriptor layout.
  static Result<PreferenceModel> from_bytes(std::string_view bytes);
  Status save(const std::filesystem::path& path) const;  // atomic: temporary file renamed
  static Result<PreferenceModel> load(const std::filesystem::path& path);

 private:
  std::array<float, kDenseDims> center_{};
  std::array<float, kDenseDims> scale_{};
  std::array<float, kDescriptorSize> weights_{};
  std::uint64_t events_ = 0;
  std::uint64_t pairs_ = 0;
};

}  // namespace snai::preference
