// snai migrate: brings the configured database's schema up to this binary's version.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.hpp"
#include "core/log.hpp"
#include "storage/factory/factory.hpp"

namespace snai::cli {

void add_migrate_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* command = app.add_subcommand("migrate", "Apply pending database migrations (also done by `serve` at start)");
  add_common_options(*command, options);
  command->callback([&] {
    auto config = config_or_report("migrate", options, exit_code);
    if (!config) return;
    init_logging(config->log);
    auto storage = storage::open_storage(*config);
    if (!storage) {
      exit_code = report_error("migrate", storage.error(), options);
      return;
    }
    auto before = (*storage)->schema_version();
    auto after = before ? (*storage)->migrate() : before;
    if (!after) {
      exit_code = report_error("migrate", after.error(), options);
      return;
    }
    auto url = storage::redact_url(config->effective_database_url());
    if (options.json) {
      std::cout << nlohmann::json{{"backend", (*storage)->backend()}, {"database", url},
                                  {"from_version", *before}, {"to_version", *after}}.dump()
                << "\n";
    } else if (*before == *after) {
      std::cout << "schema is current at version " << *after << " (" << url << ")\n";
    } else {
      std::cout << "migrated " << url << " from schema version " << *before << " to " << *after << "\n";
    }
    exit_code = kExitOk;
  });
}

}  // namespace snai::cli
