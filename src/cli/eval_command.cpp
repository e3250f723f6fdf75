// snai eval quality --positives FILE --negatives FILE [--json]: how well the quality model
// separates good names from bad (balanced accuracy, AUC, confusion matrix, calibration).
// snai eval generator --dataset FILE [--k 500] [--json]: how often the generator finds real
// companies' names (or their roots) from their descriptions alone, and the style mix.
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "naming/company_file.hpp"
#include "naming/generator_eval.hpp"
#include "naming/knowledge.hpp"
#include "score/quality_eval.hpp"

namespace snai::cli {
namespace {

struct EvalGeneratorOptions {
  std::string dataset;
  int k = 500;
  std::uint64_t seed = 1;
  bool list = false;
} eval_generator;

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

}  // namespace

void add_eval_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* eval = app.add_subcommand("eval", "Measure the generator and the quality model on datasets");
  add_eval_quality(*eval, options, exit_code);
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
