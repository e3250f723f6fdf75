#include "api/middleware/metrics.hpp"

#include <gtest/gtest.h>

#include "api/internal/observability.hpp"
#include <limits>
#include <sstream>
#include <thread>
#include <vector>

namespace snai::api::metrics {
namespace {

// The exposition's sample lines (no comments), for exact comparisons.
std::vector<std::string> samples(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.front() != '#') out.push_back(line);
  }
  return out;
}

TEST(MetricsText, EscapesLabelValuesAndHelp) {
  EXPECT_EQ(escape_label_value(R"(a\b"c)" "\n" "d"), R"(a\\b\"c\nd)");
  EXPECT_EQ(escape_label_value("/v1/projects/:id"), "/v1/projects/:id");
  EXPECT_EQ(escape_help("line one\nback\\slash \"quoted\""), R"(line one\nback\\slash "quoted")");
}

TEST(MetricsText, FormatsSpecialValues) {
  EXPECT_EQ(format_value(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(format_value(-std::numeric_limits<double>::infinity()), "-Inf");
  EXPECT_EQ(format_value(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(format_value(0.25), "0.25");
  EXPECT_EQ(format_value(3), "3");
}

TEST(MetricsRegistry, CounterWithLabelsRendersHelpTypeAndEscapedSamples) {
  Registry registry;
  auto& requests = registry.counter("snai_test_requests_total", "Requests.\nBy route.", {"route", "status"});
  requests.with({"/a", "200"}).inc();
  requests.with({"/a", "200"}).inc(2);
  requests.with({"say \"hi\"\\", "404"}).inc();
  const std::string text = registry.expose();
  EXPECT_NE(text.find("# HELP snai_test_requests_total Requests.\\nBy route.\n"), std::string::npos) << text;
  EXPECT_NE(text.find("# TYPE snai_test_requests_total counter\n"), std::string::npos) << text;
  EXPECT_EQ(samples(text), (std::vector<std::string>{
                               R"(snai_test_requests_total{route="/a",status="200"} 3)",
                               R"(snai_test_requests_total{route="say \"hi\"\\",status="404"} 1)",
                           }));
}

TEST(MetricsRegistry, HistogramHasCumulativeBucketsInfSumAndCount) {
  Registry registry;
  const double bounds[] = {0.1, 0.5, 1};
  auto& latency = registry.histogram("snai_test_seconds", "Latency.", {"route"}, bounds);
  Histogram& h = latency.with({"/x"});
  for (double v : {0.05, 0.1, 0.3, 0.7, 2.0}) h.observe(v);  // 0.1 falls in le="0.1" (upper bound inclusive)
  const std::string text = registry.expose();
  EXPECT_NE(text.find("# TYPE snai_test_seconds histogram\n"), std::string::npos);
  EXPECT_EQ(samples(text), (std::vector<std::string>{
                               R"(snai_test_seconds_bucket{route="/x",le="0.1"} 2)",
                               R"(snai_test_seconds_bucket{route="/x",le="0.5"} 3)",
                               R"(snai_test_seconds_bucket{route="/x",le="1"} 4)",
                               R"(snai_test_seconds_bucket{route="/x",le="+Inf"} 5)",
                               R"(snai_test_seconds_sum{route="/x"} 3.15)",
                               R"(snai_test_seconds_count{route="/x"} 5)",
                           }));
}

TEST(MetricsRegistry, UnlabelledMetricsAndGaugeFunctionsHaveNoBraces) {
  Registry registry;
  registry.gauge("snai_test_open", "Open things.").with({}).set(4);
  registry.gauge("snai_test_open", "Open things.").with({}).dec();
  double memory = 1024;
  registry.gauge_function("snai_test_memory_bytes", "Memory.", [&] { return memory; });
  memory = 2048;  // read at exposition time
  registry.histogram("snai_test_plain_seconds", "Plain.", {}, std::vector<double>{1}).with({}).observe(0.5);
  EXPECT_EQ(samples(registry.expose()), (std::vector<std::string>{
                                            "snai_test_memory_bytes 2048",
                                            "snai_test_open 3",
                                            R"(snai_test_plain_seconds_bucket{le="1"} 1)",
                                            R"(snai_test_plain_seconds_bucket{le="+Inf"} 1)",
                                            "snai_test_plain_seconds_sum 0.5",
                                            "snai_test_plain_seconds_count 1",
                                        }));
}

TEST(MetricsRegistry, ReRegisteringReturnsTheSameFamilyAndClashesThrow) {
  Registry registry;
  auto& a = registry.counter("snai_test_total", "A.", {"x"});
  auto& b = registry.counter("snai_test_total", "A.", {"x"});
  EXPECT_EQ(&a, &b);
  EXPECT_THROW(registry.counter("snai_test_total", "A.", {"y"}), std::invalid_argument);
  EXPECT_THROW(registry.gauge("snai_test_total", "A.", {"x"}), std::invalid_argument);
  EXPECT_THROW(registry.counter("9bad", "Bad name."), std::invalid_argument);
  EXPECT_THROW(registry.counter("snai_bad_label_total", "Bad label.", {"__reserved"}), std::invalid_argument);
  EXPECT_THROW(registry.histogram("snai_le_seconds", "le is reserved.", {"le"}), std::invalid_argument);
  EXPECT_THROW(registry.histogram("snai_unsorted_seconds", "Unsorted.", {}, std::vector<double>{1, 0.5}),
               std::invalid_argument);
  EXPECT_THROW(a.with({"1", "2"}), std::invalid_argument);
}

TEST(MetricsRegistry, ConcurrentRecordingLosesNothing) {
  Registry registry;
  auto& requests = registry.counter("snai_test_total", "T.", {"route"});
  auto& latency = registry.histogram("snai_test_seconds", "T.", {"route"});
  constexpr int kThreads = 4, kEach = 20000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string route = "/r" + std::to_string(t % 2);  // two threads share each child
      for (int i = 0; i < kEach; ++i) {
        requests.with({route}).inc();
        latency.with({route}).observe(0.002);
      }
    });
  }
  std::thread scraper([&] {
    for (int i = 0; i < 50; ++i) registry.expose();  // exposing while recording is safe
  });
  for (auto& thread : threads) thread.join();
  scraper.join();
  EXPECT_EQ(requests.with({"/r0"}).value(), 2.0 * kEach);
  EXPECT_EQ(requests.with({"/r1"}).value(), 2.0 * kEach);
  const auto snapshot = latency.with({"/r1"}).snapshot();
  EXPECT_EQ(snapshot.count, 2u * kEach);
  EXPECT_EQ(snapshot.cumulative[3], 0u);  // le 0.001 < 0.002
  EXPECT_EQ(snapshot.cumulative[4], 2u * kEach);  // le 0.0025
  EXPECT_NEAR(snapshot.sum, 0.002 * 2 * kEach, 1e-6);
}

