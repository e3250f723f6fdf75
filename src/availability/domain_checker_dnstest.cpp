// DomainChecker against real servers on loopback: nsd (authoritative for com., io., ai.) and a
// local RDAP server speaking RFC 9083. Label `dns`.
#include "availability/domain_checker.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fmt/format.h>
#include <fstream>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

#include "support/nsd_server.hpp"
#include "support/rdap_server.hpp"

namespace snai::availability {
namespace {

using namespace std::chrono_literals;
using snai::testing::NsdServer;
using snai::testing::RdapServer;
using SteadyClock = std::chrono::steady_clock;

// 100 delegated names per zone plus a few named ones; "free*" names are in no zone.
std::string delegations(std::initializer_list<std::string> extra) {
  std::string records;
  for (int i = 0; i < 100; ++i) records += fmt::format("taken{} NS ns1.host.net.\ntaken{} NS ns2.host.net.\n", i, i);
  for (const auto& name : extra) records += name + " NS ns1.host.net.\n";
  return records;
}

class AvailabilityDns : public ::testing::Test {
 protected:
  void SetUp() override {
    dns_ = std::make_unique<NsdServer>(std::map<std::string, std::string>{
        {"com", delegations({"stripe", "lyft"})}, {"io", delegations({"stripe"})}, {"ai", delegations({})}});
    ASSERT_TRUE(dns_->ready()) << dns_->log();
    dir_ = std::filesystem::temp_directory_path() / fmt::format("snai_avail_{}_{}", getpid(), counter_++);
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "dns.json") << nlohmann::json{
        {"version", "1.0"},
        {"services", {{{"com", "io"}, {rdap_.base_url()}}, {{"ai"}, {strict_rdap_.base_url()}}}}}.dump();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  DomainCheckerOptions options(bool rdap) {
    DomainCheckerOptions o;
    o.dns = {.servers = {dns_->address()}, .timeout_ms = 300, .tries = 1, .attempts = 2, .backoff_ms = 50};
    o.rdap_enabled = rdap;
    o.rdap_bootstrap = dir_ / "dns.json";
    o.rdap.backoff_ms = 50;
    o.rdap.per_server_rate = 1000;
    o.budget = 5s;
    return o;
  }

