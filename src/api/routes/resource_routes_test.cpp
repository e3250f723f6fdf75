// The resource routes over real HTTP on a real storage (resource_server.hpp): projects CRUD
// and paging, saved names, feedback and the shortlist, export, the auth matrix and tenancy.
#include <gtest/gtest.h>

#include "api/testing/resource_server.hpp"

namespace snai::api {
namespace {

using nlohmann::json;

class ResourceRoutes : public testing::ResourceServer {};

const json kNames = json::array({{{"name", "Scribewell"}, {"style", "compound"}, {"score", 71.5}, {"parts", {"scribe", "well"}}},
                                 {{"name", "Notara"}, {"style", "invented"}, {"score", 55}},
                                 {{"name", "Médica"}, {"style", "foreign"}, {"score", 48.25}, {"parts", {"medic"}}}});

TEST_F(ResourceRoutes, ProjectLifecycle) {
  auto created = call("POST", "/v1/projects",
                      R"({"description":"AI note-taking for doctors","keywords":["notes","médecin"],"constraints":{"max_length":9}})",
                      alice_key);
  ASSERT_EQ(created.status, 201) << created.body;
  auto project = created.json();
  std::string id = project["id"];
  EXPECT_EQ(id.size(), 36u);
  EXPECT_EQ(created.header("Location"), "/v1/projects/" + id);
  EXPECT_EQ(project["description"], "AI note-taking for doctors");
  EXPECT_EQ(project["keywords"], json({"notes", "médecin"}));
  EXPECT_EQ(project["constraints"], json({{"max_length", 9}}));
  EXPECT_GT(project["created_ms"].get<std::int64_t>(), 0);
  EXPECT_FALSE(project.contains("owner_id"));

  auto got = call("GET", "/v1/projects/" + id, {}, alice_key);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json()["description"], "AI note-taking for doctors");
  EXPECT_EQ(got.json()["counts"], json({{"names", 0}, {"favorites", 0}, {"dismissed", 0}}));
  EXPECT_EQ(got.json()["shortlist"], json::array());

  auto patched = call("PATCH", "/v1/projects/" + id, R"({"keywords":["charts"]})", alice_key);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json()["keywords"], json({"charts"}));
  EXPECT_EQ(patched.json()["description"], "AI note-taking for doctors");  // untouched
  EXPECT_EQ(patched.json()["constraints"], json({{"max_length", 9}}));
  auto described = call("PATCH", "/v1/projects/" + id, R"({"description":"Scheduling for vets"})", alice_key);
  ASSERT_EQ(described.status, 200);
  EXPECT_EQ(call("GET", "/v1/projects/" + id, {}, alice_key).json()["description"], "Scheduling for vets");

  auto deleted = call("DELETE", "/v1/projects/" + id, {}, alice_key);
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  EXPECT_EQ(call("GET", "/v1/projects/" + id, {}, alice_key).status, 404);
  EXPECT_EQ(call("DELETE", "/v1/projects/" + id, {}, alice_key).status, 404);
}

TEST_F(ResourceRoutes, ProjectsListNewestFirstInPages) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(create_project(alice_key, "project " + std::to_string(i)));
  create_project(bob_key, "not alice's");
  std::vector<std::string> seen;
  std::string target = "/v1/projects?limit=2";
  int pages = 0;
  while (true) {
    auto page = call("GET", target, {}, alice_key);
    ASSERT_EQ(page.status, 200) << page.body;
    ++pages;
    auto body = page.json();
    for (const auto& p : body["projects"]) seen.push_back(p["id"]);
    if (body["next"].is_null()) break;
    target = "/v1/projects?limit=2&after=" + body["next"].get<std::string>();
    ASSERT_LT(pages, 10);
  }
  EXPECT_EQ(pages, 3);
  std::reverse(ids.begin(), ids.end());
  EXPECT_EQ(seen, ids);
  auto all = call("GET", "/v1/projects", {}, alice_key);
  EXPECT_EQ(all.json()["projects"].size(), 5u);
  EXPECT_TRUE(all.json()["next"].is_null());
}

