// snai score NAME... [--description D] [--json]: scores names 0-100 with reasons (DESIGN.md §2);
// the names come from the arguments, or one per line on stdin when none are given.
#include <fmt/format.h>
#include <iostream>
#include <sstream>

#include "cli/command.hpp"
#include "naming/company_file.hpp"
#include "naming/knowledge.hpp"
#include "naming/name_scoring.hpp"
#include "naming/naming_json.hpp"

namespace snai::cli {
namespace {

struct ScoreOptions {
  std::vector<std::string> names;
  std::string description;
} score_options;

void print_table(const std::vector<naming::ScoredInput>& scored) {
  for (const auto& n : scored) {
    std::cout << fmt::format("{:<24} {:>3.0f}  {:<4}  {}\n", n.name, n.score.score,
                             n.score.score >= score::kGoodScore ? "good" : "weak", naming::reasons_line(n.score));
  }
}

}  // namespace

void add_naming_commands(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* command =
      app.add_subcommand("score", "Score names 0-100 with reasons (names from arguments, or one per line on stdin)");
  add_common_options(*command, options);
  command->add_option("names", score_options.names, "Names to score; one per line on stdin when none are given");
  command->add_option("--description", score_options.description, "The company description, for relevance");
  command->callback([&] {
    auto config = config_or_report("score", options, exit_code);
    if (!config) return;
    std::vector<std::string> names = score_options.names;
    if (names.empty()) {
      std::stringstream in;
      in << std::cin.rdbuf();
      auto read = naming::parse_names(in.str(), "stdin");
      if (!read) {
        exit_code = report_error("score", read.error(), options, kExitUsage);
        return;
      }
      names = std::move(*read);
    }
    auto knowledge = naming::load_knowledge(*config);
    if (!knowledge) {
      exit_code = report_error("score", knowledge.error(), options);
      return;
    }
    auto scored = naming::score_names(**knowledge, names, score_options.description);
    if (!scored) {
      exit_code = report_error("score", scored.error(), options,
                               scored.error().code == ErrorCode::invalid_argument ? kExitUsage : kExitFailure);
      return;
    }
    if (options.json)
      std::cout << naming::to_json(*scored).dump() << "\n";
    else
      print_table(*scored);
    exit_code = kExitOk;
  });
}

}  // namespace snai::cli
