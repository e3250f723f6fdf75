// Scale-out behind HAProxy: two `snai serve` instances on the harness's PostgreSQL and
// Redis, deploy/haproxy.cfg in front, a bounded load from four client threads mixing reads
// (GET /healthz, GET /v1/projects) and writes (projects, names, feedback, events), and one
// instance taken away mid-run — killed (SIGKILL), or drained and restarted (a rolling restart).
// Every acknowledged write (a 2xx carrying its id) must be in PostgreSQL afterwards, and the
// error rate over all requests must stay at or below 0.1% (zero for the drained restart).
//
//   scripts/services.sh start && source build/services/env && build/tests/scaleout_haproxy_test
#include <atomic>
#include <chrono>
#include <csignal>
#include <functional>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "api/testing/http_client.hpp"
#include "scaleout_cluster.hpp"

namespace snai::testing {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;
constexpr int kClients = 4;
// The run lasts kRunFor and at least kMinRequests (an error budget of 10 requests at 0.1%: the
// few writes in flight at a kill cannot be replayed safely), but never more than kMaxRun.
constexpr auto kRunFor = std::chrono::seconds(12), kMaxRun = std::chrono::seconds(45);
constexpr long kMinRequests = 10'000;

// What the servers acknowledged, to look for in PostgreSQL afterwards.
struct Ledger {
  std::mutex mu;
  std::map<std::string, std::string> projects;                         // id -> owner user id
  std::map<std::string, std::string> names;                            // id -> project id
  std::map<std::string, std::pair<std::string, std::string>> verdicts;  // name id -> (user id, kind)
  std::map<long long, std::pair<std::string, std::string>> events;      // seq -> (type, user id)
};

struct Tally {
  std::atomic<long> requests{0}, reads{0}, writes{0}, errors{0}, ok_after_event{0};
  std::atomic<long> max_latency_ms{0};
  std::mutex mu;
  std::vector<std::string> first_errors;
};

// One client thread: its own key, projects and names; a seeded mix of reads and writes.
class Client {
 public:
  Client(int index, ApiKey key, int lb_port, Ledger& ledger, Tally& tally, const std::atomic<bool>& event_done)
      : index_(index), key_(std::move(key)), lb_port_(lb_port), ledger_(ledger), tally_(tally),
        event_done_(event_done), random_(static_cast<unsigned>(1000 + index)) {}

  void run_while(const std::atomic<bool>& stop) {
    while (!stop) step();
  }

 private:
  void step() {
    const int dice = std::uniform_int_distribution<int>(0, 99)(random_);
    if (projects_.empty() || dice < 12) return create_project();
    if (dice < 27) return read("/healthz", false);
    if (dice < 42) return read("/v1/projects?limit=20", true);
    if (fresh_names_.empty() || dice < 60) return add_names();
    if (dice < 80) return give_feedback();
    return send_events();
  }

  std::optional<api::testing::HttpResponse> call(std::string_view method, const std::string& target, bool keyed,
                                                 const std::string& body, int expected_status) {
    api::testing::RequestOptions options{.timeout = std::chrono::seconds(15)};
    if (keyed) options.headers.emplace_back("Authorization", "Bearer " + key_.secret);
    if (!body.empty()) options.headers.emplace_back("Content-Type", "application/json");
    const auto started = Clock::now();
    auto response = api::testing::http_request(lb_port_, method, target, body, options);
    const long ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    for (long seen = tally_.max_latency_ms; ms > seen && !tally_.max_latency_ms.compare_exchange_weak(seen, ms);) {
    }
    ++tally_.requests;
    ++(method == "GET" ? tally_.reads : tally_.writes);
    if (response && response->status == expected_status) {
      if (event_done_) ++tally_.ok_after_event;
      return std::move(*response);
    }
    ++tally_.errors;
    std::lock_guard lock(tally_.mu);
    if (tally_.first_errors.size() < 20)
      tally_.first_errors.push_back(fmt::format("{} {}: {}", method, target,
                                                response ? fmt::format("{} {}", response->status, response->body)
                                                         : response.error().describe()));
    return std::nullopt;
  }

