// snai eval quality --positives FILE --negatives FILE [--json]: how well the quality model
// separates good names from bad (balanced accuracy, AUC, confusion matrix, calibration).
// snai eval generator --dataset FILE [--k 500] [--json]: how often the generator finds real
// companies' names (or their roots) from their descriptions alone, and the style mix.
// snai eval taste [--dataset FILE]... [--k 500] [--list] [--json]: whether the scorer prefers real
// founders' names to weak patterns and the generator's top 10 look like real names (taste_eval.hpp).
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "naming/company_file.hpp"
#include "naming/generator_eval.hpp"
#include "naming/artifacts.hpp"
#include "naming/knowledge.hpp"
#include "naming/taste_eval.hpp"
#include "score/quality_eval.hpp"

namespace snai::cli {
namespace {

struct EvalGeneratorOptions {
  std::string dataset;
  int k = 500;
  std::uint64_t seed = 1;
  bool list = false;
} eval_generator;

struct EvalTasteOptions {
  std::vector<std::string> datasets = {"data/eval/companies.tsv", "data/eval/taste.tsv"};
  int k = 500;
  std::uint64_t seed = 1;
  bool list = false;
} eval_taste;

struct EvalQualityOptions {
  std::string positives, negatives;
} eval_quality;

nlohmann::json quality_json(const score::QualityEvaluation& e) {
  return {{"positives", e.positives},
          {"negatives", e.negatives},
          {"balanced_accuracy", e.balanced_accuracy},
          {"auc", e.auc},
          {"brier", e.brier},
          {"calibration_error", e.calibration_error},
          {"confusion", {{"true_positives", e.true_positives}, {"false_negatives", e.false_negatives},
                         {"true_negatives", e.true_negatives}, {"false_positives", e.false_positives}}}};
}

void print_quality(const score::QualityEvaluation& e) {
  std::cout << fmt::format(
      "good names: {}  bad names: {}\nbalanced accuracy: {:.3f}\nAUC:               {:.3f}\n"
      "Brier score:       {:.3f}\ncalibration error: {:.3f}\n\n"
      "                scored good  scored bad\nactually good   {:>11}  {:>10}\nactually bad    {:>11}  {:>10}\n",
      e.positives, e.negatives, e.balanced_accuracy, e.auc, e.brier, e.calibration_error, e.true_positives,
      e.false_negatives, e.false_positives, e.true_negatives);
}

void add_eval_quality(CLI::App& eval, CommonOptions& options, int& exit_code) {
  auto* quality = eval.add_subcommand("quality", "Measure the name quality model on good and bad names");
  add_common_options(*quality, options);
  quality->add_option("--positives", eval_quality.positives, "Good names: one per line, or a companies TSV/CSV")
      ->required();
  quality->add_option("--negatives", eval_quality.negatives, "Bad names: one per line, or a TSV/CSV with name")
      ->required();
  quality->callback([&] {
    auto config = config_or_report("eval quality", options, exit_code);
    if (!config) return;
    auto positives = naming::read_names(eval_quality.positives);
    auto negatives = positives ? naming::read_names(eval_quality.negatives) : positives;
    if (!positives || !negatives) {
      exit_code = report_error("eval quality", (!positives ? positives : negatives).error(), options, kExitUsage);
      return;
    }
    if (positives->empty() || negatives->empty()) {
      exit_code = report_error("eval quality", {ErrorCode::invalid_argument, "both files need at least one name", "file"},
                               options, kExitUsage);
      return;
    }
    auto knowledge = naming::load_knowledge(*config);
    if (!knowledge) {
      exit_code = report_error("eval quality", knowledge.error(), options);
      return;
    }
    if (!(*knowledge)->quality) {
      exit_code = report_error("eval quality",
                               {ErrorCode::failed_precondition, "no quality model: run `snai data build`", ""}, options);
      return;
    }
    auto e = score::evaluate_quality(*(*knowledge)->quality, *positives, *negatives);
    if (options.json)
      std::cout << quality_json(e).dump() << "\n";
    else
      print_quality(e);
    exit_code = kExitOk;
  });
}

nlohmann::json report_json(const naming::EvalReport& r) {
  auto outcomes = nlohmann::json::array();
  for (const auto& o : r.outcomes)
    outcomes.push_back({{"name", o.name}, {"root", o.root}, {"exact", o.exact}, {"root_found", o.root_found},
                        {"closest", o.closest}});
  return {{"companies", r.companies}, {"skipped", r.skipped},  {"exact_rate", r.exact_rate},
          {"root_rate", r.root_rate}, {"style_mix", r.style_mix}, {"mean_ms", r.mean_ms},
          {"outcomes", outcomes}};
}

void print_report(const naming::EvalReport& r, bool list) {
  if (list)
    for (const auto& o : r.outcomes)
      std::cout << fmt::format("  {:<24} root {:<12} {:<6} {}\n", o.name, o.root,
                               o.exact ? "exact" : o.root_found ? "root" : "-", o.closest);
  std::cout << fmt::format("companies: {} (skipped {})\nexact match: {:.1f}%\nroot found:  {:.1f}%\nmean time:   {:.1f} ms\n",
                           r.companies, r.skipped, 100 * r.exact_rate, 100 * r.root_rate, r.mean_ms);
  std::cout << "style mix:";
  for (const auto& [style, share] : r.style_mix) std::cout << fmt::format(" {} {:.0f}%", style, 100 * share);
  std::cout << "\n";
}

nlohmann::json taste_json(const naming::TasteReport& r) {
  auto outcomes = nlohmann::json::array();
  for (const auto& o : r.outcomes) {
    auto top = nlohmann::json::array();
    for (const auto& [name, score] : o.top) top.push_back({{"name", name}, {"score", score}});
    outcomes.push_back({{"name", o.name}, {"description", o.description}, {"score", o.real_score},
                        {"distinctiveness", o.real_distinctiveness},
                        {"key_noun", {{"name", o.key_noun}, {"score", o.key_noun_score}}},
                        {"mechanical", {{"name", o.mechanical}, {"score", o.mechanical_score}}},
                        {"unrelated", {{"name", o.unrelated}, {"score", o.unrelated_score}}},
                        {"main_word", o.main_word}, {"main_word_found", o.main_word_found},
                        {"spread", o.spread}, {"literal_in_top", o.literal_in_top}, {"top", top}});
  }
  return {{"companies", r.companies},
          {"skipped", r.skipped},
          {"win_rate", {{"key_noun", r.win_key_noun}, {"mechanical_suffix", r.win_mechanical}, {"unrelated_word", r.win_unrelated}}},
          {"realism_auc_top10", r.realism_auc},
          {"literal_share_top10", r.literal_share},
          {"main_word_found", r.main_word_found},
          {"median_spread", r.median_spread},
          {"key_noun_under_30", r.key_noun_under_30},
          {"median_key_noun_score", r.median_key_noun},
          {"junk", {{"auc", r.junk_auc}, {"median_score", r.median_junk}, {"median_real_score", r.median_real}}},
          {"names_per_second", r.names_per_second},
          {"outcomes", outcomes}};
}

void print_taste(const naming::TasteReport& r, bool list) {
  if (list)
    for (const auto& o : r.outcomes) {
      std::cout << fmt::format("{} ({:.0f}, {}) vs {} {:.0f} / {} {:.0f} / {} {:.0f}; main word {} {}\n  top:", o.name,
                               o.real_score, o.real_distinctiveness, o.key_noun, o.key_noun_score, o.mechanical,
                               o.mechanical_score, o.unrelated, o.unrelated_score, o.main_word,
                               o.main_word_found ? "found" : "-");
      for (const auto& [name, score] : o.top) std::cout << fmt::format(" {} {:.0f},", name, score);
      std::cout << "\n";
    }
  std::cout << fmt::format(
      "companies: {} (skipped {})\n"
      "real name scores above: key noun {:.1f}%  noun + mechanical suffix {:.1f}%  noun + unrelated word {:.1f}%\n"
      "realism AUC, top 10 vs held-out real names: {:.3f} (0.5 = indistinguishable)\n"
      "top-10 names that are a description word: {:.1f}%\n"
      "real name's main word among the generated names: {}/{}\n"
      "score spread over the generated names (p90 - p10, median): {:.1f}\n"
      "bare key nouns scoring under 30: {:.1f}% (median {:.1f})\n"
      "real vs junk names: AUC {:.3f}, median junk score {:.1f}, median real score {:.1f}\n"
      "names per second: {:.0f}\n",
      r.companies, r.skipped, 100 * r.win_key_noun, 100 * r.win_mechanical, 100 * r.win_unrelated, r.realism_auc,
      100 * r.literal_share, r.main_word_found, r.companies, r.median_spread, 100 * r.key_noun_under_30,
      r.median_key_noun, r.junk_auc, r.median_junk, r.median_real, r.names_per_second);
}

void add_eval_taste(CLI::App& eval, CommonOptions& options, int& exit_code) {
  auto* taste = eval.add_subcommand("taste", "Measure whether real founders' names beat weak patterns and generated names look real");
  add_common_options(*taste, options);
  auto& t = eval_taste;
  taste->add_option("--dataset", t.datasets, "Companies TSV/CSV with name and description (repeatable)");
  taste->add_option("--k", t.k, "Names generated per company (10-1000)")->check(CLI::Range(10, 1000));
  taste->add_option("--seed", t.seed, "Seed for the generator");
  taste->add_flag("--list", t.list, "Print each company's outcome and top 10");
  taste->callback([&] {
    auto config = config_or_report("eval taste", options, exit_code);
    if (!config) return;
    std::vector<naming::Company> companies;
    for (const auto& file : t.datasets) {
      auto read = naming::read_companies(file);
      if (!read) {
        exit_code = report_error("eval taste", read.error(), options, kExitUsage);
        return;
      }
      companies.insert(companies.end(), read->begin(), read->end());
    }
    auto held_out = naming::read_names(naming::artifact_path(*config, "taste_heldout_real.txt"));
    auto junk = naming::read_names(naming::artifact_path(*config, "quality_heldout_bad.txt"));
    if (!held_out || !junk) {
      exit_code = report_error("eval taste",
                               {ErrorCode::failed_precondition, "held-out names are missing: run `snai data build`", ""}, options);
      return;
    }
    auto knowledge = naming::load_knowledge(*config);
    if (!knowledge) {
      exit_code = report_error("eval taste", knowledge.error(), options);
      return;
    }
    auto report = naming::evaluate_taste(**knowledge, companies,
                                         {.held_out_real = *held_out, .junk = *junk, .k = t.k, .seed = t.seed});
    if (!report) {
      exit_code = report_error("eval taste", report.error(), options, kExitUsage);
      return;
    }
    if (options.json)
      std::cout << taste_json(*report).dump() << "\n";
    else
      print_taste(*report, t.list);
    exit_code = kExitOk;
  });
}

}  // namespace

void add_eval_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* eval = app.add_subcommand("eval", "Measure the generator and the quality model on datasets");
  add_eval_quality(*eval, options, exit_code);
  add_eval_taste(*eval, options, exit_code);
  eval->require_subcommand(1);
  auto* generator = eval->add_subcommand("generator", "Generate names for real companies' descriptions and compare");
  add_common_options(*generator, options);
  auto& g = eval_generator;
  generator->add_option("--dataset", g.dataset, "Companies TSV/CSV with name and description columns")->required();
  generator->add_option("--k", g.k, "Names generated per company (1-1000)")->check(CLI::Range(1, 1000));
  generator->add_option("--seed", g.seed, "Seed for the generator");
  generator->add_flag("--list", g.list, "Print each company's outcome");
  generator->callback([&] {
    auto config = config_or_report("eval generator", options, exit_code);
    if (!config) return;
    auto companies = naming::read_companies(g.dataset);
    if (!companies) {
      exit_code = report_error("eval generator", companies.error(), options, kExitUsage);
      return;
    }
    auto knowledge = naming::load_knowledge(*config);
    if (!knowledge) {
      exit_code = report_error("eval generator", knowledge.error(), options);
      return;
    }
    naming::Namer namer(**knowledge, naming::NamerOptions::from(config->generate));
    auto report = naming::evaluate_generator(namer, (*knowledge)->lexicon, *companies, {.k = g.k, .seed = g.seed});
    if (!report) {
      exit_code = report_error("eval generator", report.error(), options, kExitUsage);
      return;
    }
    if (options.json)
      std::cout << report_json(*report).dump() << "\n";
    else
      print_report(*report, g.list);
    exit_code = kExitOk;
  });
}

}  // namespace snai::cli
