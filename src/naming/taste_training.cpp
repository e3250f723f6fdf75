#include "naming/taste_training.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <random>

#include "naming/namer.hpp"
#include "naming/taste_eval.hpp"
#include "naming/training_descriptions.hpp"
#include "score/quality_eval.hpp"

namespace snai::naming {

namespace {

// The names the namer ranks first for each description, `count` each (count 500: all it keeps).
std::vector<std::vector<std::string>> ranked_names(const Knowledge& knowledge, std::span<const std::string> descriptions,
                                                   std::size_t count) {
  Namer namer(knowledge, {.budget = std::chrono::milliseconds(5000), .min_candidates = std::max<std::size_t>(500, count)});
  std::vector<std::vector<std::string>> out;
  out.reserve(descriptions.size());
  for (const auto& d : descriptions) {
    auto result = namer.generate({.description = d, .count = int(count), .seed = 1});
    std::vector<std::string> names;
    if (result)
      for (const auto& n : result->names) names.push_back(n.candidate.name);
    out.push_back(std::move(names));
  }
  return out;
}

double top10_auc(const score::RealismModel& model, const std::vector<std::vector<std::string>>& ranked,
                 std::span<const std::string> real) {
  std::vector<double> positives, negatives;
  for (const auto& names : ranked)
    for (std::size_t i = 0; i < names.size() && i < 10; ++i) negatives.push_back(model.logit(names[i]));
  for (const auto& r : real) positives.push_back(model.logit(r));
  return score::roc_auc(positives, negatives);
}

}  // namespace

std::vector<double> raw_taste(const Knowledge& knowledge, std::span<const std::string> names) {
  std::vector<score::ScoreInput> inputs;
  inputs.reserve(names.size());
  for (const auto& n : names) inputs.push_back({.name = n});
  auto scores = knowledge.scorer().score_batch(inputs, score::Explain::none);
  std::vector<double> raw;
  raw.reserve(scores.size());
  for (const auto& s : scores) raw.push_back(s.breakdown ? s.breakdown->raw : s.log_odds);
  return raw;
}

Result<TasteModels> train_taste(Knowledge& knowledge, const RealNames& names, const TasteTrainingOptions& options,
                                const TasteProgress& progress) {
  if (names.training.empty() || names.held_out.size() < 20)
    return fail(ErrorCode::invalid_argument, "taste training needs real names to train on and at least 20 held out", "names");
  if (!knowledge.quality) return fail(ErrorCode::failed_precondition, "taste training needs the quality model", "quality");
  knowledge.realism.reset();
  knowledge.calibration.reset();

  auto descriptions = training_descriptions(knowledge.lexicon, options.descriptions, options.seed);
  std::vector<std::string> train_descriptions, check_descriptions;
  for (std::size_t i = 0; i < descriptions.size(); ++i) (i % 5 == 4 ? check_descriptions : train_descriptions).push_back(descriptions[i]);
  // The check compares with as many held-out real names as it has generated names, drawn evenly.
  std::vector<std::string> real_check = names.held_out;
  std::mt19937_64 rng(options.seed);
  std::ranges::shuffle(real_check, rng);
  real_check.resize(std::min(real_check.size(), check_descriptions.size() * 10));

  std::vector<score::RealismExample> examples;
  for (const auto& n : names.training) examples.push_back({n, true, 1});
  const int rounds = 1 + std::max(options.adversarial_rounds, 0);
  std::vector<TasteRound> checks;
  for (int round = 0; round < rounds; ++round) {
    double base = double(round) / double(rounds + 1);
    progress(base, fmt::format("round {}: generating", round + 1));
    auto ranked = ranked_names(knowledge, train_descriptions, round == 0 ? options.all_candidates : options.top);
    std::size_t added = 0;
    for (const auto& list : ranked)
      for (const auto& n : list) {
        examples.push_back({n, false, round == 0 ? 1.0f : options.top_weight});
        ++added;
      }
    if (round == 0 && added == 0)
      return fail(ErrorCode::invalid_argument, "the generator made no names for the training descriptions", "descriptions");
    progress(base + 0.5 / double(rounds + 1), fmt::format("round {}: training on {} names", round + 1, examples.size()));
    auto model = score::RealismModel::train(examples, options.realism);
    if (!model) return fail(model.error());
    knowledge.realism = std::move(*model);
    auto check = ranked_names(knowledge, check_descriptions, 10);
    std::size_t negatives = 0;
    for (const auto& e : examples) negatives += e.real ? 0 : 1;
    std::vector<std::string> top;
    for (const auto& list : check)
      for (std::size_t i = 0; i < list.size() && i < 10; ++i) top.push_back(list[i]);
    checks.push_back({round + 1, negatives, top10_auc(*knowledge.realism, check, real_check),
                      fresh_classifier_auc(real_check, top)});
  }
  progress(double(rounds) / double(rounds + 1), "calibrating on held-out real names");
  auto calibration = score::ScoreCalibration::from(raw_taste(knowledge, names.held_out));
  if (!calibration) return fail(calibration.error());
  knowledge.calibration = *calibration;
  return TasteModels{*knowledge.realism, std::move(*calibration), std::move(checks)};
}

}  // namespace snai::naming
