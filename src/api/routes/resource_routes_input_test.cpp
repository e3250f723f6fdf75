// Bad input on the resource routes answers 400/404/409/415 naming the field, never 5xx; the
// events batch limits; and the small pure pieces (CSV cells, export names, query strings).
#include <gtest/gtest.h>

#include "api/routes/project_export.hpp"
#include "api/routes/query_params.hpp"
#include "api/testing/resource_server.hpp"

namespace snai::api {
namespace {

using nlohmann::json;

class ResourceInput : public testing::ResourceServer {
 protected:
  // Expects a 400 whose error names `field`.
  void expect_400(std::string_view method, const std::string& target, std::string_view body, std::string_view field) {
    auto response = call(method, target, body, alice_key);
    EXPECT_EQ(response.status, 400) << method << " " << target << " " << body << " -> " << response.body;
    EXPECT_EQ(response.json()["error"]["code"], "invalid_argument") << body;
    EXPECT_EQ(response.json()["error"]["field"], field) << body << " -> " << response.body;
  }
};

TEST(CsvCell, QuotesPerRfc4180AndDisarmsFormulas) {
  EXPECT_EQ(csv_cell("Plain"), "Plain");
  EXPECT_EQ(csv_cell(""), "");
  EXPECT_EQ(csv_cell("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_cell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_cell("cr\rhere"), "\"cr\rhere\"");
  for (std::string_view risky : {"=1+2", "+1", "-1", "@SUM(A1)", "\tx"}) {
    EXPECT_EQ(csv_cell(risky), "'" + std::string(risky)) << risky;
  }
  EXPECT_EQ(csv_cell("=a,b"), "\"'=a,b\"");
  EXPECT_EQ(csv_cell("\rx"), "\"'\rx\"");
  EXPECT_EQ(csv_cell("a=b"), "a=b");  // only a leading sign is a formula
  EXPECT_EQ(csv_cell("Médica"), "Médica");
}

TEST(ExportFilename, IsAnAsciiSlugOrTheId) {
  storage::Project project{.id = "0190a1b2-0000-7000-8000-000000000001", .description = "  Café \"apps\" / 2026: AI!  "};
  EXPECT_EQ(export_filename(project, "csv"), "caf-apps-2026-ai.csv");
  project.description = "\"; rm -rf /\r\nX-Evil: 1";
  EXPECT_EQ(export_filename(project, "json"), "rm-rf-x-evil-1.json");
  project.description = "日本語";
  EXPECT_EQ(export_filename(project, "csv"), "project-0190a1b2-0000-7000-8000-000000000001.csv");
  project.description = std::string(300, 'a');
  EXPECT_EQ(export_filename(project, "csv"), std::string(60, 'a') + ".csv");
}

TEST(QueryParams, DecodesAndRefusesUnknownRepeatedOrBadValues) {
  auto query = parse_query("limit=20&after=abc%2Dd+e", {"limit", "after"});
  ASSERT_TRUE(query) << query.error().message;
  EXPECT_EQ(query->get("after"), "abc-d e");
  auto page = query->page(50);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->limit, 20);
  EXPECT_EQ(page->after, "abc-d e");
  EXPECT_EQ(parse_query("", {"limit"})->page(50)->limit, 50);
  EXPECT_EQ(parse_query("sort=name", {"limit"}).error().field, "sort");
  EXPECT_EQ(parse_query("limit=1&limit=2", {"limit"}).error().field, "limit");
  EXPECT_EQ(parse_query("after=%zz", {"after"}).error().field, "after");
  EXPECT_EQ(parse_query("after=%C3", {"after"}).error().field, "after");  // not UTF-8
  EXPECT_EQ(parse_query("after=%", {"after"}).error().field, "after");
  EXPECT_EQ(parse_query("after=a%00b", {"after"}).error().field, "after");
  for (std::string_view limit : {"limit=0", "limit=1001", "limit=abc", "limit=", "limit=5x", "limit=-1", "limit=99999999999"})
    EXPECT_EQ(parse_query(limit, {"limit"})->page(50).error().field, "limit") << limit;
  EXPECT_EQ(parse_query("after=" + std::string(129, 'a'), {"after"})->page(50).error().field, "after");
}

TEST_F(ResourceInput, ProjectBodiesAreCheckedStrictly) {
  expect_400("POST", "/v1/projects", R"({"description":"x")", "body");        // malformed
  expect_400("POST", "/v1/projects", R"(["description"])", "body");           // not an object
  expect_400("POST", "/v1/projects", "{\"description\":\"caf\xc3\"}", "body");  // bad UTF-8
  expect_400("POST", "/v1/projects", R"({})", "description");
  expect_400("POST", "/v1/projects", R"({"description":""})", "description");
  expect_400("POST", "/v1/projects", R"({"description":"a\u0000b"})", "description");
  expect_400("POST", "/v1/projects", R"({"description":42})", "description");
  expect_400("POST", "/v1/projects", json({{"description", std::string(2001, 'a')}}).dump(), "description");
  expect_400("POST", "/v1/projects", R"({"description":"x","keywords":"notes"})", "keywords");
  expect_400("POST", "/v1/projects", R"({"description":"x","keywords":[""]})", "keywords");
  expect_400("POST", "/v1/projects", json({{"description", "x"}, {"keywords", std::vector<std::string>(51, "k")}}).dump(),
             "keywords");
  expect_400("POST", "/v1/projects", R"({"description":"x","constraints":[1]})", "constraints");
  expect_400("POST", "/v1/projects", json({{"description", "x"}, {"constraints", {{"k", std::string(9000, 'a')}}}}).dump(),
             "constraints");
  expect_400("POST", "/v1/projects", R"({"description":"x","owner_id":"someone-else"})", "owner_id");
  expect_400("POST", "/v1/projects", R"({"description":"x","surprise":true})", "surprise");
  std::string deep = std::string(40, '[') + std::string(40, ']');
  expect_400("POST", "/v1/projects", R"({"description":"x","constraints":{"a":)" + deep + "}}", "body");

  testing::RequestOptions options{.headers = {{"Content-Type", "text/plain"}, {"Authorization", "Bearer " + alice_key}}};
  auto unsupported = testing::http_request(server_port(), "POST", "/v1/projects", R"({"description":"x"})", options);
  ASSERT_TRUE(unsupported);
  EXPECT_EQ(unsupported->status, 415);
  EXPECT_EQ(unsupported->json()["error"]["field"], "Content-Type");

  std::string project = create_project(alice_key);
  std::string p = "/v1/projects/" + project;
  expect_400("PATCH", p, R"({"description":""})", "description");
  expect_400("PATCH", p, R"({"keywords":[1,2]})", "keywords");
  expect_400("PATCH", p, R"({"id":"other"})", "id");
  expect_400("PATCH", p, "not json", "body");
  EXPECT_EQ(call("GET", p, {}, alice_key).json()["description"], "AI notes for doctors");  // nothing changed
  EXPECT_EQ(call("GET", "/v1/projects", {}, alice_key).json()["projects"].size(), 1u);     // nothing created
}

TEST_F(ResourceInput, ListQueriesAreChecked) {
  std::string project = create_project(alice_key);
  expect_400("GET", "/v1/projects?limit=0", {}, "limit");
  expect_400("GET", "/v1/projects?limit=1001", {}, "limit");
  expect_400("GET", "/v1/projects?limit=ten", {}, "limit");
  expect_400("GET", "/v1/projects?order=asc", {}, "order");
  expect_400("GET", "/v1/projects/" + project + "/names?limit=-5", {}, "limit");
  expect_400("GET", "/v1/projects/" + project + "/names?after=%ff", {}, "after");
  // A cursor from elsewhere is not an error, it just starts after that id.
  EXPECT_EQ(call("GET", "/v1/projects?after=zzzz", {}, alice_key).json()["projects"].size(), 1u);
  EXPECT_EQ(call("GET", "/v1/projects/" + std::string(500, 'a'), {}, alice_key).status, 404);
}

TEST_F(ResourceInput, SavedNamesAreCheckedItemByItem) {
  std::string p = "/v1/projects/" + create_project(alice_key) + "/names";
  expect_400("POST", p, R"({})", "names");
  expect_400("POST", p, R"({"names":[]})", "names");
  expect_400("POST", p, R"({"names":{"name":"x"}})", "names");
  expect_400("POST", p, R"({"names":[{"name":"A","style":"blend","score":50}],"extra":1})", "extra");
  expect_400("POST", p, R"({"names":["Plain"]})", "names[0]");
  expect_400("POST", p, R"({"names":[{"style":"blend","score":50}]})", "names[0].name");
  expect_400("POST", p, R"({"names":[{"name":"A","style":"blend","score":50},{"name":"B","style":"gothic","score":50}]})",
             "names[1].style");
  expect_400("POST", p, R"({"names":[{"name":"A","style":"blend","score":100.5}]})", "names[0].score");
  expect_400("POST", p, R"({"names":[{"name":"A","style":"blend","score":"high"}]})", "names[0].score");
  expect_400("POST", p, R"({"names":[{"name":"A","style":"blend"}]})", "names[0].score");
  expect_400("POST", p, R"({"names":[{"name":"A","style":"blend","score":5,"parts":[1]}]})", "names[0].parts");
  expect_400("POST", p, R"({"names":[{"name":"A","style":"blend","score":5,"id":"mine"}]})", "names[0].id");
  expect_400("POST", p, json({{"names", {{{"name", std::string(101, 'n')}, {"style", "blend"}, {"score", 5}}}}}).dump(),
             "names[0].name");

  json many = json::array();
  for (int i = 0; i < 1001; ++i) many.push_back({{"name", "N" + std::to_string(i)}, {"style", "invented"}, {"score", 50}});
  expect_400("POST", p, json({{"names", many}}).dump(), "names");
  many.erase(many.end() - 1);
  auto thousand = call("POST", p, json({{"names", many}}).dump(), alice_key);
  EXPECT_EQ(thousand.status, 201) << thousand.body.substr(0, 300);
  EXPECT_EQ(thousand.json()["names"].size(), 1000u);
}

TEST_F(ResourceInput, FeedbackBodiesAreChecked) {
  std::string project = create_project(alice_key);
  auto ids = save_names(alice_key, project, json::array({{{"name", "A"}, {"style", "blend"}, {"score", 50}}}));
  expect_400("POST", "/v1/feedback", R"({"kind":"favorite"})", "name_id");
  expect_400("POST", "/v1/feedback", json({{"name_id", ids[0]}}).dump(), "kind");
  expect_400("POST", "/v1/feedback", json({{"name_id", ids[0]}, {"kind", "love"}}).dump(), "kind");
  expect_400("POST", "/v1/feedback", json({{"name_id", ids[0]}, {"kind", true}}).dump(), "kind");
  expect_400("POST", "/v1/feedback", json({{"name_id", ids[0]}, {"kind", "favorite"}, {"user_id", "x"}}).dump(), "user_id");
  expect_400("POST", "/v1/feedback", json({{"name_id", 7}, {"kind", "favorite"}}).dump(), "name_id");
  auto missing = call("POST", "/v1/feedback", json({{"name_id", "no-such-name"}, {"kind", "favorite"}}).dump(), alice_key);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(*db().count_events({}), 0);  // no verdict, no event
}

TEST_F(ResourceInput, EventsAreStoredAsSentWithinTheBatchLimits) {
  std::string project = create_project(alice_key);
  auto accepted = call("POST", "/v1/events",
                       json({{"events", {{{"type", "page.view"}, {"project_id", project}, {"properties", {{"path", "/x"}, {"n", 3}}}, {"ts_ms", 1700000000000}},
                                         {{"type", "ui_click-2"}}}}})
                           .dump(),
                       alice_key);
  ASSERT_EQ(accepted.status, 202) << accepted.body;
  EXPECT_EQ(accepted.json()["accepted"], 2);
  ASSERT_EQ(accepted.json()["seqs"].size(), 2u);
  EXPECT_LT(accepted.json()["seqs"][0].get<std::int64_t>(), accepted.json()["seqs"][1].get<std::int64_t>());
  auto stored = db().list_events({.user_id = alice_id}, {});
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->items.size(), 2u);
  EXPECT_EQ(stored->items[0].type, "page.view");
  EXPECT_EQ(stored->items[0].project_id, project);
  EXPECT_EQ(stored->items[0].properties, json({{"path", "/x"}, {"n", 3}}));
  EXPECT_EQ(stored->items[0].ts_ms, 1700000000000);
  EXPECT_GT(stored->items[1].ts_ms, 1700000000000);  // now, when absent

