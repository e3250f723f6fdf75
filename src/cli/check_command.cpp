// snai check NAME... [--tlds com,io] [--json]: whether each name's domains are free, from the
// [availability] configuration (zone indexes from `snai import zone`, DNS, optional RDAP).
// Exit 0 when the check ran (taken names included), 2 for bad input or configuration (the
// field named), 1 when no domain could be decided or the checker cannot start.
//
//   snai check zorblat stripe --tlds com,io --json
#include <algorithm>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

#include "availability/checker_setup.hpp"
#include "availability/domain_checker.hpp"
#include "availability/domain_name.hpp"
#include "cli/command.hpp"

namespace snai::cli {
namespace {

namespace av = availability;

struct CheckOptions {
  std::vector<std::string> names;
  std::string tlds;
} check_options;

void print_table(const std::vector<av::DomainAnswer>& answers) {
  std::size_t name_w = 4, domain_w = 6, source_w = 6;
  for (const auto& a : answers) {
    name_w = std::max(name_w, a.name.size());
    domain_w = std::max(domain_w, a.domain.size());
    source_w = std::max(source_w, av::to_string(a.source).size());
  }
  std::cout << fmt::format("{:<{}}  {:<{}}  {:<10}  {:<{}}  {}\n", "NAME", name_w, "DOMAIN", domain_w, "STATE",
                           "SOURCE", source_w, "REASON");
  int counts[3] = {0, 0, 0};
  for (const auto& a : answers) {
    ++counts[static_cast<int>(a.state)];
    std::cout << fmt::format("{:<{}}  {:<{}}  {:<10}  {:<{}}  {}{}\n", a.name, name_w, a.domain, domain_w,
                             av::to_string(a.state), av::to_string(a.source), source_w, a.reason,
                             a.cached ? " (cached)" : "");
  }
  std::cout << fmt::format("{} available, {} registered, {} unknown\n", counts[0], counts[1], counts[2]);
}

// Runs one check; returns the exit code.
int run_check(const CommonOptions& options, const Config& config) {
  auto usage = [&](const Error& e) { return report_error("check", e, options, kExitUsage); };
  bool tlds_given = !check_options.tlds.empty();
  for (const auto& name : check_options.names)
    if (auto label = av::normalize_label(name); !label) return usage(label.error());
  auto checker = av::make_domain_checker(config);
  if (!checker)
    return checker.error().code == ErrorCode::invalid_argument ? usage(checker.error())
                                                               : report_error("check", checker.error(), options);
  auto tlds = av::parse_tlds(split_list(tlds_given ? check_options.tlds : config.availability.tlds), *checker,
                             tlds_given ? "tlds" : "availability.tlds");
  if (!tlds) return usage(tlds.error());

  auto answers = checker->check(check_options.names, *tlds);
  if (!answers)
    return report_error("check", answers.error(), options,
                        answers.error().code == ErrorCode::invalid_argument ? kExitUsage : kExitFailure);
  if (options.json)
    std::cout << av::to_json(*answers).dump() << "\n";
  else
    print_table(*answers);
  bool decided = std::any_of(answers->begin(), answers->end(),
                             [](const auto& a) { return a.state != av::DomainState::unknown; });
  if (decided) return kExitOk;
  std::cerr << "snai check: no domain could be checked (" << answers->front().reason << ")\n";
  return kExitFailure;
}

}  // namespace

void add_check_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  auto* command = app.add_subcommand(
      "check", "Check whether the names' domains are free (exit 0 when checked, 1 when nothing could be decided)");
  add_common_options(*command, options);
  command->add_option("names", check_options.names, "Names to check, without a TLD (at most 1000)")->required();
  command->add_option("--tlds", check_options.tlds,
                      "Comma-separated top-level domains (default: availability.tlds, com,io,ai,co,app,dev)");
  command->callback([&] {
    auto config = config_or_report("check", options, exit_code);
    if (!config) return;
    exit_code = run_check(options, *config);
  });
}

}  // namespace snai::cli
