// snai expand "DESCRIPTION": the concepts of a description and the related words a namer
// would reach for, with the relation and concept behind each.
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "naming/knowledge.hpp"

namespace snai::cli {

void add_expand_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* command = app.add_subcommand("expand", "Expand a description into concepts and related words");
  add_common_options(*command, options);
  static std::string description;
  static int limit = 40;
  command->add_option("description", description, "What the company does, e.g. \"AI note-taking for doctors\"")
      ->required();
  command->add_option("--limit", limit, "How many related words (1-500)")->check(CLI::Range(1, 500));
  command->callback([&] {
    auto config = config_or_report("expand", options, exit_code);
    if (!config) return;
    auto knowledge = naming::load_knowledge(*config);
    if (!knowledge) {
      exit_code = report_error("expand", knowledge.error(), options);
      return;
    }
    auto started = std::chrono::steady_clock::now();
    auto expansion = (*knowledge)->expander.expand(description, {.max_related = limit});
    double took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    if (!expansion) {
      exit_code = report_error("expand", expansion.error(), options,
                               expansion.error().code == ErrorCode::invalid_argument ? kExitUsage : kExitFailure);
      return;
    }
    if (options.json) {
      nlohmann::json concepts = nlohmann::json::array(), related = nlohmann::json::array();
      for (const auto& c : expansion->concepts)
        concepts.push_back({{"word", c.word}, {"lemma", c.lemma}, {"weight", c.weight}, {"known", c.known}});
      for (const auto& r : expansion->related)
        related.push_back({{"word", r.word}, {"weight", r.weight}, {"relation", r.relation}, {"from", r.from}});
      std::cout << nlohmann::json{{"concepts", concepts},
                                  {"related", related},
                                  {"notes", expansion->notes},
                                  {"took_ms", took_ms},
                                  {"ready_ms", (*knowledge)->ready_ms},
                                  {"load_ms", (*knowledge)->load_ms},
                                  {"derive_ms", (*knowledge)->derive_ms}}
                       .dump()
                << "\n";
    } else {
      std::cout << "concepts:";
      for (const auto& c : expansion->concepts) std::cout << fmt::format(" {} ({:.2f})", c.lemma, c.weight);
      std::cout << "\n";
      for (const auto& r : expansion->related)
        std::cout << fmt::format("  {:<16} {:.2f}  {} of {}\n", r.word, r.weight, r.relation, r.from);
      for (const auto& n : expansion->notes) std::cout << "note: " << n << "\n";
    }
    exit_code = kExitOk;
  });
}

}  // namespace snai::cli
