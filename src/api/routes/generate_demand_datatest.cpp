// Cache warming from stored demand (label data: the real naming data; a real SQLite file): what a
// server answers is counted, stored as "generate.requested" events, and a fresh cache warmed from
// them holds the most asked answers — byte for byte what the endpoint serves.
#include <filesystem>
#include <gtest/gtest.h>
#include <unistd.h>

#include "api/routes/generate_demand.hpp"
#include "api/routes/generate_routes.hpp"
#include "api/server/http_server.hpp"
#include "api/testing/http_client.hpp"
#include "naming/namer.hpp"
#include "naming/testing/test_knowledge.hpp"
#include "storage/sqlite/sqlite_storage.hpp"

namespace snai::api {
namespace {

namespace fs = std::filesystem;

class GenerateDemandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto namer = naming::testing::test_namer_without_deadline();
    ASSERT_TRUE(namer) << namer.error().describe();
    namer_ = *namer;
  }
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("snai-demand-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    auto opened = storage::open_sqlite((dir_ / "snai.db").string(), {});
    ASSERT_TRUE(opened) << opened.error().describe();
    storage_ = std::move(*opened);
    ASSERT_TRUE(storage_->migrate());
  }
  void TearDown() override {
    storage_.reset();
    fs::remove_all(dir_);
  }

  // A server with its own cache and demand log; `ask` posts bodies to it.
  struct Server {
    std::unique_ptr<cache::ResponseCache> cache = cache::ResponseCache::create({}).value();
    std::unique_ptr<GenerateDemand> demand;
    std::unique_ptr<HttpServer> http;
  };
  std::unique_ptr<Server> start_server() {
    auto server = std::make_unique<Server>();
    server->demand = std::make_unique<GenerateDemand>(*storage_, DemandOptions{.flush_every = std::chrono::hours(1)});
    http_port_ = testing::find_free_port();
    server->http = std::make_unique<HttpServer>(
        ServerConfig{.host = "127.0.0.1", .port = http_port_, .threads = 1},
        deps(*server->cache, server->demand.get()));
    EXPECT_TRUE(server->http->start());
    return server;
  }
  ServerDeps deps(cache::ResponseCache& cache, GenerateDemand* demand) {
    return ServerDeps{.storage = *storage_, .namer = namer_, .response_cache = &cache, .data_version = "test",
                      .demand = demand};
  }
  testing::HttpResponse ask(std::string_view body) {
    auto response = testing::http_request(http_port_, "POST", "/v1/generate", body,
                                          {.headers = {{"Content-Type", "application/json"}},
                                           .timeout = std::chrono::seconds(60)});
    EXPECT_TRUE(response) << response.error().describe();
    return response ? *response : testing::HttpResponse{};
  }
  static std::string key_of(std::string_view body) {
    return generate_cache_key(normalise_generate_request(parse_generate_body(body).value()), "test");
  }

  static inline const naming::Namer* namer_ = nullptr;
  fs::path dir_;
  std::unique_ptr<storage::Storage> storage_;
  int http_port_ = 0;
};

constexpr std::string_view kBikes = R"({"description":"Marketplace for second-hand bicycles","count":5,"seed":2})";
constexpr std::string_view kBikesAgain = R"({"seed":2,"count":5,"description":"marketplace for SECOND-HAND bicycles"})";
constexpr std::string_view kNotes = R"({"description":"AI note-taking for doctors","count":5,"seed":2})";
constexpr std::string_view kYoga = R"({"description":"Yoga classes for office workers","count":5,"seed":2})";

TEST_F(GenerateDemandTest, AnsweredRequestsAreStoredAsCountedCanonicalEvents) {
  {
    auto server = start_server();
    for (auto body : {kBikes, kBikesAgain, kBikes, kNotes}) ASSERT_EQ(ask(body).status, 200);
    ASSERT_EQ(ask(R"({"description":"x","count":0})").status, 400);  // refused: not counted
    ASSERT_TRUE(server->demand->flush());
  }
  auto events = storage_->list_events({.type = std::string(kGenerateRequestedEvent)}, {.limit = 100});
  ASSERT_TRUE(events) << events.error().describe();
  ASSERT_EQ(events->items.size(), 2u);
  std::map<std::string, std::int64_t> counts;
  for (const auto& event : events->items) {
    const auto& request = event.properties.at("request");
    counts[request.at("description").get<std::string>()] += event.properties.at("count").get<std::int64_t>();
    // The canonical form is a request body that asks the same.
    EXPECT_TRUE(parse_generate_body(request.dump())) << request.dump();
  }
  EXPECT_EQ(counts["marketplace for second-hand bicycles"], 3);
  EXPECT_EQ(counts["ai note-taking for doctors"], 1);
}