TEST_F(ResourceRoutes, SavedNamesPageWithTheCallersVerdicts) {
  std::string project = create_project(alice_key);
  // What /v1/generate returns can be posted back whole, explanation included.
  json generated = kNames;
  generated[0]["explanation"] = {{"model", "quality"}, {"reasons", json::array()}};
  auto ids = save_names(alice_key, project, generated);
  ASSERT_EQ(ids.size(), 3u);

  auto favorite = call("POST", "/v1/feedback", json({{"name_id", ids[1]}, {"kind", "favorite"}}).dump(), alice_key);
  ASSERT_EQ(favorite.status, 200) << favorite.body;

  auto first = call("GET", "/v1/projects/" + project + "/names?limit=2", {}, alice_key);
  ASSERT_EQ(first.status, 200) << first.body;
  auto page = first.json();
  ASSERT_EQ(page["names"].size(), 2u);
  EXPECT_EQ(page["names"][0]["name"], "Scribewell");
  EXPECT_EQ(page["names"][0]["parts"], json({"scribe", "well"}));
  EXPECT_DOUBLE_EQ(page["names"][0]["score"].get<double>(), 71.5);
  EXPECT_TRUE(page["names"][0]["feedback"].is_null());
  EXPECT_EQ(page["names"][1]["feedback"], "favorite");
  ASSERT_TRUE(page["next"].is_string());
  auto rest = call("GET", "/v1/projects/" + project + "/names?limit=2&after=" + page["next"].get<std::string>(), {},
                   alice_key);
  ASSERT_EQ(rest.status, 200);
  ASSERT_EQ(rest.json()["names"].size(), 1u);
  EXPECT_EQ(rest.json()["names"][0]["name"], "Médica");
  EXPECT_TRUE(rest.json()["next"].is_null());

  // Saving a name twice is a conflict, and the batch writes nothing.
  auto again = call("POST", "/v1/projects/" + project + "/names",
                    R"({"names":[{"name":"Fresh","style":"blend","score":60},{"name":"Notara","style":"invented","score":50}]})",
                    alice_key);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(call("GET", "/v1/projects/" + project, {}, alice_key).json()["counts"]["names"], 3);
}

TEST_F(ResourceRoutes, FeedbackDrivesTheShortlistAndRecordsEvents) {
  std::string project = create_project(alice_key);
  auto ids = save_names(alice_key, project, kNames);
  ASSERT_EQ(ids.size(), 3u);
  auto post = [&](const std::string& id, std::string_view kind) {
    return call("POST", "/v1/feedback", json({{"name_id", id}, {"kind", kind}}).dump(), alice_key);
  };
  auto fav = post(ids[2], "favorite");
  ASSERT_EQ(fav.status, 200) << fav.body;
  EXPECT_EQ(fav.json()["kind"], "favorite");
  EXPECT_EQ(fav.json()["name_id"], ids[2]);
  EXPECT_EQ(fav.json()["project_id"], project);
  EXPECT_EQ(post(ids[0], "favorite").status, 200);
  EXPECT_EQ(post(ids[1], "dismiss").json()["kind"], "dismiss");

  auto got = call("GET", "/v1/projects/" + project, {}, alice_key).json();
  EXPECT_EQ(got["counts"], json({{"names", 3}, {"favorites", 2}, {"dismissed", 1}}));
  ASSERT_EQ(got["shortlist"].size(), 2u);
  EXPECT_EQ(got["shortlist"][0]["name"], "Scribewell");  // in the order saved
  EXPECT_EQ(got["shortlist"][1]["name"], "Médica");

  auto cleared = post(ids[2], "clear");
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.json()["kind"].is_null());
  EXPECT_EQ(post(ids[2], "clear").status, 200);  // nothing to clear is fine
  got = call("GET", "/v1/projects/" + project, {}, alice_key).json();
  ASSERT_EQ(got["shortlist"].size(), 1u);
  EXPECT_EQ(got["counts"]["favorites"], 1);

  EXPECT_EQ(*db().count_events({.type = "name.favorited", .user_id = alice_id, .project_id = project}), 2);
  EXPECT_EQ(*db().count_events({.type = "name.dismissed", .user_id = alice_id}), 1);
  EXPECT_EQ(*db().count_events({.type = "name.cleared", .user_id = alice_id}), 2);
  auto events = db().list_events({.type = "name.dismissed"}, {});
  ASSERT_TRUE(events);
  ASSERT_EQ(events->items.size(), 1u);
  EXPECT_EQ(events->items[0].properties["name_id"], ids[1]);
}

