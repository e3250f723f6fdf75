// snai conflicts NAME...: the existing brands each name could be mistaken for (spelling, sound,
// meaning) with a risk level and the reason; and `snai import brands FILE`, which adds a user's
// own brand list to the registry the conflict check reads.
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "brands/brand_import.hpp"
#include "naming/artifacts.hpp"
#include "cli/command.hpp"
#include "conflicts/conflict_index.hpp"
#include "conflicts/conflict_json.hpp"
#include "lexicon/lexicon_builder.hpp"

namespace snai::cli {

using naming::artifact_path;
using naming::kBrandsArtifactName;
using naming::kEmbeddingsArtifactName;
namespace {

struct ConflictsOptions {
  std::vector<std::string> names;
  int limit = 5;
};

std::vector<std::string> names_from_stdin() {
  std::vector<std::string> names;
  for (std::string line; std::getline(std::cin, line);) {
    auto begin = line.find_first_not_of(" \t\r");
    if (begin == std::string::npos) continue;
    auto end = line.find_last_not_of(" \t\r");
    names.push_back(line.substr(begin, end - begin + 1));
  }
  return names;
}

void print_table(const std::vector<conflicts::NameConflicts>& results) {
  for (const auto& r : results) {
    std::cout << r.name << "\n";
    if (r.matches.empty()) {
      std::cout << "  no similar brand\n";
      continue;
    }
    std::cout << fmt::format("  {:<24} {:<7} {:>8} {:>6} {:>8}  {}\n", "brand", "risk", "spelling", "sound", "meaning",
                             "reason");
    for (const auto& m : r.matches)
      std::cout << fmt::format("  {:<24} {:<7} {:>8.2f} {:>6.2f} {:>8.2f}  {}\n", m.brand, conflicts::to_string(m.risk),
                               m.spelling, m.sound, m.meaning, m.reason);
  }
}

int run_conflicts(const ConflictsOptions& args, const CommonOptions& options, int& exit_code) {
  auto config = config_or_report("conflicts", options, exit_code);
  if (!config) return exit_code;
  auto names = args.names.empty() ? names_from_stdin() : args.names;
  if (names.empty())
    return report_error("conflicts", {ErrorCode::invalid_argument, "no names given (arguments or stdin)", "names"},
                        options, kExitUsage);

  auto registry = brands::load_brands_with_user(artifact_path(*config, kBrandsArtifactName),
                                                artifact_path(*config, brands::kUserBrandsArtifactName));
  if (!registry) return report_error("conflicts", registry.error(), options);
  auto lexicon = lexicon::Lexicon::open(artifact_path(*config, lexicon::kLexiconArtifactName));
  if (!lexicon) return report_error("conflicts", lexicon.error(), options);
  auto embeddings = semantic::Embeddings::load(artifact_path(*config, kEmbeddingsArtifactName));
  if (!embeddings) return report_error("conflicts", embeddings.error(), options);
  lexicon::Pronouncer pronouncer(*lexicon);

  auto index = conflicts::ConflictIndex::build(*registry, {.pronouncer = &pronouncer, .embeddings = &*embeddings});
  if (!index) return report_error("conflicts", index.error(), options);
  auto results = index->check(names, static_cast<std::size_t>(args.limit));
  if (!results)
    return report_error("conflicts", results.error(), options,
                        results.error().code == ErrorCode::invalid_argument ? kExitUsage : kExitFailure);
  if (options.json) std::cout << conflicts::to_json(*results).dump() << "\n";
  else print_table(*results);
  return kExitOk;
}

int run_import_brands(const std::string& file, const CommonOptions& options, int& exit_code) {
  auto config = config_or_report("import brands", options, exit_code);
  if (!config) return exit_code;
  auto user_file = artifact_path(*config, brands::kUserBrandsArtifactName);
  auto summary = brands::import_brands(file, user_file);
  if (!summary) return report_error("import brands", summary.error(), options);
  if (options.json) {
    std::cout << nlohmann::json{{"file", file},
                                {"read", summary->read},
                                {"added", summary->added},
                                {"already_listed", summary->already_listed},
                                {"total", summary->total},
                                {"user_brands", user_file.string()}}
                     .dump()
              << "\n";
  } else {
    std::cout << fmt::format("{}: {} brands read, {} added, {} already listed; {} now holds {} brands\n", file,
                             summary->read, summary->added, summary->already_listed, user_file.string(),
                             summary->total);
  }
  return kExitOk;
}

}  // namespace

void add_conflicts_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* command = app.add_subcommand("conflicts", "List existing brands the names resemble (spelling, sound, meaning)");
  add_common_options(*command, options);
  static ConflictsOptions args;
  command->add_option("names", args.names, "Names to compare; one per line on stdin when none are given");
  command->add_option("--limit", args.limit, "Similar brands per name (1-50)")->check(CLI::Range(1, 50));
  command->callback([&] { exit_code = run_conflicts(args, options, exit_code); });
}

void add_import_brands_command(CLI::App& import, CommonOptions& options, int& exit_code) {
  auto* command = import.add_subcommand(
      "brands", "Import a brand list (CSV/TSV with a `name` column, a plain list, or simple-icons JSON) into "
                "<data_dir>/data/user_brands.tsv");
  add_common_options(*command, options);
  static std::string file;
  command->add_option("file", file, "The file to import")->required();
  command->callback([&] { exit_code = run_import_brands(file, options, exit_code); });
}

}  // namespace snai::cli