TEST_F(GenerateDemandTest, AFreshCacheIsWarmedWithTheMostAskedAnswersFirst) {
  std::string bikes_answer;
  {
    auto server = start_server();
    for (int i = 0; i < 3; ++i) ASSERT_EQ(ask(kBikes).status, 200);
    for (int i = 0; i < 2; ++i) ASSERT_EQ(ask(kNotes).status, 200);
    ASSERT_EQ(ask(kYoga).status, 200);
    bikes_answer = ask(kBikes).body;
  }  // the demand log flushes as it is destroyed

  auto fresh = cache::ResponseCache::create({}).value();
  std::atomic<bool> stop{false};
  auto report = warm_generate_cache(deps(*fresh, nullptr), {.top = 2}, stop);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->distinct, 3);
  EXPECT_EQ(report->warmed, 2);
  EXPECT_EQ(report->failed, 0);
  EXPECT_EQ(fresh->stats().l1.entries, 2u);

  // The two most asked are L1 hits now, with the bytes the endpoint served (but for took_ms).
  auto computed = [&](std::string_view body) {
    bool ran = false;
    auto served = fresh->get_or_compute(key_of(body), [&]() -> Result<cache::Computed> {
      ran = true;
      return cache::Computed{.value = "computed"};
    });
    EXPECT_TRUE(served);
    return std::pair{ran, served ? served->value : std::string()};
  };
  auto [bikes_ran, bikes] = computed(kBikes);
  EXPECT_FALSE(bikes_ran);
  EXPECT_EQ(naming::testing::without_took_ms(bikes), naming::testing::without_took_ms(bikes_answer));
  EXPECT_FALSE(computed(kNotes).first);
  EXPECT_TRUE(computed(kYoga).first);  // third: beyond top

  // Warming again finds them present; a stop request ends it before any work.
  auto again = warm_generate_cache(deps(*fresh, nullptr), {.top = 2}, stop);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->present, 2);
  EXPECT_EQ(again->warmed, 0);
  stop = true;
  auto stopped = warm_generate_cache(deps(*fresh, nullptr), {.top = 2}, stop);
  ASSERT_TRUE(stopped);
  EXPECT_EQ(stopped->warmed + stopped->present, 0);
}

TEST_F(GenerateDemandTest, EventsBeforeTheWindowAreIgnored) {
  ASSERT_TRUE(storage_->append_events({{.type = std::string(kGenerateRequestedEvent),
                                        .properties = {{"request", nlohmann::json::parse(kBikes)}, {"count", 50}},
                                        .ts_ms = 1000}}));
  auto fresh = cache::ResponseCache::create({}).value();
  std::atomic<bool> stop{false};
  auto report = warm_generate_cache(deps(*fresh, nullptr), {.top = 10, .since_ms = 2000}, stop);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->distinct, 0);
  EXPECT_EQ(fresh->stats().l1.entries, 0u);
}

TEST_F(GenerateDemandTest, BeyondItsBoundTheLogDropsAndSaysSo) {
  GenerateDemand demand(*storage_, {.flush_every = std::chrono::hours(1), .max_distinct = 2});
  demand.record(key_of(kBikes), kBikes);
  demand.record(key_of(kNotes), kNotes);
  demand.record(key_of(kYoga), kYoga);
  demand.record(key_of(kBikes), kBikes);  // known: still counted
  EXPECT_EQ(demand.dropped(), 1u);
  ASSERT_TRUE(demand.flush());
  auto count = storage_->count_events({.type = std::string(kGenerateRequestedEvent)});
  ASSERT_TRUE(count);
  EXPECT_EQ(*count, 2);
}

}  // namespace
}  // namespace snai::api
