// `snai import zone` and `snai check` as a user runs them: the real binary, configured through
// SNAI_* variables, against a real nsd on loopback (authoritative for com. and io.) and a local
// RDAP server. Label dns.
#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/id.hpp"
#include "support/nsd_server.hpp"
#include "support/process.hpp"
#include "support/rdap_server.hpp"

namespace snai::testing {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using SteadyClock = std::chrono::steady_clock;

// taken0..taken49 delegated in both zones; stripe in both, lyft in com only.
std::string delegations(std::initializer_list<std::string> extra) {
  std::string records;
  for (int i = 0; i < 50; ++i) records += fmt::format("taken{} NS ns1.host.net.\ntaken{} NS ns2.host.net.\n", i, i);
  for (const auto& name : extra) records += name + " NS ns1.host.net.\n";
  return records;
}

// What a registry publishes for .com (CZDS style): "zoneonly" is delegated here but not in nsd's
// zone, so only the imported index can know it is taken.
constexpr const char* kComZoneFile =
    "com.\t900\tin\tsoa\ta.gtld-servers.net. nstld.verisign-grs.com. 1700000000 1800 900 604800 86400\n"
    "com.\t172800\tin\tns\ta.gtld-servers.net.\n"
    "zoneonly.com.\t172800\tin\tns\tns1.example.net.\n"
    "zoneonly.com.\t172800\tin\tns\tns2.example.net.\n"
    "stripe.com.\t172800\tin\tns\tns1.stripe.net.\n"
    "ns1.zoneonly.com.\t172800\tin\ta\t192.0.2.1\n";

class CheckCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dns_ = std::make_unique<NsdServer>(
        std::map<std::string, std::string>{{"com", delegations({"stripe", "lyft"})}, {"io", delegations({"stripe"})}});
    ASSERT_TRUE(dns_->ready()) << dns_->log();
    dir_ = fs::temp_directory_path() / ("snai_check_cli_" + random_token(6));
    fs::create_directories(dir_);
    std::ofstream(dir_ / "com.zone") << kComZoneFile;
    std::ofstream(dir_ / "dns.json")
        << nlohmann::json{{"version", "1.0"}, {"services", {{{"com", "io"}, {rdap_.base_url()}}}}}.dump();
  }
  void TearDown() override { fs::remove_all(dir_); }

  // snai in the scratch dir, its data under var/, DNS pointed at nsd; `env` adds or overrides.
  Outcome snai(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), SNAI_BINARY);
    env.emplace("SNAI_DATA_DIR", (dir_ / "var").string());
    env.emplace("SNAI_DNS_SERVERS", dns_->address());
    env.emplace("SNAI_AVAILABILITY_BUDGET_MS", "4000");
    return run({.args = args, .env = env, .cwd = dir_.string()});
  }

  void import_com_zone(std::map<std::string, std::string> env = {}) {
    auto out = snai({"import", "zone", (dir_ / "com.zone").string(), "--tld", "com", "--json"}, env);
    ASSERT_EQ(out.exit_code, 0) << out.err << out.out;
    auto j = nlohmann::json::parse(out.out);
    EXPECT_EQ(j["tld"], "com");
    EXPECT_EQ(j["names"], 2);  // zoneonly, stripe
  }

  std::unique_ptr<NsdServer> dns_;
  RdapServer rdap_;
  fs::path dir_;
};

// domain → its result object, after checking that every answer is there once.
std::map<std::string, nlohmann::json> by_domain(const std::string& stdout_text, std::size_t expected) {
  auto j = nlohmann::json::parse(stdout_text);
  std::map<std::string, nlohmann::json> out;
  for (const auto& r : j.at("results")) out[r.at("domain").get<std::string>()] = r;
  EXPECT_EQ(j["results"].size(), expected) << stdout_text;
  EXPECT_EQ(out.size(), expected) << stdout_text;
  return out;
}

