#include "availability/checker_setup.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <set>

#include "availability/domain_name.hpp"
#include "core/text.hpp"

namespace snai::availability {

namespace {

// Debian's `publicsuffix` package: the ICANN list of TLDs, read to tell an unknown TLD from a
// real one before any query is sent.
constexpr const char* kPublicSuffixList = "/usr/share/publicsuffix/public_suffix_list.dat";

// The single-label rules of the public suffix list, in their xn-- form; empty when the file
// is missing (then DNS alone says whether a TLD exists). Read once.
const std::set<std::string>& public_tlds() {
  static const std::set<std::string> tlds = [] {
    std::set<std::string> out;
    std::ifstream in(kPublicSuffixList);
    std::string line;
    while (std::getline(in, line)) {
      auto rule = line.substr(0, line.find_first_of(" \t\r"));
      if (rule.empty() || rule.starts_with("//") || rule.find_first_of(".!*") != std::string::npos) continue;
      if (auto tld = normalize_tld(rule)) out.insert(*tld);
    }
    return out;
  }();
  return tlds;
}

}  // namespace

Result<DomainChecker> make_domain_checker(const Config& config) {
  const auto& a = config.availability;
  DomainCheckerOptions o;
  o.default_tlds = split_list(a.tlds);
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
  auto checker = DomainChecker::create(std::move(o));
  if (!checker) {
    auto e = checker.error();
    if (e.code == ErrorCode::invalid_argument) {
      if (e.field == "dns.servers") e.field = "availability.dns_servers";
      if (e.field.starts_with("rdap")) e.field = "availability.rdap_bootstrap";
    }
    return fail(std::move(e));
  }
  return checker;
}

Result<std::vector<std::string>> parse_tlds(std::span<const std::string> raw, const DomainChecker& checker,
                                            const std::string& field) {
  std::vector<std::string> tlds;
  for (const auto& r : raw) {
    auto tld = normalize_tld(r);
    if (!tld) return fail(tld.error().code, tld.error().message, field);
    if (std::ranges::find(tlds, *tld) == tlds.end()) tlds.push_back(*tld);
  }
  if (tlds.empty()) return fail(ErrorCode::invalid_argument, "no TLDs to check", field);
  const auto& known = public_tlds();
  if (known.empty()) return tlds;
  auto indexed = checker.indexed_tlds();
  for (const auto& tld : tlds)
    if (!known.contains(tld) && std::ranges::find(indexed, tld) == indexed.end())
      return fail(ErrorCode::invalid_argument,
                  fmt::format("TLD '{}' is not a top-level domain (not in the public suffix list, no zone index imported)",
                              tld),
                  field);
  return tlds;
}

}  // namespace snai::availability
