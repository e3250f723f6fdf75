// snai import zone FILE --tld com: turns a registry zone file (the master-file format
// registries publish through ICANN CZDS) into the memory-mapped index DomainChecker reads
// from <zone_dir>/<tld>.zix (availability.zone_dir, default <data_dir>/zones). A malformed file
// fails with its line number and leaves the previous index in place.
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

#include "availability/domain_name.hpp"
#include "availability/zone_index.hpp"
#include "cli/command.hpp"
#include "core/progress.hpp"

namespace snai::cli {

// Registers `zone` under the `import` subcommand.
void add_zone_import_command(CLI::App& import, CommonOptions& options, int& exit_code) {
  auto* command = import.add_subcommand("zone", "Index a registry zone file (CZDS master-file format) for offline "
                                                "domain checks");
  add_common_options(*command, options);
  static std::string file, tld, out;
  command->add_option("file", file, "The zone file (uncompressed)")->required();
  command->add_option("--tld", tld, "The zone's top-level domain, e.g. com")->required();
  command->add_option("--out", out,
                      "Where to write the index (default: <zone_dir>/<tld>.zix, which `snai check` reads; "
                      "zone_dir is availability.zone_dir, else <data_dir>/zones)");
  command->callback([&] {
    auto config = config_or_report("import zone", options, exit_code);
    if (!config) return;
    auto normal = availability::normalize_tld(tld);
    if (!normal) {
      exit_code = report_error("import zone", normal.error(), options, kExitUsage);
      return;
    }
    auto path = out.empty() ? config->effective_zone_dir() / (*normal + ".zix") : std::filesystem::path(out);
    TerminalProgress terminal;
    SilentProgress silent;
    Progress& progress = options.json ? static_cast<Progress&>(silent) : terminal;
    auto stats = availability::import_zone(file, *normal, path, &progress);
    if (!stats) {
      exit_code = report_error("import zone", stats.error(), options);
      return;
    }
    const auto& index = stats->index;
    if (options.json) {
      std::cout << nlohmann::json{{"tld", index.tld},
                                  {"index", path.string()},
                                  {"names", index.names},
                                  {"bytes", index.file_bytes},
                                  {"false_positive_rate", index.false_positive_rate},
                                  {"lines", stats->file.lines},
                                  {"records", stats->file.records},
                                  {"delegations", stats->file.delegations},
                                  {"seconds", stats->parse_seconds + stats->build_seconds}}
                       .dump()
                << "\n";
    } else {
      std::cout << fmt::format("indexed {} .{} names from {} records into {} ({:.1f} MB, false-positive rate {:.1e}) "
                               "in {:.1f} s\n",
                               index.names, index.tld, stats->file.records, path.string(),
                               static_cast<double>(index.file_bytes) / 1e6, index.false_positive_rate,
                               stats->parse_seconds + stats->build_seconds);
    }
    exit_code = kExitOk;
  });
}

}  // namespace snai::cli
