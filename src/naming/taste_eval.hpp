// How a founder would judge the names: `snai eval taste`. For each real company of a dataset
// (name + description, the name masked from the description) it scores the real name against
// three weak patterns made from the description's key noun — the bare noun ("Inventory"), the
// noun with a mechanical ending ("Inventorora") and the noun with an unrelated word ("Inventory
// Homes") — and generates K names from the description. It reports the real name's win rates,
// how well a fresh character n-gram classifier tells the top 10 from real startup names held out
// of training (two-fold, AUC; 0.5 = indistinguishable), the share of top-10 names that are a
// description word, whether the real name's main word is among the K names, the score spread
// over the K names, real names against junk, and names per second.
//
//   auto report = evaluate_taste(knowledge, companies, {.held_out_real = real, .junk = junk});
//   report->win_key_noun, report->realism_auc, report->literal_share ...
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "naming/company_file.hpp"
#include "naming/knowledge.hpp"

namespace snai::naming {

struct TasteEvalInput {
  std::vector<std::string> held_out_real;  // real startup names no model trained on
  std::vector<std::string> junk;           // mash, digit spam, near-copies of brands ...
  int k = 500;
  std::uint64_t seed = 1;
};

struct CompanyTaste {
  std::string name, description, key_noun, mechanical, unrelated;
  double real_score = 0, key_noun_score = 0, mechanical_score = 0, unrelated_score = 0;
  std::string real_distinctiveness;
  std::vector<std::pair<std::string, double>> top;  // the top 10 with their scores
  std::string main_word;
  bool main_word_found = false;
  double spread = 0;  // p90 - p10 of the K scores
  std::size_t literal_in_top = 0;
};

struct TasteReport {
  std::size_t companies = 0, skipped = 0;
  double win_key_noun = 0, win_mechanical = 0, win_unrelated = 0;  // ties count half
  double realism_auc = 0;
  double literal_share = 0;
  std::size_t main_word_found = 0;
  double median_spread = 0;
  double key_noun_under_30 = 0;  // share of bare key nouns scoring under 30
  double median_key_noun = 0;
  double junk_auc = 0, median_junk = 0, median_real = 0;
  double names_per_second = 0;
  std::vector<CompanyTaste> outcomes;
};

// invalid_argument when no company has a description or fewer than 20 held-out real names are given.
Result<TasteReport> evaluate_taste(const Knowledge& knowledge, const std::vector<Company>& companies,
                                   const TasteEvalInput& input);

// How well a fresh character n-gram classifier (a RealismModel trained from scratch) tells
// `generated` from `real`: two-fold, each half scored by a model trained on the other half; AUC,
// 0.5 = indistinguishable.
double fresh_classifier_auc(const std::vector<std::string>& real, const std::vector<std::string>& generated);

// A description word as a name, possibly with a company word after it ("Doctor", "Notes Labs"):
// what the taste issue calls a literal name.
bool is_literal_name(std::string_view name, std::string_view description, const lexicon::Lexicon& lexicon);

}  // namespace snai::naming