  void read(const std::string& target, bool keyed) { call("GET", target, keyed, "", 200); }

  void create_project() {
    Json body = {{"description", fmt::format("scale-out client {} project {}", index_, ++counter_)},
                 {"keywords", {"load", "haproxy"}}};
    auto response = call("POST", "/v1/projects", true, body.dump(), 201);
    if (!response) return;
    const std::string id = response->json().value("id", "");
    if (id.empty()) return;
    projects_.push_back(id);
    std::lock_guard lock(ledger_.mu);
    ledger_.projects[id] = key_.user_id;
  }

  void add_names() {
    const std::string& project = projects_[random_() % projects_.size()];
    Json names = Json::array();
    for (int i = 0; i < 2; ++i)
      names.push_back({{"name", fmt::format("Zel{}x{}", index_, ++counter_)}, {"style", "invented"}, {"score", 61.5}});
    auto response = call("POST", "/v1/projects/" + project + "/names", true, Json{{"names", names}}.dump(), 201);
    if (!response) return;
    const Json stored = response->json();
    std::lock_guard lock(ledger_.mu);
    for (const auto& name : stored["names"]) {
      fresh_names_.push_back(name["id"].get<std::string>());
      ledger_.names[name["id"].get<std::string>()] = project;
    }
  }

  // Each name gets one verdict, so the stored verdict must be exactly the acknowledged one.
  void give_feedback() {
    const std::string name_id = fresh_names_.back();
    fresh_names_.pop_back();
    const std::string kind = random_() % 2 ? "favorite" : "dismiss";
    auto response = call("POST", "/v1/feedback", true, Json{{"name_id", name_id}, {"kind", kind}}.dump(), 200);
    if (!response || response->json().value("kind", "") != kind) return;
    std::lock_guard lock(ledger_.mu);
    ledger_.verdicts[name_id] = {key_.user_id, kind};
  }

  void send_events() {
    Json events = {{{"type", "scaleout.view"}, {"project_id", projects_.back()}, {"properties", {{"client", index_}}}},
                   {{"type", "scaleout.ping"}}};
    auto response = call("POST", "/v1/events", true, Json{{"events", events}}.dump(), 202);
    if (!response) return;
    auto seqs = response->json()["seqs"];
    if (!seqs.is_array() || seqs.size() != events.size()) return;
    std::lock_guard lock(ledger_.mu);
    for (std::size_t i = 0; i < seqs.size(); ++i)
      ledger_.events[seqs[i].get<long long>()] = {events[i]["type"].get<std::string>(), key_.user_id};
  }

