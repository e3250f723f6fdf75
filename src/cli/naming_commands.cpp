// score: its options are fixed by DESIGN.md §2 so scripts can rely on them; it runs once the
// quality model lands.
#include "cli/command.hpp"

namespace snai::cli {
namespace {

struct NamesOptions {
  std::vector<std::string> names;
  std::string description;
} names_options;

}  // namespace

void add_naming_commands(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto& score = add_pending_command(app, "score", "Score names 0-100 with reasons (names from arguments or stdin)",
                                    "issue #5 (name quality model)", options, exit_code);
  score.add_option("names", names_options.names, "Names to score; one per line on stdin when none are given");
  score.add_option("--description", names_options.description, "The company description, for relevance");
}

}  // namespace snai::cli