  json batch = json::array();
  for (int i = 0; i < 1000; ++i) batch.push_back({{"type", "tick"}, {"properties", {{"i", i}}}});
  auto thousand = call("POST", "/v1/events", json({{"events", batch}}).dump(), alice_key);
  EXPECT_EQ(thousand.status, 202) << thousand.body.substr(0, 300);
  EXPECT_EQ(thousand.json()["accepted"], 1000);
  batch.push_back({{"type", "tick"}});
  expect_400("POST", "/v1/events", json({{"events", batch}}).dump(), "events");
  EXPECT_EQ(*db().count_events({.type = "tick"}), 1000);

  expect_400("POST", "/v1/events", R"({"events":[]})", "events");
  expect_400("POST", "/v1/events", R"({})", "events");
  expect_400("POST", "/v1/events", R"({"events":[{"type":"ok"}],"more":1})", "more");
  expect_400("POST", "/v1/events", R"({"events":[{"type":"ok"},{"type":"Page.View"}]})", "events[1].type");
  expect_400("POST", "/v1/events", R"({"events":[{"type":""}]})", "events[0].type");
  expect_400("POST", "/v1/events", R"({"events":[{"type":"a b"}]})", "events[0].type");
  expect_400("POST", "/v1/events", json({{"events", {{{"type", std::string(101, 'a')}}}}}).dump(), "events[0].type");
  expect_400("POST", "/v1/events", R"({"events":[{"properties":{}}]})", "events[0].type");
  expect_400("POST", "/v1/events", R"({"events":[{"type":"a","properties":[1]}]})", "events[0].properties");
  expect_400("POST", "/v1/events", json({{"events", {{{"type", "a"}, {"properties", {{"k", std::string(9000, 'x')}}}}}}}).dump(),
             "events[0].properties");
  expect_400("POST", "/v1/events", R"({"events":[{"type":"a","ts_ms":-1}]})", "events[0].ts_ms");
  expect_400("POST", "/v1/events", R"({"events":[{"type":"a","ts_ms":1.5}]})", "events[0].ts_ms");
  expect_400("POST", "/v1/events", R"({"events":[{"type":"a","ts_ms":18446744073709551615}]})", "events[0].ts_ms");
  expect_400("POST", "/v1/events", R"({"events":[{"type":"a","user_id":"someone"}]})", "events[0].user_id");
  expect_400("POST", "/v1/events", R"({"events":[{"type":"a","project_id":5}]})", "events[0].project_id");
  expect_400("POST", "/v1/events", R"({"events":[7]})", "events[0]");
  auto unknown_project =
      call("POST", "/v1/events", json({{"events", {{{"type", "a"}}, {{"type", "a"}, {"project_id", new_id()}}}}}).dump(), alice_key);
  EXPECT_EQ(unknown_project.status, 404);
  EXPECT_EQ(unknown_project.json()["error"]["field"], "events[1].project_id");
  EXPECT_EQ(*db().count_events({.user_id = alice_id}), 1002);  // every refused batch wrote nothing
}

}  // namespace
}  // namespace snai::api
