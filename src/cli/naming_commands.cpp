// generate, score, check, conflicts: their options are fixed by DESIGN.md §2 so scripts can
// rely on them; each runs once its engine lands.
#include "cli/command.hpp"

namespace snai::cli {
namespace {

struct GenerateOptions {
  std::string description, keywords, styles, contains, starts_with, ends_with, exclude;
  int count = 20, min_length = 0, max_length = 0;
  std::int64_t seed = 0;
} generate_options;

struct NamesOptions {
  std::vector<std::string> names;
  std::string description, tlds = "com,io,ai";
} names_options;

}  // namespace

void add_naming_commands(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto& generate = add_pending_command(app, "generate", "Generate ranked names for a description",
                                       "issue #4 (name generation engine)", options, exit_code);
  auto& g = generate_options;
  generate.add_option("description", g.description, "What the company does, e.g. \"AI note-taking for doctors\"")
      ->required();
  generate.add_option("--keywords", g.keywords, "Comma-separated words the names should draw on");
  generate.add_option("--styles", g.styles,
                      "Comma-separated subset of: dictionary, compound, blend, affix, invented, respelling, "
                      "multiword, rhyme, foreign");
  generate.add_option("--count", g.count, "How many names (1-1000)")->check(CLI::Range(1, 1000));
  generate.add_option("--min-length", g.min_length, "Shortest name, in letters")->check(CLI::Range(1, 64));
  generate.add_option("--max-length", g.max_length, "Longest name, in letters")->check(CLI::Range(1, 64));
  generate.add_option("--contains", g.contains, "Text every name must contain");
  generate.add_option("--starts-with", g.starts_with, "Text every name must start with");
  generate.add_option("--ends-with", g.ends_with, "Text every name must end with");
  generate.add_option("--exclude", g.exclude, "Comma-separated words no name may contain");
  generate.add_option("--seed", g.seed, "Same input and seed give the same names");

  auto& score = add_pending_command(app, "score", "Score names 0-100 with reasons (names from arguments or stdin)",
                                    "issue #5 (name quality model)", options, exit_code);
  score.add_option("names", names_options.names, "Names to score; one per line on stdin when none are given");
  score.add_option("--description", names_options.description, "The company description, for relevance");

  auto& check = add_pending_command(app, "check", "Check whether the names' domains are free",
                                    "issue #6 (availability)", options, exit_code);
  check.add_option("names", names_options.names, "Names to check")->required();
  check.add_option("--tlds", names_options.tlds, "Comma-separated top-level domains");

  auto& conflicts = add_pending_command(app, "conflicts", "List existing brands the names resemble",
                                        "issue #6 (conflicts with existing brands)", options, exit_code);
  conflicts.add_option("names", names_options.names, "Names to compare")->required();
}

}  // namespace snai::cli