TEST_F(ResourceRoutes, DeletingAProjectTakesItsNamesAndFeedback) {
  std::string project = create_project(alice_key);
  auto ids = save_names(alice_key, project, kNames);
  ASSERT_EQ(call("POST", "/v1/feedback", json({{"name_id", ids[0]}, {"kind", "favorite"}}).dump(), alice_key).status, 200);
  ASSERT_EQ(call("DELETE", "/v1/projects/" + project, {}, alice_key).status, 204);
  EXPECT_EQ(db().get_name(ids[0]).error().code, ErrorCode::not_found);
  EXPECT_TRUE(db().list_feedback(alice_id, {})->items.empty());
  auto late = call("POST", "/v1/feedback", json({{"name_id", ids[0]}, {"kind", "favorite"}}).dump(), alice_key);
  EXPECT_EQ(late.status, 404);
  EXPECT_EQ(late.json()["error"]["field"], "name_id");
}

TEST_F(ResourceRoutes, ExportCsvQuotesAndDisarmsFormulas) {
  std::string project = create_project(alice_key, "AI note-taking, for \"doctors\"!");
  auto ids = save_names(alice_key, project,
                        json::array({{{"name", "=HYPERLINK(\"x\")"}, {"style", "invented"}, {"score", 50}, {"parts", {"a,b", "c"}}},
                                     {{"name", "Plain"}, {"style", "compound"}, {"score", 71.5}, {"parts", {"pla", "in"}}},
                                     {{"name", "@risk"}, {"style", "dictionary"}, {"score", 12}},
                                     {{"name", "-dash"}, {"style", "affix"}, {"score", 3}, {"parts", {"+x"}}}}));
  ASSERT_EQ(ids.size(), 4u);
  ASSERT_EQ(call("POST", "/v1/feedback", json({{"name_id", ids[1]}, {"kind", "favorite"}}).dump(), alice_key).status, 200);

  auto csv = call("GET", "/v1/projects/" + project + "/export?format=csv", {}, alice_key);
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.header("Content-Disposition"), "attachment; filename=\"ai-note-taking-for-doctors.csv\"");
  EXPECT_EQ(csv.body,
            "name,style,score,parts,feedback\r\n"
            "\"'=HYPERLINK(\"\"x\"\")\",invented,50,\"a,b;c\",\r\n"
            "Plain,compound,71.5,pla;in,favorite\r\n"
            "'@risk,dictionary,12,,\r\n"
            "'-dash,affix,3,'+x,\r\n");
  EXPECT_EQ(call("GET", "/v1/projects/" + project + "/export", {}, alice_key).body, csv.body);  // csv by default

  auto as_json = call("GET", "/v1/projects/" + project + "/export?format=json", {}, alice_key);
  ASSERT_EQ(as_json.status, 200);
  EXPECT_EQ(as_json.header("Content-Type"), "application/json");
  EXPECT_EQ(as_json.header("Content-Disposition"), "attachment; filename=\"ai-note-taking-for-doctors.json\"");
  auto body = as_json.json();
  EXPECT_EQ(body["project"]["id"], project);
  ASSERT_EQ(body["names"].size(), 4u);
  EXPECT_EQ(body["names"][0]["name"], "=HYPERLINK(\"x\")");  // JSON is data, not a spreadsheet: as stored
  EXPECT_EQ(body["names"][1]["feedback"], "favorite");

  auto bad = call("GET", "/v1/projects/" + project + "/export?format=xlsx", {}, alice_key);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.json()["error"]["field"], "format");
  EXPECT_EQ(call("GET", "/v1/projects/" + project + "/export?format=csv&format=json", {}, alice_key).status, 400);
}

