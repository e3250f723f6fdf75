// Realism: how much a name looks like the names real founders chose rather than the names a
// machine strings together. A logistic regression over hashed character n-grams (1 to 5
// characters, word edges marked, so "ora$" is "ends in -ora") and the name's shape (letters,
// words). The `realism` stage of `snai data build` trains it on real startup and brand names
// against the generator's own candidates, in adversarial rounds: each round adds the candidates
// the previous round's ranking put on top, until the easy tells (mechanical suffixes, stock
// partner words, awkward joins) are learnt. `snai eval taste` uses a fresh one as its judge.
//
//   auto model = RealismModel::train(real_names, generated_names);
//   double l = model->logit("Abridge");          // > 0 looks real; "Medicalora" < 0
//   auto tells = model->tells("Medicalora", 2);  // {{"ora$", -1.1}, {"lora", -0.6}}
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace snai::score {

struct RealismTrainOptions {
  int epochs = 6;
  double learning_rate = 0.2;  // AdaGrad's base rate
  double l2 = 1e-5;            // per update, on the weights an example touches
  int buckets_log2 = 20;       // hashed feature table: 2^20 weights (4 MiB)
  std::uint64_t seed = 11;
};

// One training example: a name and whether a person chose it (true) or the generator made it;
// `weight` counts it several times (adversarial rounds weigh what the ranking preferred).
struct RealismExample {
  std::string name;
  bool real = false;
  float weight = 1;
};

class RealismModel {
 public:
  // Each class is weighed to half of the total, whatever the counts. invalid_argument without
  // examples of both classes.
  static Result<RealismModel> train(std::span<const RealismExample> examples, const RealismTrainOptions& options = {});
  // not_found when missing, data_corrupt when damaged (magic, size or checksum).
  static Result<RealismModel> load(const std::filesystem::path& path);
  Status save(const std::filesystem::path& path) const;  // atomically

  // Log-odds that a person chose this name: > 0 looks real, < 0 looks generated. Case and
  // punctuation are folded; a name without letters is -8.
  double logit(std::string_view name) const;
  // The `count` n-grams that move the logit most, most decisive first: ("ora$", -1.1). Edges are
  // written ^ and $, spaces between words _.
  std::vector<std::pair<std::string, double>> tells(std::string_view name, std::size_t count) const;

 private:
  RealismModel(std::vector<float> weights, float bias) : weights_(std::move(weights)), bias_(bias) {}
  std::vector<float> weights_;  // size a power of two
  float bias_ = 0;
};

// "Deep Scribe!" → "^deep_scribe$": the text the n-grams are cut from (letters and digits,
// lower-case, one _ between words), "" when it has no letter or digit.
std::string realism_text(std::string_view name);

}  // namespace snai::score
