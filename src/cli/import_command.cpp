// snai import brands|companies|zone FILE: loads the brand registry, the real-company corpus and
// registry zone files (indexed for offline domain checks).
#include "cli/command.hpp"

namespace snai::cli {

void add_import_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* import = app.add_subcommand("import", "Import data files (brands, companies, zone)");
  import->require_subcommand(1);
  static std::string companies_file;
  add_import_brands_command(*import, options, exit_code);
  auto& companies = add_pending_command(*import, "companies",
                                        "Import real companies (TSV/CSV: name, optional year, industry, description)",
                                        "issue #4 (evaluation against real companies)", options, exit_code);
  companies.add_option("file", companies_file, "The file to import")->required();
  add_zone_import_command(*import, options, exit_code);
}

}  // namespace snai::cli
