// DomainChecker: is NAME.TLD free? Combines, in order, a TTL cache, the offline zone-file
// indexes (a hit → registered), DNS through c-ares (delegated → registered; NXDOMAIN under a
// live TLD → likely free) and RDAP (404 confirms free, 200 → registered with status/events).
// A name is only ever `available` on evidence: NXDOMAIN confirmed by RDAP 404 when RDAP is on
// (NXDOMAIN alone when it is off, or when the bootstrap lists no RDAP service for the TLD);
// anything less — timeouts, SERVFAIL, a dead resolver, a slow RDAP server, an exhausted time
// budget — is `unknown` with the reason. Registered answers are cached long, available ones
// briefly, unknown ones never. Every call returns within its time budget.
//
//   auto checker = DomainChecker::create({.dns = {.servers = {"127.0.0.1:53"}}});
//   auto answers = checker->check({"stripe", "zorblat"}, {"com", "io"});
//   for (const auto& a : *answers) fmt::print("{} {}\n", a.domain, to_string(a.state));
//   nlohmann::json j = to_json(*answers);   // {"results":[{"name","tld","domain","state",...}]}
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "availability/dns_resolver.hpp"
#include "availability/rdap_client.hpp"
#include "availability/zone_index.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"

namespace snai::availability {

enum class DomainState { available, registered, unknown };
enum class DomainSource { zone_index, dns, rdap, none };

std::string_view to_string(DomainState state);    // "available", "registered", "unknown"
std::string_view to_string(DomainSource source);  // "zone-index", "dns", "rdap", "none"

struct DomainAnswer {
  std::string name;     // the label as given, normalised ("stripe", "xn--caf-dma")
  std::string tld;
  std::string domain;   // name.tld
  DomainState state = DomainState::unknown;
  std::string reason;   // why, in words: "NXDOMAIN and RDAP 404", "DNS: timeout after 3 attempts", ...
  DomainSource source = DomainSource::none;
  bool cached = false;
  std::vector<std::string> rdap_status;  // from RDAP, when it answered 200
  std::string registered_at, expires_at;
  bool reserved = false, premium = false;
};

struct DomainCheckerOptions {
  std::vector<std::string> default_tlds = {"com", "io", "ai", "co", "app", "dev"};
  std::filesystem::path zone_dir;            // <zone_dir>/<tld>.zix loaded when present; empty: none
  bool dns_enabled = true;
  DnsOptions dns;
  bool rdap_enabled = false;
  std::filesystem::path rdap_bootstrap;      // IANA dns.json; required when rdap_enabled
  RdapOptions rdap;
  std::chrono::milliseconds budget{8000};    // per check() call
  std::chrono::seconds registered_ttl{std::chrono::hours(24)};
  std::chrono::seconds available_ttl{std::chrono::minutes(10)};
  std::size_t cache_capacity = 100000;
  std::size_t max_names = 1000;              // per call
  const Clock* clock = nullptr;              // cache time; nullptr: the system clock
};

class DomainChecker {
 public:
  static Result<DomainChecker> create(DomainCheckerOptions options);

  // One answer per (name, tld), names in input order, each name's TLDs in the order given
  // (default_tlds when `tlds` is empty). Bad input fails the whole call with invalid_argument
  // naming the field ("names" or "tlds"). Thread-safe.
  Result<std::vector<DomainAnswer>> check(std::span<const std::string> names, std::span<const std::string> tlds = {},
                                          std::optional<std::chrono::milliseconds> budget = std::nullopt) const;

  // TLDs that have a zone index loaded.
  std::vector<std::string> indexed_tlds() const;
  void clear_cache() const;

  struct State;

 private:
  explicit DomainChecker(std::shared_ptr<State> state) : state_(std::move(state)) {}
  std::shared_ptr<State> state_;
};

// {"results":[{"name","tld","domain","state","reason","source","cached",...}]}
nlohmann::json to_json(std::span<const DomainAnswer> answers);

}  // namespace snai::availability
