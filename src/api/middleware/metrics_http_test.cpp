// GET /metrics and the access log over real HTTP: what the pipeline records per request.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <regex>

#include "api/routes/metrics_routes.hpp"
#include "api/testing/observability_fixture.hpp"

namespace snai::api {
namespace {

class MetricsHttpTest : public ObservedServerTest {
 protected:
  // The value of one sample line ("name{labels} value"), or -1 when absent.
  static double sample(const std::string& text, const std::string& series) {
    const std::string prefix = series + " ";
    for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at + 1)) {
      if (at == 0 || text[at - 1] == '\n') return std::stod(text.substr(at + prefix.size()));
    }
    return -1;
  }
};

TEST_F(MetricsHttpTest, ServesPrometheusTextWithRequestCountsByRoutePattern) {
  start();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(get("/healthz").status, 200);
  EXPECT_EQ(get("/no/such/thing").status, 404);
  EXPECT_EQ(get("/another/unknown/path?x=1").status, 404);
  EXPECT_EQ(request("POST", "/healthz", {}, "{}").status, 405);

  auto response = get("/metrics");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& text = response.body;
  EXPECT_NE(text.find("# TYPE snai_http_requests_total counter\n"), std::string::npos) << text;
  EXPECT_NE(text.find("# TYPE snai_http_request_duration_seconds histogram\n"), std::string::npos);
  EXPECT_EQ(sample(text, R"(snai_http_requests_total{route="/healthz",method="GET",status="200"})"), 3);
  EXPECT_EQ(sample(text, R"(snai_http_requests_total{route="/healthz",method="POST",status="405"})"), 1);
  // Unmatched paths share one series: the raw path never becomes a label.
  EXPECT_EQ(sample(text, R"(snai_http_requests_total{route="unmatched",method="GET",status="404"})"), 2);
  EXPECT_EQ(text.find("/no/such/thing"), std::string::npos);
  EXPECT_EQ(sample(text, R"(snai_http_request_duration_seconds_count{route="/healthz",method="GET"})"), 3);
  EXPECT_EQ(sample(text, R"(snai_http_request_duration_seconds_bucket{route="/healthz",method="GET",le="+Inf"})"), 3);
  EXPECT_GT(sample(text, R"(snai_http_request_duration_seconds_sum{route="/healthz",method="GET"})"), 0);
}

TEST_F(MetricsHttpTest, ParameterisedRoutesAreLabelledWithThePattern) {
  start();
  // Every GET is answered by the server; a parameterised route is counted under its pattern
  // whatever the id (401 here: no key).
  EXPECT_EQ(get("/v1/projects/abc").status, 401);
  EXPECT_EQ(get("/v1/projects/def").status, 401);
  const std::string text = get("/metrics").body;
  EXPECT_EQ(sample(text, R"(snai_http_requests_total{route="/v1/projects/:id",method="GET",status="401"})"), 2)
      << text;
  EXPECT_EQ(text.find("/v1/projects/abc"), std::string::npos);
}

TEST_F(MetricsHttpTest, ExposesProcessFigures) {
  start();
  const std::string text = get("/metrics").body;
  const double resident = sample(text, "process_resident_memory_bytes");
  EXPECT_GT(resident, 1 << 20) << text;        // a running server takes more than 1 MiB
  EXPECT_LT(resident, 64.0 * (1LL << 30));     // and less than 64 GiB
  EXPECT_GE(sample(text, "process_open_fds"), 3);
  EXPECT_GE(sample(text, "snai_uptime_seconds"), 0);
  EXPECT_GT(sample(text, "process_start_time_seconds"), 1.7e9);  // after 2023
  // The handlers' timing histograms exist from the start (nothing observed: no naming data here).
  for (const char* family : {"snai_generate_seconds", "snai_domain_check_seconds", "snai_conflicts_check_seconds"}) {
    EXPECT_EQ(sample(text, std::string(family) + "_count"), 0) << family;
  }
  EXPECT_EQ(request("POST", "/v1/generate", {{"Content-Type", "application/json"}}, R"({"description":"x"})").status,
            503);
  EXPECT_EQ(sample(get("/metrics").body, "snai_generate_seconds_count"), 0);  // 503 before generating: not timed
}

TEST_F(MetricsHttpTest, HandlersShareTheRegistryThroughServerDeps) {
  start();
  // What generate_routes.cpp does for snai_generate_seconds: a family in metrics_registry(deps).
  ServerDeps deps{.storage = storage_, .metrics = &registry_};
  metrics_registry(deps).histogram("snai_generate_seconds", "Generation time.", {}).with({}).observe(0.02);
  const std::string text = get("/metrics").body;
  EXPECT_EQ(sample(text, "snai_generate_seconds_count"), 1) << text;
  EXPECT_EQ(sample(text, R"(snai_generate_seconds_bucket{le="0.025"})"), 1);
  EXPECT_EQ(sample(text, R"(snai_generate_seconds_bucket{le="0.01"})"), 0);
}

TEST_F(MetricsHttpTest, AccessLogHasOneInfoLinePerRequestWithCaller) {
  start();
  EXPECT_EQ(get("/healthz", {{"X-Request-Id", "req-abc"}}).status, 200);
  // Whatever the route answers (FakeStorage has no projects), the line names the caller.
  const int keyed_status =
      get("/v1/projects/42", {{"X-Request-Id", "req-keyed"}, {"Authorization", "Bearer snai_good"}}).status;
  const auto lines = access_lines(2);
  ASSERT_EQ(lines.size(), 2u);
  const std::regex plain(
      R"(access request_id=req-abc method=GET route=/healthz path=/healthz status=200 bytes=15 duration_us=\d+ caller=anonymous)");
  EXPECT_TRUE(std::regex_match(lines[0], plain)) << lines[0];
  EXPECT_NE(lines[1].find("request_id=req-keyed method=GET route=/v1/projects/:id path=/v1/projects/42 "),
            std::string::npos)
      << lines[1];
  EXPECT_NE(lines[1].find(" status=" + std::to_string(keyed_status) + " "), std::string::npos) << lines[1];
  EXPECT_TRUE(lines[1].ends_with(" caller=user-7")) << lines[1];
}

TEST_F(MetricsHttpTest, AccessLogIsJsonWhenLogFormatIsJson) {
  start("", "json");
  EXPECT_EQ(get("/nowhere", {{"X-Request-Id", "req-json"}}).status, 404);
  const auto lines = access_lines(1);
  ASSERT_EQ(lines.size(), 1u);
  const auto json = nlohmann::json::parse(lines[0], nullptr, false);
  ASSERT_TRUE(json.is_object()) << lines[0];
  EXPECT_EQ(json["msg"], "access");
  EXPECT_EQ(json["level"], "info");
  EXPECT_EQ(json["request_id"], "req-json");
  EXPECT_EQ(json["method"], "GET");
  EXPECT_EQ(json["route"], "unmatched");
  EXPECT_EQ(json["path"], "/nowhere");
  EXPECT_EQ(json["status"], 404);
  EXPECT_GT(json["bytes"].get<int>(), 20);
  EXPECT_GE(json["duration_us"].get<int>(), 0);
  EXPECT_EQ(json["caller"], "anonymous");
}

}  // namespace
}  // namespace snai::api
