// snai generate "DESCRIPTION" [flags]: ranked names with styles, scores and reasons (DESIGN.md §2).
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "naming/knowledge.hpp"
#include "naming/namer.hpp"
#include "naming/naming_json.hpp"

namespace snai::cli {
namespace {

struct GenerateOptions {
  std::string description, keywords, styles, contains, starts_with, ends_with, exclude;
  int count = 20, min_length = 0, max_length = 0;
  std::uint64_t seed = 0;
  bool seeded = false, shared_roots = false, similar_brands = false;
} generate_options;

Result<generate::GenerateRequest> to_request(const GenerateOptions& g) {
  generate::GenerateRequest request{.description = g.description,
                                    .keywords = split_list(g.keywords),
                                    .count = g.count,
                                    .min_length = g.min_length,
                                    .max_length = g.max_length,
                                    .contains = g.contains,
                                    .starts_with = g.starts_with,
                                    .ends_with = g.ends_with,
                                    .exclude = split_list(g.exclude),
                                    .allow_shared_roots = g.shared_roots,
                                    .allow_similar_brands = g.similar_brands};
  for (const auto& name : split_list(g.styles)) {
    auto style = generate::parse_style(name);
    if (!style)
      return fail(ErrorCode::invalid_argument,
                  fmt::format("unknown style \"{}\" (styles: dictionary, compound, blend, affix, invented, "
                              "respelling, multiword, rhyme, foreign)", name),
                  "styles");
    request.styles.push_back(*style);
  }
  if (g.seeded) request.seed = g.seed;
  return request;
}

void print_table(const naming::NamingResult& result) {
  for (std::size_t i = 0; i < result.names.size(); ++i) {
    const auto& n = result.names[i];
    std::cout << fmt::format("{:>3}. {:<20} {:<10} {:>3.0f}  {}\n", i + 1, n.candidate.name,
                             generate::to_string(n.candidate.style), n.score.score, naming::reasons_line(n.score));
  }
  for (const auto& note : result.notes) std::cout << "note: " << note << "\n";
  std::cout << fmt::format("{} names from {} candidates in {:.1f} ms\n", result.names.size(), result.candidates,
                           result.took_ms);
}

}  // namespace

void add_generate_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* command = app.add_subcommand("generate", "Generate ranked names for a description");
  add_common_options(*command, options);
  auto& g = generate_options;
  command->add_option("description", g.description, "What the company does, e.g. \"AI note-taking for doctors\"")
      ->required();
  command->add_option("--keywords", g.keywords, "Comma-separated words the names should draw on");
  command->add_option("--styles", g.styles,
                      "Comma-separated subset of: dictionary, compound, blend, affix, invented, respelling, "
                      "multiword, rhyme, foreign");
  command->add_option("--count", g.count, "How many names (1-1000)");
  command->add_option("--min-length", g.min_length, "Shortest name, in letters");
  command->add_option("--max-length", g.max_length, "Longest name, in letters");
  command->add_option("--contains", g.contains, "Text every name must contain");
  command->add_option("--starts-with", g.starts_with, "Text every name must start with");
  command->add_option("--ends-with", g.ends_with, "Text every name must end with");
  command->add_option("--exclude", g.exclude, "Comma-separated words no name may contain");
  command->add_option("--seed", g.seed, "Same input and seed give the same names")
      ->each([](const std::string&) { generate_options.seeded = true; });
  command->add_flag("--shared-roots", g.shared_roots, "Let the top 10 names share a root word");
  command->add_flag("--allow-similar-brands", g.similar_brands,
                    "Keep names at high risk of confusion with an existing brand (left out by default)");
  command->callback([&] {
    auto config = config_or_report("generate", options, exit_code);
    if (!config) return;
    auto request = to_request(generate_options);
    if (request) {
      if (auto valid = generate::validate(*request); !valid) request = fail(valid.error());
    }
    if (!request) {
      exit_code = report_error("generate", request.error(), options, kExitUsage);
      return;
    }
    auto knowledge = naming::load_knowledge(*config);
    if (!knowledge) {
      exit_code = report_error("generate", knowledge.error(), options);
      return;
    }
    naming::Namer namer(**knowledge, naming::NamerOptions::from(config->generate));
    auto result = namer.generate(*request);
    if (!result) {
      exit_code = report_error("generate", result.error(), options,
                               result.error().code == ErrorCode::invalid_argument ? kExitUsage : kExitFailure);
      return;
    }
    if (options.json)
      std::cout << naming::to_json(*result).dump() << "\n";
    else
      print_table(*result);
    exit_code = kExitOk;
  });
}

}  // namespace snai::cli
