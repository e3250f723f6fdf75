// What every `snai` subcommand shares: the common options (--config, --json), loading the
// configuration, and turning an Error into a message and an exit code
// (0 ok, 1 failure, 2 bad usage or bad configuration).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.hpp"
#include "core/result.hpp"
#include "core/text.hpp"  // split_list for comma-separated option values

namespace snai::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct CommonOptions {
  std::string config_file;  // --config; else $SNAI_CONFIG, else ./snai.toml when present
  bool json = false;        // --json: machine-readable output on stdout
};

// Adds --config and --json to a subcommand.
void add_common_options(CLI::App& command, CommonOptions& options);

// Defaults + file + SNAI_* environment. Errors are configuration errors (exit 2).
Result<Config> load_cli_config(const CommonOptions& options);

// The configuration, or nullopt after reporting why not (exit code 2 in `exit_code`).
std::optional<Config> config_or_report(std::string_view command, const CommonOptions& options, int& exit_code);

// Prints the error (JSON on stdout with --json, one line on stderr always) and returns the
// exit code: 2 for configuration errors, 1 otherwise.
int report_error(std::string_view command, const Error& error, const CommonOptions& options,
                 int exit_code = kExitFailure);

// Registers a subcommand whose capability has not landed yet: it exists, documents its
// options, and exits 1 saying which issue brings it.
CLI::App& add_pending_command(CLI::App& app, const std::string& name, const std::string& description,
                              const std::string& issue, CommonOptions& options, int& exit_code);

// Each subcommand registers itself and stores its exit code in `exit_code` when it runs.
void add_serve_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_migrate_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_keys_command(CLI::App& app, CommonOptions& options, int& exit_code);     // keys create|list|revoke
void add_data_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_naming_commands(CLI::App& app, CommonOptions& options, int& exit_code);  // score, conflicts
void add_generate_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_eval_command(CLI::App& app, CommonOptions& options, int& exit_code);     // eval generator
void add_conflicts_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_import_brands_command(CLI::App& import, CommonOptions& options, int& exit_code);  // import brands
void add_check_command(CLI::App& app, CommonOptions& options, int& exit_code);    // domain availability
void add_import_command(CLI::App& app, CommonOptions& options, int& exit_code);
void add_zone_import_command(CLI::App& import, CommonOptions& options, int& exit_code);  // `import zone`
void add_words_command(CLI::App& app, CommonOptions& options, int& exit_code);    // the lexicon on one word
void add_expand_command(CLI::App& app, CommonOptions& options, int& exit_code);   // description → concepts

}  // namespace snai::cli
