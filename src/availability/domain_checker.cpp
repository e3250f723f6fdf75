#include "availability/domain_checker.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "availability/domain_name.hpp"

namespace snai::availability {

using SteadyClock = std::chrono::steady_clock;

struct DomainChecker::State {
  DomainCheckerOptions options;
  std::map<std::string, ZoneIndex> zones;
  std::optional<DnsResolver> dns;
  std::optional<RdapClient> rdap;
  SystemClock system_clock;
  const Clock* clock = nullptr;

  struct CacheEntry {
    DomainAnswer answer;
    TimePoint expires;
  };
  std::mutex mu;
  std::unordered_map<std::string, CacheEntry> cache;
  std::unordered_map<std::string, std::pair<bool, TimePoint>> tld_live;  // tld → (live, until)

  std::optional<DomainAnswer> cached(const std::string& domain) {
    std::lock_guard lock(mu);
    auto it = cache.find(domain);
    if (it == cache.end()) return std::nullopt;
    if (it->second.expires <= clock->now()) {
      cache.erase(it);
      return std::nullopt;
    }
    auto answer = it->second.answer;
    answer.cached = true;
    return answer;
  }

  void remember(const DomainAnswer& answer) {
    if (answer.state == DomainState::unknown) return;
    auto ttl = answer.state == DomainState::registered ? options.registered_ttl : options.available_ttl;
    if (ttl.count() <= 0 || options.cache_capacity == 0) return;
    std::lock_guard lock(mu);
    if (cache.size() >= options.cache_capacity) {
      auto now = clock->now();
      std::erase_if(cache, [&](const auto& entry) { return entry.second.expires <= now; });
      // Still full: drop an arbitrary half rather than track recency on every read.
      for (auto it = cache.begin(); cache.size() >= options.cache_capacity / 2 + 1 && it != cache.end();)
        it = cache.erase(it);
    }
    cache[answer.domain] = {answer, clock->now() + ttl};
  }
};

std::string_view to_string(DomainState state) {
  switch (state) {
    case DomainState::available: return "available";
    case DomainState::registered: return "registered";
    case DomainState::unknown: return "unknown";
  }
  return "unknown";
}

std::string_view to_string(DomainSource source) {
  switch (source) {
    case DomainSource::zone_index: return "zone-index";
    case DomainSource::dns: return "dns";
    case DomainSource::rdap: return "rdap";
    case DomainSource::none: return "none";
  }
  return "none";
}

Result<DomainChecker> DomainChecker::create(DomainCheckerOptions options) {
  auto state = std::make_shared<State>();
  state->clock = options.clock ? options.clock : &state->system_clock;
  for (auto& tld : options.default_tlds) {
    auto normal = normalize_tld(tld);
    if (!normal) return fail(normal.error());
    tld = *normal;
  }
  std::error_code ec;
  if (!options.zone_dir.empty() && std::filesystem::is_directory(options.zone_dir, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(options.zone_dir, ec)) {
      if (entry.path().extension() != ".zix") continue;
      auto index = ZoneIndex::open(entry.path());
      if (!index) return fail(index.error());
      auto tld = index->info().tld;
      state->zones.emplace(tld, std::move(*index));
    }
  }
  if (options.dns_enabled) {
    auto dns = DnsResolver::create(options.dns);
    if (!dns) return fail(dns.error());
    state->dns.emplace(std::move(*dns));
  }
  if (options.rdap_enabled) {
    auto bootstrap = RdapBootstrap::load(options.rdap_bootstrap);
    if (!bootstrap) return fail(bootstrap.error());
    auto rdap = RdapClient::create(std::move(*bootstrap), options.rdap);
    if (!rdap) return fail(rdap.error());
    state->rdap.emplace(std::move(*rdap));
  }
  state->options = std::move(options);
  return DomainChecker(std::move(state));
}

std::vector<std::string> DomainChecker::indexed_tlds() const {
  std::vector<std::string> tlds;
  for (const auto& [tld, index] : state_->zones) tlds.push_back(tld);
  return tlds;
}

void DomainChecker::clear_cache() const {
  std::lock_guard lock(state_->mu);
  state_->cache.clear();
  state_->tld_live.clear();
}

namespace {

using State = DomainChecker::State;

struct Targets {
  std::vector<std::string> labels;    // normalised, in the caller's order
  std::vector<std::string> suffixes;  // normalised TLDs, without repeats
};

Result<Targets> normalize_targets(std::span<const std::string> names, std::span<const std::string> tlds,
                                  const DomainCheckerOptions& opt) {
  if (names.empty()) return fail(ErrorCode::invalid_argument, "no names to check", "names");
  if (names.size() > opt.max_names)
    return fail(ErrorCode::invalid_argument, fmt::format("{} names; at most {} per call", names.size(), opt.max_names),
                "names");
  Targets t;
  for (const auto& name : names) {
    auto label = normalize_label(name);
    if (!label) return fail(label.error());
    t.labels.push_back(*label);
  }
  for (const auto& tld : tlds.empty() ? std::span<const std::string>(opt.default_tlds) : tlds) {
    auto normal = normalize_tld(tld);
    if (!normal) return fail(normal.error());
    if (std::find(t.suffixes.begin(), t.suffixes.end(), *normal) == t.suffixes.end()) t.suffixes.push_back(*normal);
  }
  return t;
}

// One answer per (label, tld) from the cache or the zone index; `pending` gets the indexes of
// the answers neither could give.
std::vector<DomainAnswer> answer_from_cache_and_zones(State& s, const Targets& t, std::vector<std::size_t>& pending) {
  std::vector<DomainAnswer> answers;
  for (const auto& label : t.labels)
    for (const auto& tld : t.suffixes) {
      DomainAnswer a{.name = label, .tld = tld, .domain = label + "." + tld};
      if (auto hit = s.cached(a.domain)) {
        answers.push_back(std::move(*hit));
        continue;
      }
      if (auto zone = s.zones.find(tld); zone != s.zones.end() && zone->second.registered(label)) {
        a.state = DomainState::registered;
        a.source = DomainSource::zone_index;
        a.reason = fmt::format("delegated in the .{} zone file (imported {})", tld,
                               format_iso8601(zone->second.info().built_unix_ms).substr(0, 10));
        s.remember(a);
      } else {
        pending.push_back(answers.size());
      }
      answers.push_back(std::move(a));
    }
  return answers;
}

// The TLD must be live (its SOA answers) before NXDOMAIN under it means anything: tld → why its
// names cannot be judged, from the remembered liveness and SOA lookups of the TLDs not known yet.
std::map<std::string, std::string> tld_problems(State& s, const std::vector<DomainAnswer>& answers,
                                                const std::vector<std::size_t>& pending,
                                                SteadyClock::time_point deadline) {
  std::map<std::string, std::string> tld_problem;
  std::vector<std::string> unknown_tlds;
  {
    std::lock_guard lock(s.mu);
    auto now = s.clock->now();
    for (std::size_t i : pending) {
      const auto& tld = answers[i].tld;
      auto it = s.tld_live.find(tld);
      if (it != s.tld_live.end() && it->second.second > now) {
        if (!it->second.first) tld_problem[tld] = fmt::format("the TLD .{} does not exist in DNS", tld);
      } else if (std::find(unknown_tlds.begin(), unknown_tlds.end(), tld) == unknown_tlds.end()) {
        unknown_tlds.push_back(tld);
      }
    }
  }
  if (unknown_tlds.empty()) return tld_problem;
  auto soa = s.dns->lookup(unknown_tlds, DnsQueryType::soa, deadline);
  std::lock_guard lock(s.mu);
  auto until = s.clock->now() + std::chrono::hours(1);
  for (const auto& a : soa) {
    if (a.verdict == DnsVerdict::exists) {
      s.tld_live[a.domain] = {true, until};
    } else if (a.verdict == DnsVerdict::nxdomain) {
      s.tld_live[a.domain] = {false, until};
      tld_problem[a.domain] = fmt::format("the TLD .{} does not exist in DNS", a.domain);
    } else {
      tld_problem[a.domain] = fmt::format("DNS: cannot confirm the TLD .{} is live ({})", a.domain, a.detail);
    }
  }
  return tld_problem;
}

// NS lookups of the pending domains under live TLDs: registered when delegated; returns the
// indexes of those answered NXDOMAIN.
std::vector<std::size_t> check_dns(State& s, std::vector<DomainAnswer>& answers, const std::vector<std::size_t>& pending,
                                   SteadyClock::time_point deadline) {
  auto tld_problem = tld_problems(s, answers, pending, deadline);
  std::vector<std::size_t> asked;
  std::vector<std::string> domains;
  for (std::size_t i : pending) {
    if (auto p = tld_problem.find(answers[i].tld); p != tld_problem.end()) {
      answers[i].reason = p->second;
      continue;
    }
    asked.push_back(i);
    domains.push_back(answers[i].domain);
  }
  std::vector<std::size_t> nxdomain;
  auto ns = s.dns->lookup(domains, DnsQueryType::ns, deadline);
  for (std::size_t k = 0; k < asked.size(); ++k) {
    auto& a = answers[asked[k]];
    if (ns[k].verdict == DnsVerdict::exists) {
      a.state = DomainState::registered;
      a.source = DomainSource::dns;
      a.reason = "DNS: " + ns[k].detail;
      s.remember(a);
    } else if (ns[k].verdict == DnsVerdict::nxdomain) {
      nxdomain.push_back(asked[k]);
    } else {
      a.reason = "DNS: " + ns[k].detail;
    }
  }
  return nxdomain;
}

// Without RDAP, NXDOMAIN under a live TLD is the verdict.
void settle_without_rdap(State& s, std::vector<DomainAnswer>& answers, const std::vector<std::size_t>& pending,
                         const std::vector<std::size_t>& nxdomain) {
  for (std::size_t i : nxdomain) {
    auto& a = answers[i];
    a.state = DomainState::available;
    a.source = DomainSource::dns;
    a.reason = fmt::format("NXDOMAIN under the live TLD .{}", a.tld);
    s.remember(a);
  }
  if (!s.dns)
    for (std::size_t i : pending)
      if (answers[i].reason.empty()) answers[i].reason = "not in a zone index, and DNS and RDAP checks are off";
}

void apply_rdap_answer(const State& s, DomainAnswer& a, const RdapAnswer& r) {
  if (r.verdict == RdapVerdict::not_found) {
    a.state = DomainState::available;
    a.source = DomainSource::rdap;
    a.reason = s.dns ? "NXDOMAIN and RDAP 404" : "RDAP 404";
  } else if (r.verdict == RdapVerdict::registered) {
    a.state = DomainState::registered;
    a.source = DomainSource::rdap;
    a.rdap_status = r.status;
    a.registered_at = r.registered_at;
    a.expires_at = r.expires_at;
    a.reserved = r.reserved;
    a.premium = r.premium;
    std::string status;
    for (const auto& st : r.status) status += (status.empty() ? "" : ", ") + st;
    a.reason = fmt::format("{}RDAP 200{}", s.dns ? "not delegated in DNS, but registered: " : "",
                           status.empty() ? "" : " (" + status + ")");
    if (r.reserved) a.reason = "reserved by the registry: " + a.reason;
  } else if (s.dns && !s.rdap->bootstrap().base_url(a.tld)) {
    a.state = DomainState::available;
    a.source = DomainSource::dns;
    a.reason = fmt::format("NXDOMAIN under the live TLD .{} (no RDAP service listed for .{} to confirm)", a.tld,
                           a.tld);
  } else {
    a.reason = (s.dns ? "NXDOMAIN, but RDAP could not confirm: " : "RDAP: ") + r.detail;
  }
}

// RDAP decides the domains DNS left open (NXDOMAIN, or all of them without DNS).
void check_rdap(State& s, std::vector<DomainAnswer>& answers, const std::vector<std::size_t>& nxdomain,
                SteadyClock::time_point deadline) {
  std::vector<std::string> domains;
  for (std::size_t i : nxdomain) domains.push_back(answers[i].domain);
  auto rdap = s.rdap->lookup(domains, deadline);
  for (std::size_t k = 0; k < nxdomain.size(); ++k) {
    auto& a = answers[nxdomain[k]];
    apply_rdap_answer(s, a, rdap[k]);
    s.remember(a);
  }
}

}  // namespace

Result<std::vector<DomainAnswer>> DomainChecker::check(std::span<const std::string> names,
                                                       std::span<const std::string> tlds,
                                                       std::optional<std::chrono::milliseconds> budget) const {
  State& s = *state_;
  auto start = SteadyClock::now();
  auto deadline = start + budget.value_or(s.options.budget);
  auto targets = normalize_targets(names, tlds, s.options);
  if (!targets) return fail(targets.error());

  std::vector<std::size_t> pending;
  auto answers = answer_from_cache_and_zones(s, *targets, pending);
  if (pending.empty()) return answers;

  // Without DNS, RDAP alone decides; with both, DNS gets 60% of the budget.
  auto dns_deadline = s.rdap ? start + (deadline - start) * 6 / 10 : deadline;
  auto nxdomain = s.dns ? check_dns(s, answers, pending, dns_deadline) : pending;
  if (s.rdap) {
    check_rdap(s, answers, nxdomain, deadline);
  } else {
    settle_without_rdap(s, answers, pending, nxdomain);
  }
  return answers;
}

nlohmann::json to_json(std::span<const DomainAnswer> answers) {
  nlohmann::json results = nlohmann::json::array();
  for (const auto& a : answers) {
    nlohmann::json j = {{"name", a.name},     {"tld", a.tld},
                        {"domain", a.domain}, {"state", to_string(a.state)},
                        {"reason", a.reason}, {"source", to_string(a.source)},
                        {"cached", a.cached}};
    if (!a.rdap_status.empty() || !a.registered_at.empty() || !a.expires_at.empty())
      j["rdap"] = {{"status", a.rdap_status}, {"registered_at", a.registered_at}, {"expires_at", a.expires_at}};
    if (a.reserved) j["reserved"] = true;
    if (a.premium) j["premium"] = true;
    results.push_back(std::move(j));
  }
  return {{"results", std::move(results)}};
}

}  // namespace snai::availability
