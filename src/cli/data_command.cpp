// snai data build: turns installed data packages into artifacts under <data_dir>/data/.
// The artifact stages (lexicon, embeddings, models) arrive with their issues; until then the
// command prepares the directory and says what it built.
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"

namespace snai::cli {

void add_data_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* data = app.add_subcommand("data", "Build and inspect data artifacts");
  data->require_subcommand(1);
  auto* build = data->add_subcommand("build", "Build lexicon, embeddings and models into <data_dir>/data/");
  add_common_options(*build, options);
  static bool force = false;
  build->add_flag("--force", force, "Rebuild even when inputs are unchanged");
  build->callback([&] {
    auto config = load_cli_config(options);
    if (!config) {
      exit_code = report_error("data build", config.error(), options, kExitUsage);
      return;
    }
    auto dir = std::filesystem::path(config->storage.data_dir) / "data";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      exit_code = report_error("data build",
                               {ErrorCode::unavailable, "cannot create " + dir.string() + ": " + ec.message(), {}},
                               options);
      return;
    }
    if (options.json)
      std::cout << nlohmann::json{{"data_dir", dir.string()}, {"built", nlohmann::json::array()}}.dump() << "\n";
    else
      std::cout << "data directory " << dir.string()
                << " is ready; no artifact stages are defined yet (the lexicon arrives with issue #3)\n";
    exit_code = kExitOk;
  });
}

}  // namespace snai::cli