TEST(MetricsRegistry, ScopedTimerObservesElapsedSeconds) {
  Registry registry;
  auto& h = registry.histogram("snai_test_timer_seconds", "T.", {}).with({});
  {
    ScopedTimer timer(h);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const auto snapshot = h.snapshot();
  EXPECT_EQ(snapshot.count, 1u);
  EXPECT_GE(snapshot.sum, 0.005);
  EXPECT_LT(snapshot.sum, 1.0);
}

TEST(ConnectionCounter, FollowsRestinioConnectionStates) {
  namespace cs = restinio::connection_state;
  Registry registry;
  internal::ConnectionCounter counter(registry);
  const restinio::endpoint_t peer{asio::ip::make_address("127.0.0.1"), 40000};
  counter.state_changed(cs::notice_t{1, peer, cs::accepted_t{nullptr}});
  counter.state_changed(cs::notice_t{2, peer, cs::accepted_t{nullptr}});
  counter.state_changed(cs::notice_t{3, peer, cs::accepted_t{nullptr}});
  counter.state_changed(cs::notice_t{2, peer, cs::closed_t{}});
  EXPECT_EQ(registry.gauge("snai_http_open_connections", "").with({}).value(), 2);
  EXPECT_NE(registry.expose().find("\nsnai_http_open_connections 2\n"), std::string::npos);
}

}  // namespace
}  // namespace snai::api::metrics
