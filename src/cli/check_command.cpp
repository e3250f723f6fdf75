// snai check NAME... [--tlds com,io] [--json]: whether each name's domains are free, from the
// [availability] configuration (zone indexes from `snai import zone`, DNS, optional RDAP).
// Exit 0 when the check ran (taken names included), 2 for bad input or configuration (the
// field named), 1 when no domain could be decided or the checker cannot start.
//
//   snai check zorblat stripe --tlds com,io --json
#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>

#include "availability/domain_checker.hpp"
#include "availability/domain_name.hpp"
#include "cli/command.hpp"

namespace snai::cli {
namespace {

namespace av = availability;

// Debian's `publicsuffix` package: the ICANN list of TLDs, read to tell an unknown TLD from a
// real one before any query is sent.
constexpr const char* kPublicSuffixList = "/usr/share/publicsuffix/public_suffix_list.dat";

struct CheckOptions {
  std::vector<std::string> names;
  std::string tlds;
} check_options;

// The single-label rules of the public suffix list, in their xn-- form; empty when the file
// is missing (then DNS alone says whether a TLD exists).
std::set<std::string> public_tlds() {
  std::set<std::string> tlds;
  std::ifstream in(kPublicSuffixList);
  std::string line;
  while (std::getline(in, line)) {
    auto rule = line.substr(0, line.find_first_of(" \t\r"));
    if (rule.empty() || rule.starts_with("//") || rule.find_first_of(".!*") != std::string::npos) continue;
    if (auto tld = av::normalize_tld(rule)) tlds.insert(*tld);
  }
  return tlds;
}

Status unknown_tlds(const std::vector<std::string>& tlds, const std::vector<std::string>& indexed,
                    const std::string& field) {
  auto known = public_tlds();
  if (known.empty()) return ok();
  for (const auto& tld : tlds) {
    if (known.contains(tld) || std::find(indexed.begin(), indexed.end(), tld) != indexed.end()) continue;
    return fail(ErrorCode::invalid_argument,
                fmt::format("TLD '{}' is not a top-level domain (not in the public suffix list, no zone index imported)",
                            tld),
                field);
  }
  return ok();
}

Result<av::DomainCheckerOptions> checker_options(const Config& config, std::vector<std::string> default_tlds) {
  const auto& a = config.availability;
  av::DomainCheckerOptions o;
  o.default_tlds = std::move(default_tlds);
  o.zone_dir = config.effective_zone_dir();
  o.dns.servers = split_list(a.dns_servers);
  o.rdap_enabled = a.rdap_enabled;
  o.rdap_bootstrap = config.effective_rdap_bootstrap();
  o.budget = std::chrono::milliseconds(a.budget_ms);
  std::error_code ec;
  if (o.rdap_enabled && !std::filesystem::is_regular_file(o.rdap_bootstrap, ec))
    return fail(ErrorCode::invalid_argument,
                fmt::format("config: availability.rdap_enabled is true but the RDAP bootstrap file {} does not "
                            "exist (save IANA's https://data.iana.org/rdap/dns.json there, or set "
                            "availability.rdap_bootstrap)",
                            o.rdap_bootstrap.string()),
                "availability.rdap_bootstrap");
  return o;
}

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
  std::string tld_field = tlds_given ? "tlds" : "availability.tlds";
  std::vector<std::string> tlds;
  for (const auto& raw : split_list(tlds_given ? check_options.tlds : config.availability.tlds)) {
    auto tld = av::normalize_tld(raw);
    if (!tld) return usage({tld.error().code, tld.error().message, tld_field});
    if (std::find(tlds.begin(), tlds.end(), *tld) == tlds.end()) tlds.push_back(*tld);
  }
  if (tlds.empty()) return usage({ErrorCode::invalid_argument, "no TLDs to check", tld_field});
  for (const auto& name : check_options.names)
    if (auto label = av::normalize_label(name); !label) return usage(label.error());

  auto o = checker_options(config, tlds);
  if (!o) return usage(o.error());
  auto checker = av::DomainChecker::create(std::move(*o));
  if (!checker) {
    auto e = checker.error();
    if (e.code != ErrorCode::invalid_argument) return report_error("check", e, options);
    if (e.field == "dns.servers") e.field = "availability.dns_servers";
    if (e.field.starts_with("rdap")) e.field = "availability.rdap_bootstrap";
    return usage(e);
  }
  if (auto st = unknown_tlds(tlds, checker->indexed_tlds(), tld_field); !st) return usage(st.error());

  auto answers = checker->check(check_options.names, tlds);
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