  int index_;
  ApiKey key_;
  int lb_port_;
  Ledger& ledger_;
  Tally& tally_;
  const std::atomic<bool>& event_done_;
  std::mt19937 random_;
  int counter_ = 0;
  std::vector<std::string> projects_, fresh_names_;
};

// Rows of one query as strings; a failed query fails the test.
std::vector<std::vector<std::string>> query(PGconn* conn, const char* sql) {
  std::vector<std::vector<std::string>> rows;
  PGresult* result = PQexec(conn, sql);
  EXPECT_EQ(PQresultStatus(result), PGRES_TUPLES_OK) << sql << ": " << PQerrorMessage(conn);
  for (int r = 0; r < PQntuples(result); ++r) {
    rows.emplace_back();
    for (int c = 0; c < PQnfields(result); ++c) rows.back().emplace_back(PQgetvalue(result, r, c));
  }
  PQclear(result);
  return rows;
}

struct Verified {
  long projects = 0, names = 0, verdicts = 0, events = 0, missing = 0;
};

// Looks for every acknowledged write in PostgreSQL itself, not through the API under test.
Verified verify_in_postgres(const std::string& url, const Ledger& ledger) {
  Verified v;
  PGconn* conn = PQconnectdb(url.c_str());
  EXPECT_EQ(PQstatus(conn), CONNECTION_OK) << PQerrorMessage(conn);
  std::map<std::string, std::string> projects, names;
  for (auto& row : query(conn, "SELECT id, owner_id FROM projects")) projects[row[0]] = row[1];
  for (auto& row : query(conn, "SELECT id, project_id FROM names")) names[row[0]] = row[1];
  std::map<std::string, std::pair<std::string, std::string>> verdicts;
  for (auto& row : query(conn, "SELECT name_id, user_id, kind FROM feedback")) verdicts[row[0]] = {row[1], row[2]};
  std::map<long long, std::pair<std::string, std::string>> events;
  for (auto& row : query(conn, "SELECT seq, type, user_id FROM events")) events[std::stoll(row[0])] = {row[1], row[2]};
  // The feedback route also files an event naming the name; the verdict is not complete without it.
  std::set<std::string> verdict_events;
  for (auto& row : query(conn, "SELECT properties->>'name_id' FROM events WHERE type IN ('name.favorited', 'name.dismissed')"))
    verdict_events.insert(row[0]);
  PQfinish(conn);

  auto check = [&](bool found, long& count, const std::string& what) {
    if (found) return void(++count);
    if (++v.missing <= 10) ADD_FAILURE() << "acknowledged but not stored: " << what;
  };
  for (auto& [id, owner] : ledger.projects) check(projects.contains(id) && projects[id] == owner, v.projects, "project " + id);
  for (auto& [id, project] : ledger.names) check(names.contains(id) && names[id] == project, v.names, "name " + id);
  for (auto& [id, verdict] : ledger.verdicts)
    check(verdicts.contains(id) && verdicts[id] == verdict && verdict_events.contains(id), v.verdicts, "verdict on " + id);
  for (auto& [seq, event] : ledger.events)
    check(events.contains(seq) && events[seq] == event, v.events, "event " + std::to_string(seq));
  return v;
}

class ScaleOutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string problem = cluster_.start();
    ASSERT_EQ(problem, "") << cluster_.logs();
    for (int i = 0; i < kClients; ++i) {
      keys_.push_back(cluster_.create_key("client" + std::to_string(i)));
      ASSERT_FALSE(keys_.back().secret.empty() || keys_.back().user_id.empty());
    }
  }

  // Runs the clients for at least kRunFor (and kMinRequests), and on for 4 s after `event`
  // (run on this thread `event_after` into the run) has finished.
  void run_load(std::chrono::seconds event_after, const std::function<void()>& event) {
    const auto started = Clock::now();
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < kClients; ++i)
      threads.emplace_back([&, i] { Client(i, keys_[i], cluster_.lb_port(), ledger_, tally_, event_done_).run_while(stop); });
    std::this_thread::sleep_until(started + event_after);
    event();
    event_done_ = true;
    std::this_thread::sleep_until(std::max(started + kRunFor, Clock::now() + std::chrono::seconds(4)));
    while (tally_.requests < kMinRequests && Clock::now() < started + kMaxRun)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stop = true;
    for (auto& t : threads) t.join();
  }

  void report_and_verify(const std::string& scenario, double max_error_rate) {
    const long requests = tally_.requests, errors = tally_.errors;
    const double rate = requests ? static_cast<double>(errors) / static_cast<double>(requests) : 1.0;
    auto verified = verify_in_postgres(cluster_.database_url(), ledger_);
    const long acknowledged = static_cast<long>(ledger_.projects.size() + ledger_.names.size() +
                                                ledger_.verdicts.size() + ledger_.events.size());
    std::printf("scale-out (%s): %ld requests (%ld reads, %ld writes), %ld errors, error rate %.4f%%, max latency %ld ms\n"
                "  acknowledged writes %ld: projects %zu, names %zu, verdicts %zu, events %zu; verified in PostgreSQL %ld, "
                "missing %ld\n",
                scenario.c_str(), requests, tally_.reads.load(), tally_.writes.load(), errors, 100.0 * rate,
                tally_.max_latency_ms.load(), acknowledged, ledger_.projects.size(), ledger_.names.size(),
                ledger_.verdicts.size(), ledger_.events.size(),
                verified.projects + verified.names + verified.verdicts + verified.events, verified.missing);
    std::string first_errors;
    for (const auto& e : tally_.first_errors) first_errors += "\n  " + e;
    if (!first_errors.empty()) std::printf("  failed requests:%s\n", first_errors.c_str());
    EXPECT_GE(requests, kMinRequests) << "too little load in " << kMaxRun.count() << " s to judge an error rate";
    EXPECT_LE(rate, max_error_rate) << first_errors << "\n" << cluster_.logs();
    EXPECT_GT(tally_.ok_after_event.load(), 100) << "the service did not go on after the instance went away";
    EXPECT_EQ(verified.missing, 0);
    EXPECT_GT(verified.projects, 0);
    EXPECT_GT(verified.names, 0);
    EXPECT_GT(verified.verdicts, 0);
    EXPECT_GT(verified.events, 0);
  }

  ScaleOutCluster cluster_;
  std::vector<ApiKey> keys_;
  Ledger ledger_;
  Tally tally_;
  std::atomic<bool> event_done_{false};
};