TEST_F(ResourceRoutes, EveryResourceRouteNeedsAValidKey) {
  std::string project = create_project(alice_key);
  auto ids = save_names(alice_key, project, kNames);
  std::string p = "/v1/projects/" + project;
  const std::vector<std::pair<std::string, std::string>> routes = {
      {"POST", "/v1/projects"}, {"GET", "/v1/projects"},          {"GET", p},
      {"PATCH", p},             {"DELETE", p},                    {"GET", p + "/names"},
      {"POST", p + "/names"},   {"GET", p + "/export?format=csv"}, {"POST", "/v1/feedback"},
      {"POST", "/v1/events"}};
  auto revoked = db().issue_api_key(alice_id, "old");
  ASSERT_TRUE(revoked);
  ASSERT_TRUE(db().revoke_api_key(revoked->key.id));
  for (const auto& [method, target] : routes) {
    std::string body = method == "POST" || method == "PATCH" ? R"({"description":"x"})" : "";
    for (std::string_view key : {std::string_view{}, std::string_view{"snai_000000000000000000000000000000000000000000000000"},
                                 std::string_view{revoked->secret}}) {
      auto response = call(method, target, body, key);
      EXPECT_EQ(response.status, 401) << method << " " << target << " key=" << key;
      EXPECT_EQ(response.json()["error"]["code"], "unauthenticated") << method << " " << target;
      EXPECT_EQ(response.header("WWW-Authenticate"), "Bearer") << method << " " << target;
    }
  }
  // Nothing was changed by the refused calls.
  EXPECT_EQ(call("GET", p, {}, alice_key).json()["counts"]["names"], 3);
  EXPECT_EQ(*db().count_events({}), 0);
}

TEST_F(ResourceRoutes, TenantsSeeAnothersResourcesAsMissing) {
  std::string project = create_project(alice_key, "alice's secret plan");
  auto ids = save_names(alice_key, project, kNames);
  std::string p = "/v1/projects/" + project;
  std::string guessed = new_id();  // a valid-looking UUIDv7 that names nothing

  auto same_as_missing = [&](std::string_view method, const std::string& target, const std::string& missing_target,
                             std::string_view body) {
    auto foreign = call(method, target, body, bob_key);
    auto missing = call(method, missing_target, body, bob_key);
    EXPECT_EQ(foreign.status, 404) << method << " " << target << ": " << foreign.body;
    EXPECT_EQ(missing.status, 404) << method << " " << missing_target;
    EXPECT_EQ(foreign.json()["error"]["code"], "not_found");
    EXPECT_EQ(foreign.json()["error"]["field"], missing.json()["error"]["field"]);
    EXPECT_EQ(foreign.body.find("alice"), std::string::npos) << foreign.body;
  };
  std::string g = "/v1/projects/" + guessed;
  same_as_missing("GET", p, g, "");
  same_as_missing("PATCH", p, g, R"({"description":"mine now"})");
  same_as_missing("PATCH", p, g, R"({"description":17})");  // 404 before the body is judged
  same_as_missing("DELETE", p, g, "");
  same_as_missing("GET", p + "/names", g + "/names", "");
  same_as_missing("POST", p + "/names", g + "/names", R"({"names":[{"name":"Mine","style":"blend","score":50}]})");
  same_as_missing("GET", p + "/export?format=csv", g + "/export?format=csv", "");
  same_as_missing("GET", p + "/export?format=json", g + "/export?format=json", "");

  for (std::string_view kind : {"favorite", "dismiss", "clear"}) {
    auto foreign = call("POST", "/v1/feedback", json({{"name_id", ids[0]}, {"kind", kind}}).dump(), bob_key);
    auto missing = call("POST", "/v1/feedback", json({{"name_id", new_id()}, {"kind", kind}}).dump(), bob_key);
    EXPECT_EQ(foreign.status, 404) << foreign.body;
    EXPECT_EQ(missing.status, 404);
    EXPECT_EQ(foreign.json()["error"]["field"], "name_id");
  }
  auto events = call("POST", "/v1/events", json({{"events", {{{"type", "page.view"}, {"project_id", project}}}}}).dump(),
                     bob_key);
  EXPECT_EQ(events.status, 404) << events.body;
  EXPECT_EQ(events.json()["error"]["field"], "events[0].project_id");

  // Bob's list is empty, and Alice's project is untouched.
  EXPECT_EQ(call("GET", "/v1/projects", {}, bob_key).json()["projects"], json::array());
  auto mine = call("GET", p, {}, alice_key);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json()["description"], "alice's secret plan");
  EXPECT_EQ(mine.json()["counts"], json({{"names", 3}, {"favorites", 0}, {"dismissed", 0}}));
  EXPECT_TRUE(db().list_feedback(bob_id, {})->items.empty());
  EXPECT_EQ(*db().count_events({.user_id = bob_id}), 0);
}

}  // namespace
}  // namespace snai::api
