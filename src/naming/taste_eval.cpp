#include "naming/taste_eval.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <random>

#include "generate/strategy.hpp"
#include "naming/description_terms.hpp"
#include "naming/generator_eval.hpp"
#include "naming/name_scoring.hpp"
#include "naming/namer.hpp"
#include "score/features.hpp"
#include "score/quality_eval.hpp"
#include "score/quality_training.hpp"
#include "score/realism_model.hpp"

namespace snai::naming {

namespace {

constexpr std::array<std::string_view, 5> kMechanicalEndings = {"ora", "ly", "ify", "able", "ia"};
constexpr std::array<std::string_view, 8> kUnrelatedPartners = {"Homes", "Legal", "Garden", "Kitchen",
                                                                "Motors", "Travel", "Pets", "Energy"};

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  std::ranges::sort(v);
  double position = q * double(v.size() - 1);
  auto i = std::size_t(position);
  if (i + 1 >= v.size()) return v.back();
  return v[i] + (position - double(i)) * (v[i + 1] - v[i]);
}

std::vector<std::string> description_words(std::string_view description) {
  std::vector<std::string> words;
  std::string current;
  for (char c : description) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

std::string with_ending(std::string_view noun, std::string_view ending) {
  std::string stem(noun);
  bool vowel_end = std::string_view("aeiouy").contains(stem.back());
  if (vowel_end && std::string_view("aeiou").contains(ending.front()) && stem.size() > 3) stem.pop_back();
  return generate::capitalize(stem + std::string(ending));
}

// The description's key noun: its most salient concept that the lexicon knows as a noun.
std::string key_noun(const Knowledge& knowledge, std::string_view description) {
  auto expansion = knowledge.expander.expand(description, {});
  if (!expansion) return {};
  const semantic::Concept* best = nullptr;
  for (const auto& c : expansion->concepts) {
    if (c.lemma.size() < 3 || c.lemma.find(' ') != std::string::npos) continue;
    if (c.pos && *c.pos != lexicon::Pos::noun) continue;
    auto w = knowledge.lexicon.lookup(c.lemma);
    if (!w || !w->parts_of_speech.contains(lexicon::Pos::noun)) continue;
    if (!best || c.weight > best->weight) best = &c;
  }
  return best ? best->lemma : std::string();
}

double win(double real, double other) { return real > other ? 1.0 : real == other ? 0.5 : 0.0; }

}  // namespace

double fresh_classifier_auc(const std::vector<std::string>& real, const std::vector<std::string>& generated) {
  std::vector<double> positives, negatives;
  for (int fold = 0; fold < 2; ++fold) {
    std::vector<score::RealismExample> train;
    for (std::size_t i = 0; i < real.size(); ++i)
      if (int(i % 2) != fold) train.push_back({real[i], true, 1});
    for (std::size_t i = 0; i < generated.size(); ++i)
      if (int(i % 2) != fold) train.push_back({generated[i], false, 1});
    auto model = score::RealismModel::train(train, {.epochs = 8, .buckets_log2 = 18});
    if (!model) return 0.5;
    for (std::size_t i = 0; i < real.size(); ++i)
      if (int(i % 2) == fold) positives.push_back(model->logit(real[i]));
    for (std::size_t i = 0; i < generated.size(); ++i)
      if (int(i % 2) == fold) negatives.push_back(model->logit(generated[i]));
  }
  return score::roc_auc(positives, negatives);
}

bool is_literal_name(std::string_view name, std::string_view description, const lexicon::Lexicon& lexicon) {
  auto words = score::name_words(name);
  while (words.size() >= 2 && score::is_descriptor_word(words.back())) words.pop_back();
  if (words.size() != 1) return false;
  const std::string& w = words.front();
  for (const auto& d : description_words(description)) {
    if (d == w || d + "s" == w || w + "s" == d) return true;
    for (const auto& base : lexicon.base_forms(w))
      if (base == d) return true;
  }
  return false;
}

Result<TasteReport> evaluate_taste(const Knowledge& knowledge, const std::vector<Company>& companies,
                                   const TasteEvalInput& input) {
  if (input.held_out_real.size() < 20)
    return fail(ErrorCode::invalid_argument, "give at least 20 held-out real names", "held_out_real");
  Namer namer(knowledge, {.budget = std::chrono::milliseconds(5000), .min_candidates = std::size_t(input.k)});
  TasteReport report;
  std::vector<std::string> top_names;
  double wins[3] = {0, 0, 0}, generate_seconds = 0;
  std::size_t generated = 0, literal = 0, top_total = 0, under_30 = 0;
  std::vector<double> spreads, key_scores;
  for (const auto& company : companies) {
    if (company.description.empty()) {
      ++report.skipped;
      continue;
    }
    CompanyTaste t{.name = company.name, .description = company.description};
    t.key_noun = key_noun(knowledge, company.description);
    if (t.key_noun.empty()) {
      ++report.skipped;
      continue;
    }
    auto pick = score::stable_hash(company.name);
    t.mechanical = with_ending(t.key_noun, kMechanicalEndings[pick % kMechanicalEndings.size()]);
    auto partner = kUnrelatedPartners[(pick / 7) % kUnrelatedPartners.size()];
    t.unrelated = generate::capitalize(t.key_noun) + " " + std::string(partner);
    std::vector<std::string> four = {company.name, generate::capitalize(t.key_noun), t.mechanical, t.unrelated};
    auto scored = score_names(knowledge, four, company.description);
    if (!scored) {
      ++report.skipped;
      continue;
    }
    t.real_score = (*scored)[0].score.score;
    t.real_distinctiveness = (*scored)[0].score.distinctiveness;
    t.key_noun_score = (*scored)[1].score.score;
    t.mechanical_score = (*scored)[2].score.score;
    t.unrelated_score = (*scored)[3].score.score;
    wins[0] += win(t.real_score, t.key_noun_score);
    wins[1] += win(t.real_score, t.mechanical_score);
    wins[2] += win(t.real_score, t.unrelated_score);
    key_scores.push_back(t.key_noun_score);
    under_30 += t.key_noun_score < 30 ? 1 : 0;

    auto started = std::chrono::steady_clock::now();
    auto result = namer.generate({.description = company.description, .count = input.k, .seed = input.seed});
    generate_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (!result) {
      ++report.skipped;
      continue;
    }
    generated += result->names.size();
    std::vector<double> scores;
    t.main_word = company_root(company_key(company.name), knowledge.lexicon);
    for (std::size_t i = 0; i < result->names.size(); ++i) {
      const auto& n = result->names[i];
      scores.push_back(n.score.score);
      if (!t.main_word_found && company_key(n.candidate.name).find(t.main_word) != std::string::npos) t.main_word_found = true;
      if (i < 10) {
        t.top.emplace_back(n.candidate.name, n.score.score);
        top_names.push_back(n.candidate.name);
        ++top_total;
        if (is_literal_name(n.candidate.name, company.description, knowledge.lexicon)) {
          ++literal;
          ++t.literal_in_top;
        }
      }
    }
    t.spread = quantile(scores, 0.9) - quantile(scores, 0.1);
    spreads.push_back(t.spread);
    report.main_word_found += t.main_word_found ? 1 : 0;
    report.outcomes.push_back(std::move(t));
  }
  report.companies = report.outcomes.size();
  if (report.companies == 0) return fail(ErrorCode::invalid_argument, "no company with a description to evaluate", "dataset");
  const double n = double(report.companies);
  report.win_key_noun = wins[0] / n;
  report.win_mechanical = wins[1] / n;
  report.win_unrelated = wins[2] / n;
  report.literal_share = top_total ? double(literal) / double(top_total) : 0;
  report.median_spread = quantile(spreads, 0.5);
  report.key_noun_under_30 = double(under_30) / n;
  report.median_key_noun = quantile(key_scores, 0.5);
  report.names_per_second = generate_seconds > 0 ? double(generated) / generate_seconds : 0;

  // As many held-out real names as top-10 names, drawn the same way every run.
  std::vector<std::string> real = input.held_out_real;
  std::mt19937_64 rng(input.seed);
  std::ranges::shuffle(real, rng);
  if (real.size() > top_names.size()) real.resize(top_names.size());
  report.realism_auc = fresh_classifier_auc(real, top_names);

  auto alone = [&](const std::vector<std::string>& names) {
    std::vector<score::ScoreInput> inputs;
    for (const auto& name : names) inputs.push_back({.name = name});
    std::vector<double> out;
    for (const auto& s : knowledge.scorer().score_batch(inputs, score::Explain::none)) out.push_back(s.score);
    return out;
  };
  auto real_scores = alone(input.held_out_real);
  report.median_real = quantile(real_scores, 0.5);
  if (!input.junk.empty()) {
    auto junk_scores = alone(input.junk);
    report.junk_auc = score::roc_auc(real_scores, junk_scores);
    report.median_junk = quantile(junk_scores, 0.5);
  }
  return report;
}

}  // namespace snai::naming