TEST_F(ScaleOutTest, KillingAnInstanceUnderLoadLosesNoAcknowledgedWrite) {
  long served_before[ScaleOutCluster::kInstances] = {};
  run_load(std::chrono::seconds(5), [&] {
    for (int i = 0; i < ScaleOutCluster::kInstances; ++i)
      served_before[i] = cluster_.stat("snai" + std::to_string(i + 1), "hrsp_2xx").value_or(0);
    EXPECT_EQ(cluster_.instance(1).stop(SIGKILL, 2000), 128 + SIGKILL);
  });
  // Both instances carried traffic before the kill; HAProxy's health checks found the dead one.
  EXPECT_GT(served_before[0], 50);
  EXPECT_GT(served_before[1], 50);
  EXPECT_EQ(cluster_.server_states()["snai2"], "DOWN");
  EXPECT_EQ(cluster_.server_states()["snai1"], "UP");
  report_and_verify("SIGKILL of one of two instances", 0.001);
}

TEST_F(ScaleOutTest, ADrainedRollingRestartAnswersEveryRequest) {
  run_load(std::chrono::seconds(3), [&] {
    // The runbook of docs/deploy.md, one instance at a time: drain in HAProxy, wait for its
    // requests to finish, SIGTERM (snai drains what is left), start again, wait for UP, ready.
    for (int i = 0; i < ScaleOutCluster::kInstances; ++i) {
      const std::string server = "snai" + std::to_string(i + 1);
      cluster_.admin("set server snai/" + server + " state drain");
      EXPECT_TRUE(cluster_.wait_for_state(server, "DRAIN", 5000)) << cluster_.server_states()[server];
      for (int waited = 0; cluster_.stat(server, "scur").value_or(0) > 0 && waited < 5000; waited += 50)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      EXPECT_EQ(cluster_.instance(i).stop(SIGTERM, 12000), 0) << cluster_.logs();
      cluster_.restart_instance(i);
      for (int waited = 0; !cluster_.instance_ready(i) && waited < 20000; waited += 50)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      cluster_.admin("set server snai/" + server + " state ready");
      EXPECT_TRUE(cluster_.wait_for_state(server, "UP", 15000)) << cluster_.server_states()[server] << cluster_.logs();
    }
  });
  report_and_verify("drained rolling restart of both instances", 0.0);
}

}  // namespace
}  // namespace snai::testing