TEST_F(CheckCli, ImportedZoneAndDnsDecideWithRdapOff) {
  import_com_zone();
  EXPECT_TRUE(fs::exists(dir_ / "var" / "zones" / "com.zix")) << "default zone dir is <data_dir>/zones";

  auto out = snai({"check", "Stripe", "zoneonly", "freebird", "taken7", "--tlds", "com,io", "--json"});
  ASSERT_EQ(out.exit_code, 0) << out.err << out.out;
  EXPECT_EQ(nlohmann::json::parse(out.out)["results"][0]["domain"], "stripe.com") << "input order, names normalised";
  auto r = by_domain(out.out, 8);
  auto expect = [&](const std::string& domain, const std::string& state, const std::string& source) {
    EXPECT_EQ(r[domain]["state"], state) << r[domain].dump();
    EXPECT_EQ(r[domain]["source"], source) << r[domain].dump();
    EXPECT_FALSE(r[domain]["reason"].get<std::string>().empty()) << domain;
  };
  expect("stripe.com", "registered", "zone-index");  // the index answers before DNS is asked
  expect("stripe.io", "registered", "dns");
  expect("zoneonly.com", "registered", "zone-index");
  expect("zoneonly.io", "available", "dns");
  expect("freebird.com", "available", "dns");
  expect("freebird.io", "available", "dns");
  expect("taken7.com", "registered", "dns");
  expect("taken7.io", "registered", "dns");
  EXPECT_NE(r["freebird.com"]["reason"].get<std::string>().find("NXDOMAIN"), std::string::npos);

  auto text = snai({"check", "freebird", "lyft", "--tlds", "com"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("DOMAIN"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("freebird.com  available"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("lyft.com      registered"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("1 available, 1 registered, 0 unknown"), std::string::npos) << text.out;
}

TEST_F(CheckCli, ImportAndCheckShareTheConfiguredZoneDir) {
  auto zones = dir_ / "elsewhere" / "zones";
  import_com_zone({{"SNAI_ZONE_DIR", zones.string()}});
  EXPECT_TRUE(fs::exists(zones / "com.zix"));
  EXPECT_FALSE(fs::exists(dir_ / "var" / "zones" / "com.zix"));

  auto with_index = snai({"check", "zoneonly", "--tlds", "com", "--json"}, {{"SNAI_ZONE_DIR", zones.string()}});
  ASSERT_EQ(with_index.exit_code, 0) << with_index.err;
  auto r = by_domain(with_index.out, 1);
  EXPECT_EQ(r["zoneonly.com"]["state"], "registered");
  EXPECT_EQ(r["zoneonly.com"]["source"], "zone-index");

  // The default zone dir holds no index: DNS alone sees nothing delegated.
  auto without = snai({"check", "zoneonly", "--tlds", "com", "--json"});
  ASSERT_EQ(without.exit_code, 0) << without.err;
  EXPECT_EQ(by_domain(without.out, 1)["zoneonly.com"]["state"], "available");
}

TEST_F(CheckCli, WithRdapOnAvailableNeedsA404) {
  rdap_.set_taken("onhold.com", {"server hold", "client transfer prohibited"});
  rdap_.set_status("broken.com", 500);
  std::map<std::string, std::string> rdap_env = {{"SNAI_RDAP_ENABLED", "true"},
                                                 {"SNAI_RDAP_BOOTSTRAP", (dir_ / "dns.json").string()}};
  auto out = snai({"check", "freebird", "onhold", "broken", "stripe", "--tlds", "com", "--json"}, rdap_env);
  ASSERT_EQ(out.exit_code, 0) << out.err << out.out;
  auto r = by_domain(out.out, 4);
  EXPECT_EQ(r["freebird.com"]["state"], "available");
  EXPECT_EQ(r["freebird.com"]["source"], "rdap");
  EXPECT_GE(rdap_.requests("freebird.com"), 1);
  EXPECT_EQ(r["onhold.com"]["state"], "registered") << "NXDOMAIN, but the registry holds it";
  EXPECT_EQ(r["onhold.com"]["source"], "rdap");
  EXPECT_EQ(r["onhold.com"]["rdap"]["status"][0], "server hold");
  EXPECT_EQ(r["broken.com"]["state"], "unknown") << "RDAP failed: NXDOMAIN alone is not enough";
  EXPECT_GE(rdap_.requests("broken.com"), 1);
  EXPECT_EQ(r["stripe.com"]["state"], "registered");
  EXPECT_EQ(rdap_.requests("stripe.com"), 0) << "delegated names need no RDAP";

  // RDAP on without its bootstrap file is a configuration error naming the key.
  auto missing = snai({"check", "freebird", "--json"},
                      {{"SNAI_RDAP_ENABLED", "true"}, {"SNAI_RDAP_BOOTSTRAP", (dir_ / "nope.json").string()}});
  EXPECT_EQ(missing.exit_code, 2) << missing.out;
  EXPECT_EQ(nlohmann::json::parse(missing.out)["error"]["field"], "availability.rdap_bootstrap");
}

TEST_F(CheckCli, BadInputExitsTwoNamingTheField) {
  for (const std::string& bad : std::vector<std::string>{"stripe.com", "two words", std::string(64, 'x'), "x-", "ab--c"}) {
    auto out = snai({"check", "fine", bad, "--json"});
    EXPECT_EQ(out.exit_code, 2) << bad << ": " << out.out;
    auto j = nlohmann::json::parse(out.out);
    EXPECT_EQ(j["error"]["code"], "invalid_argument") << bad;
    EXPECT_EQ(j["error"]["field"], "names") << bad;
    EXPECT_FALSE(out.err.empty());
  }
  for (const std::string& tlds : std::vector<std::string>{"com,zz", "co.uk", "c_m"}) {
    auto out = snai({"check", "fine", "--tlds", tlds, "--json"});
    EXPECT_EQ(out.exit_code, 2) << tlds << ": " << out.out;
    EXPECT_EQ(nlohmann::json::parse(out.out)["error"]["field"], "tlds") << tlds;
  }
  auto config_tlds = snai({"check", "fine", "--json"}, {{"SNAI_AVAILABILITY_TLDS", "com,notatld"}});
  EXPECT_EQ(config_tlds.exit_code, 2);
  EXPECT_EQ(nlohmann::json::parse(config_tlds.out)["error"]["field"], "availability.tlds");
  auto bad_server = snai({"check", "fine"}, {{"SNAI_DNS_SERVERS", "dns.example.net:53"}});
  EXPECT_EQ(bad_server.exit_code, 2);
  EXPECT_NE(bad_server.err.find("SNAI_DNS_SERVERS"), std::string::npos) << bad_server.err;
  auto bad_bool = snai({"check", "fine"}, {{"SNAI_RDAP_ENABLED", "yes please"}});
  EXPECT_EQ(bad_bool.exit_code, 2);
  EXPECT_NE(bad_bool.err.find("SNAI_RDAP_ENABLED"), std::string::npos) << bad_bool.err;
  std::vector<std::string> many = {"check", "--tlds", "com", "--json"};
  for (int i = 0; i < 1001; ++i) many.push_back(fmt::format("n{}", i));
  auto too_many = snai(many);
  EXPECT_EQ(too_many.exit_code, 2);
  EXPECT_EQ(nlohmann::json::parse(too_many.out)["error"]["field"], "names");
}

TEST_F(CheckCli, KilledDnsServerGivesUnknownNeverAvailable) {
  import_com_zone();
  std::vector<std::string> args = {"check", "--tlds", "com,io", "--json"};
  for (int i = 0; i < 400; ++i) args.push_back(i < 50 ? fmt::format("taken{}", i) : fmt::format("free{}", i));
  auto right_or_unknown = [](const nlohmann::json& r) {
    auto name = r["name"].get<std::string>();
    auto state = r["state"].get<std::string>();
    if (state == "unknown") return !r["reason"].get<std::string>().empty();
    return state == (name.starts_with("free") ? "available" : "registered");
  };

  // With nsd up every answer is right; the run's length tells when "mid-way" is.
  auto start = SteadyClock::now();
  auto full = snai(args);
  auto full_time = SteadyClock::now() - start;
  ASSERT_EQ(full.exit_code, 0) << full.err;
  for (const auto& r : by_domain(full.out, 800))
    EXPECT_TRUE(right_or_unknown(r.second) && r.second["state"] != "unknown") << r.second.dump();

  // Kill nsd while the same check is in flight: each answer is right or unknown.
  Outcome during;
  std::thread worker([&] { during = snai(args); });
  std::this_thread::sleep_for(full_time / 2);
  dns_->stop();
  worker.join();
  ASSERT_TRUE(during.exit_code == 0 || during.exit_code == 1) << during.err;
  int unknown_during = 0;
  for (const auto& r : by_domain(during.out, 800)) {
    EXPECT_TRUE(right_or_unknown(r.second)) << r.second.dump();
    unknown_during += r.second["state"] == "unknown";
  }
  RecordProperty("unknown_during_kill", unknown_during);  // how far the check got before the kill

  // Afterwards DNS decides nothing; the imported index still knows its names.
  start = SteadyClock::now();
  auto after = snai({"check", "free1", "taken1", "zoneonly", "--tlds", "com,io", "--json"});
  EXPECT_LT(SteadyClock::now() - start, 6s) << "the 4 s budget holds";
  ASSERT_EQ(after.exit_code, 0) << after.err;
  auto r = by_domain(after.out, 6);
  EXPECT_EQ(r["zoneonly.com"]["state"], "registered");
  EXPECT_EQ(r["zoneonly.com"]["source"], "zone-index");
  for (const auto& domain : {"free1.com", "free1.io", "taken1.com", "taken1.io", "zoneonly.io"}) {
    EXPECT_EQ(r[domain]["state"], "unknown") << r[domain].dump();
    EXPECT_FALSE(r[domain]["reason"].get<std::string>().empty()) << domain;
  }

  // Nothing decidable at all: exit 1, with the reason.
  auto nothing = snai({"check", "free1", "--tlds", "com,io"});
  EXPECT_EQ(nothing.exit_code, 1) << nothing.out;
  EXPECT_NE(nothing.out.find("free1.com"), std::string::npos) << nothing.out;
  EXPECT_NE(nothing.err.find("no domain could be checked"), std::string::npos) << nothing.err;
  EXPECT_EQ(nothing.out.find("available "), std::string::npos) << nothing.out;
}

}  // namespace
}  // namespace snai::testing
