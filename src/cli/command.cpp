#include "cli/command.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

namespace snai::cli {

void add_common_options(CLI::App& command, CommonOptions& options) {
  command.add_option("--config", options.config_file, "Configuration file (default: $SNAI_CONFIG, else ./snai.toml)");
  command.add_flag("--json", options.json, "Print machine-readable JSON on stdout");
}

Result<Config> load_cli_config(const CommonOptions& options) {
  ConfigSources sources{.file = default_config_file(), .env = snai_environment()};
  if (!options.config_file.empty()) sources.file = options.config_file;
  return load_config(sources);
}

std::optional<Config> config_or_report(std::string_view command, const CommonOptions& options, int& exit_code) {
  auto config = load_cli_config(options);
  if (config) return std::move(*config);
  exit_code = report_error(command, config.error(), options, kExitUsage);
  return std::nullopt;
}

int report_error(std::string_view command, const Error& error, const CommonOptions& options, int exit_code) {
  if (options.json) {
    nlohmann::json body = {{"error", {{"code", to_string(error.code)}, {"message", error.message}}}};
    if (!error.field.empty()) body["error"]["field"] = error.field;
    std::cout << body.dump() << "\n";
  }
  std::cerr << "snai " << command << ": " << error.message << "\n";
  return exit_code;
}

CLI::App& add_pending_command(CLI::App& app, const std::string& name, const std::string& description,
                              const std::string& issue, CommonOptions& options, int& exit_code) {
  auto* command = app.add_subcommand(name, description + " (not yet available: " + issue + ")");
  add_common_options(*command, options);
  command->callback([name, issue, &options, &exit_code] {
    exit_code = report_error(name,
                             {ErrorCode::failed_precondition,
                              "not yet available in this build; it lands with " + issue, {}},
                             options);
  });
  return *command;
}

}  // namespace snai::cli