  static inline int counter_ = 0;
  std::unique_ptr<NsdServer> dns_;
  RdapServer rdap_;
  RdapServer strict_rdap_;  // serves .ai
  std::filesystem::path dir_;
};

const DomainAnswer& find(const std::vector<DomainAnswer>& answers, const std::string& domain) {
  for (const auto& a : answers)
    if (a.domain == domain) return a;
  throw std::runtime_error("no answer for " + domain);
}

TEST_F(AvailabilityDns, ResolverSeesDelegationsNxdomainAndRefusal) {
  auto dns = DnsResolver::create({.servers = {dns_->address()}, .timeout_ms = 300, .tries = 1, .attempts = 1});
  ASSERT_TRUE(dns) << dns.error().message;
  std::vector<std::string> names = {"stripe.com", "free-name.com", "taken7.ai", "stripe.zz"};
  auto answers = dns->lookup(names, DnsQueryType::ns, SteadyClock::now() + 3s);
  ASSERT_EQ(answers.size(), 4u);
  EXPECT_EQ(answers[0].verdict, DnsVerdict::exists) << answers[0].detail;
  EXPECT_EQ(answers[1].verdict, DnsVerdict::nxdomain) << answers[1].detail;
  EXPECT_EQ(answers[2].verdict, DnsVerdict::exists) << answers[2].detail;
  EXPECT_EQ(answers[3].verdict, DnsVerdict::failed) << answers[3].detail;  // nsd refuses zones it lacks
  std::vector<std::string> tlds = {"com", "io"};
  for (const auto& a : dns->lookup(tlds, DnsQueryType::soa, SteadyClock::now() + 3s))
    EXPECT_EQ(a.verdict, DnsVerdict::exists) << a.domain << ": " << a.detail;
  EXPECT_FALSE(DnsResolver::create({.servers = {"not an address"}}));
}

TEST_F(AvailabilityDns, DnsAloneDecidesWhenRdapIsOff) {
  auto checker = DomainChecker::create(options(false));
  ASSERT_TRUE(checker) << checker.error().message;
  std::vector<std::string> names = {"Stripe", "freebird", "taken42"}, tlds = {"com", "io", "ai", "zz"};
  auto answers = checker->check(names, tlds);
  ASSERT_TRUE(answers) << answers.error().message;
  ASSERT_EQ(answers->size(), 12u);
  EXPECT_EQ((*answers)[0].domain, "stripe.com");  // input order, names normalised
  EXPECT_EQ(find(*answers, "stripe.com").state, DomainState::registered);
  EXPECT_EQ(find(*answers, "stripe.com").source, DomainSource::dns);
  EXPECT_EQ(find(*answers, "stripe.io").state, DomainState::registered);
  EXPECT_EQ(find(*answers, "stripe.ai").state, DomainState::available);
  EXPECT_EQ(find(*answers, "stripe.ai").source, DomainSource::dns);
  EXPECT_EQ(find(*answers, "freebird.com").state, DomainState::available);
  EXPECT_EQ(find(*answers, "taken42.ai").state, DomainState::registered);
  for (const auto& name : {"stripe.zz", "freebird.zz", "taken42.zz"}) {
    EXPECT_EQ(find(*answers, name).state, DomainState::unknown);
    EXPECT_NE(find(*answers, name).reason.find("TLD .zz"), std::string::npos) << find(*answers, name).reason;
  }
}

TEST_F(AvailabilityDns, RdapConfirmsAndOverrulesNxdomain) {
  rdap_.set_taken("onhold.com", {"server hold", "client transfer prohibited"});
  rdap_.set_taken("vault.io", {"reserved"});
  rdap_.set_rate_limited("busy.com", 1, 1);
  strict_rdap_.set_rate_limited("throttled.ai", 10, 60);
  rdap_.set_status("broken.com", 500);
  auto checker = DomainChecker::create(options(true));
  ASSERT_TRUE(checker) << checker.error().message;
  std::vector<std::string> names = {"onhold", "busy", "broken", "freebird", "stripe", "vault"};
  std::vector<std::string> tlds = {"com", "io"};
  auto answers = checker->check(names, tlds);
  ASSERT_TRUE(answers) << answers.error().message;
  const auto& held = find(*answers, "onhold.com");
  EXPECT_EQ(held.state, DomainState::registered);
  EXPECT_EQ(held.source, DomainSource::rdap);
  EXPECT_EQ(held.rdap_status, (std::vector<std::string>{"server hold", "client transfer prohibited"}));
  EXPECT_EQ(held.registered_at, "2001-05-17T04:00:00Z");
  EXPECT_TRUE(find(*answers, "vault.io").reserved);
  EXPECT_EQ(find(*answers, "vault.io").state, DomainState::registered);
  EXPECT_EQ(find(*answers, "busy.com").state, DomainState::available) << find(*answers, "busy.com").reason;
  EXPECT_EQ(rdap_.requests("busy.com"), 2);  // waited out Retry-After: 1 once
  EXPECT_EQ(find(*answers, "broken.com").state, DomainState::unknown);
  EXPECT_NE(find(*answers, "broken.com").reason.find("RDAP 500"), std::string::npos);
  EXPECT_EQ(find(*answers, "freebird.io").state, DomainState::available);
  EXPECT_EQ(find(*answers, "freebird.io").source, DomainSource::rdap);
  EXPECT_EQ(find(*answers, "freebird.io").reason, "NXDOMAIN and RDAP 404");
  EXPECT_EQ(find(*answers, "stripe.com").source, DomainSource::dns);
  EXPECT_EQ(rdap_.requests("stripe.com"), 0);  // delegated names never reach RDAP

  // Unknown answers are not cached: the broken name is asked again; available ones are.
  int before = rdap_.requests("broken.com");
  std::vector<std::string> again = {"broken", "freebird"};
  auto second = checker->check(again, tlds);
  ASSERT_TRUE(second);
  EXPECT_GT(rdap_.requests("broken.com"), before);
  EXPECT_TRUE(find(*second, "freebird.io").cached);
  EXPECT_FALSE(find(*second, "broken.com").cached);

  // A Retry-After beyond the budget: unknown at once, and the whole server is left alone.
  std::vector<std::string> throttled = {"throttled"}, ai = {"ai"};
  auto start = SteadyClock::now();
  auto limited = checker->check(throttled, ai);
  ASSERT_TRUE(limited);
  EXPECT_LT(SteadyClock::now() - start, 2s);
  EXPECT_EQ((*limited)[0].state, DomainState::unknown);
  EXPECT_NE((*limited)[0].reason.find("429 (Retry-After 60 s)"), std::string::npos) << (*limited)[0].reason;
  std::vector<std::string> other = {"freebird"};
  auto after = checker->check(other, ai);
  ASSERT_TRUE(after);
  EXPECT_EQ((*after)[0].state, DomainState::unknown) << (*after)[0].reason;
  EXPECT_EQ(strict_rdap_.requests("freebird.ai"), 0);
}

TEST_F(AvailabilityDns, KilledDnsServerGivesUnknownNeverAvailable) {
  auto checker = DomainChecker::create(options(false));
  ASSERT_TRUE(checker);
  std::vector<std::string> names, tlds = {"com", "io", "ai"};
  for (int i = 0; i < 100; ++i) names.push_back(i % 2 ? fmt::format("taken{}", i) : fmt::format("free{}", i));
  // Kill the server while a large check is in flight: each answer is right or unknown.
  std::optional<Result<std::vector<DomainAnswer>>> during;
  std::thread worker([&] { during = checker->check(names, tlds); });
  std::this_thread::sleep_for(5ms);
  dns_->stop();
  worker.join();
  ASSERT_TRUE(during && *during) << (during ? during->error().message : "no result");
  for (const auto& a : **during) {
    bool free = a.name.rfind("free", 0) == 0;
    if (a.state != DomainState::unknown) {
      EXPECT_EQ(a.state, free ? DomainState::available : DomainState::registered) << a.domain;
    }
  }
  // Afterwards: nothing is available, every uncached answer is unknown with a reason, in budget.
  checker->clear_cache();
  auto start = SteadyClock::now();
  auto after = checker->check(names, tlds, 3s);
  auto took = SteadyClock::now() - start;
  ASSERT_TRUE(after);
  EXPECT_LT(took, 3500ms);
  for (const auto& a : *after) {
    EXPECT_EQ(a.state, DomainState::unknown) << a.domain << ": " << a.reason;
    EXPECT_FALSE(a.reason.empty());
  }
}

TEST_F(AvailabilityDns, SilentResolverTimesOutWithinTheBudget) {
  // A UDP socket that never answers: every query times out.
  int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  auto o = options(false);
  o.dns.servers = {fmt::format("127.0.0.1:{}", ntohs(addr.sin_port))};
  o.dns.timeout_ms = 2000;
  o.dns.attempts = 5;
  auto checker = DomainChecker::create(o);
  ASSERT_TRUE(checker);
  std::vector<std::string> names = {"free1", "taken1"}, tlds = {"com"};
  auto start = SteadyClock::now();
  auto answers = checker->check(names, tlds, 800ms);
  auto took = SteadyClock::now() - start;
  ::close(fd);
  ASSERT_TRUE(answers);
  EXPECT_LT(took, 1300ms);
  EXPECT_GE(took, 700ms);
  for (const auto& a : *answers) {
    EXPECT_EQ(a.state, DomainState::unknown);
    EXPECT_NE(a.reason.find("time budget"), std::string::npos) << a.reason;
  }
}

TEST_F(AvailabilityDns, SlowRdapKeepsTheTimeBudget) {
  rdap_.set_delay(5s);
  strict_rdap_.set_delay(5s);
  auto checker = DomainChecker::create(options(true));
  ASSERT_TRUE(checker);
  std::vector<std::string> names = {"free1", "free2", "taken3", "stripe"}, tlds = {"com", "ai"};
  auto start = SteadyClock::now();
  auto answers = checker->check(names, tlds, 1500ms);
  auto took = SteadyClock::now() - start;
  ASSERT_TRUE(answers);
  EXPECT_LT(took, 2000ms);
  EXPECT_EQ(find(*answers, "taken3.com").state, DomainState::registered);  // DNS answered in time
  for (const auto& domain : {"free1.com", "free2.ai", "stripe.ai"}) {
    EXPECT_EQ(find(*answers, domain).state, DomainState::unknown) << domain;
    EXPECT_NE(find(*answers, domain).reason.find("time budget"), std::string::npos) << find(*answers, domain).reason;
  }
}

TEST_F(AvailabilityDns, ZoneIndexAnswersFirstAndCacheExpires) {
  std::vector<std::uint64_t> hashes = {zone_label_hash("zoneonly")};
  ASSERT_TRUE(write_zone_index(hashes, "com", zone_index_path(dir_, "com")));
  ManualClock clock(1'700'000'000'000);
  auto o = options(false);
  o.zone_dir = dir_ / "zones";
  o.clock = &clock;
  o.available_ttl = 60s;
  auto checker = DomainChecker::create(o);
  ASSERT_TRUE(checker) << checker.error().message;
  EXPECT_EQ(checker->indexed_tlds(), (std::vector<std::string>{"com"}));
  std::vector<std::string> names = {"zoneonly", "freebird"}, tlds = {"com"};
  auto first = checker->check(names, tlds);
  ASSERT_TRUE(first);
  EXPECT_EQ(find(*first, "zoneonly.com").source, DomainSource::zone_index);  // not in DNS at all
  EXPECT_EQ(find(*first, "zoneonly.com").state, DomainState::registered);
  EXPECT_EQ(find(*first, "freebird.com").state, DomainState::available);
  EXPECT_TRUE(find(*checker->check(names, tlds), "freebird.com").cached);
  clock.advance_ms(61'000);
  auto later = checker->check(names, tlds);
  EXPECT_FALSE(find(*later, "freebird.com").cached);
  EXPECT_TRUE(find(*later, "zoneonly.com").cached);  // registered answers live a day
}

TEST_F(AvailabilityDns, BadInputFailsTheWholeCall) {
  auto checker = DomainChecker::create(options(false));
  ASSERT_TRUE(checker);
  std::vector<std::string> tlds = {"com"};
  for (const std::string& bad : std::vector<std::string>{"stripe.com", "two words", std::string(64, 'x'), "-x"}) {
    std::vector<std::string> names = {"fine", bad};
    auto r = checker->check(names, tlds);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().field, "names");
  }
  std::vector<std::string> names = {"fine"}, bad_tlds = {"co.uk"};
  EXPECT_EQ(checker->check(names, bad_tlds).error().field, "tlds");
  std::vector<std::string> many(1001, "x");
  EXPECT_FALSE(checker->check(many, tlds));
  std::vector<std::string> unicode = {"café"};
  auto idn = checker->check(unicode, tlds);
  ASSERT_TRUE(idn);
  EXPECT_EQ((*idn)[0].domain, "xn--caf-dma.com");
  EXPECT_EQ((*idn)[0].state, DomainState::available);
}

TEST_F(AvailabilityDns, BoundedConcurrencyStillAnswersEveryName) {
  auto o = options(false);
  o.dns.max_in_flight = 3;
  auto checker = DomainChecker::create(o);
  ASSERT_TRUE(checker);
  std::vector<std::string> names, tlds = {"com", "io", "ai"};
  for (int i = 0; i < 200; ++i) names.push_back(i < 100 ? fmt::format("taken{}", i) : fmt::format("free{}", i));
  auto answers = checker->check(names, tlds);
  ASSERT_TRUE(answers);
  ASSERT_EQ(answers->size(), 600u);
  for (const auto& a : *answers)
    EXPECT_EQ(a.state, a.name.rfind("taken", 0) == 0 ? DomainState::registered : DomainState::available)
        << a.domain << ": " << a.reason;
  auto json = to_json(*answers);
  EXPECT_EQ(json["results"][0]["domain"], "taken0.com");
  EXPECT_EQ(json["results"][0]["state"], "registered");
  EXPECT_EQ(json["results"][0]["source"], "dns");
}

}  // namespace
}  // namespace snai::availability
