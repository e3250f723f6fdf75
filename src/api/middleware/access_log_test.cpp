#include "api/middleware/access_log.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace snai::api {
namespace {

AccessEntry sample() {
  return AccessEntry{.request_id = "req-1", .method = "GET", .route = "/v1/projects/:id", .path = "/v1/projects/42",
                     .status = 200, .bytes = 512, .duration_us = 840, .caller = "user-7"};
}

TEST(AccessLogFormat, PlainLineHasEveryField) {
  EXPECT_EQ(format_access_plain(sample()),
            "request_id=req-1 method=GET route=/v1/projects/:id path=/v1/projects/42 status=200 bytes=512 "
            "duration_us=840 caller=user-7");
}

TEST(AccessLogFormat, PlainLineQuotesValuesThatCouldForgeFields) {
  AccessEntry entry = sample();
  entry.path = "/x status=500\nfake=1";
  entry.caller = "anonymous";
  const std::string line = format_access_plain(entry);
  EXPECT_NE(line.find(R"(path="/x status=500\nfake=1")"), std::string::npos) << line;
  EXPECT_EQ(line.find('\n'), std::string::npos);
  EXPECT_NE(line.find("caller=anonymous"), std::string::npos);
}

TEST(AccessLogFormat, JsonLineIsOneFlatObjectWithTypedFields) {
  AccessEntry entry = sample();
  entry.path = "/x\"y\\z\x01";
  const std::string line = format_access_json(entry, 1'767'225'600'123);  // 2026-01-01T00:00:00.123Z
  EXPECT_EQ(line.find('\n'), std::string::npos);
  const auto json = nlohmann::json::parse(line);
  EXPECT_EQ(json["ts"], "2026-01-01T00:00:00.123Z");
  EXPECT_EQ(json["level"], "info");
  EXPECT_EQ(json["msg"], "access");
  EXPECT_EQ(json["request_id"], "req-1");
  EXPECT_EQ(json["method"], "GET");
  EXPECT_EQ(json["route"], "/v1/projects/:id");
  EXPECT_EQ(json["path"], "/x\"y\\z\x01");
  EXPECT_EQ(json["status"], 200);
  EXPECT_EQ(json["bytes"], 512);
  EXPECT_EQ(json["duration_us"], 840);
  EXPECT_EQ(json["caller"], "user-7");
}

TEST(AccessLogFormat, FormatFollowsLogFormatSetting) {
  EXPECT_EQ(access_log_format("json"), AccessLog::Format::json);
  EXPECT_EQ(access_log_format("plain"), AccessLog::Format::plain);
  EXPECT_EQ(access_log_format(""), AccessLog::Format::plain);
}

}  // namespace
}  // namespace snai::api
