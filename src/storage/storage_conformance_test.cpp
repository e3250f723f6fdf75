// One set of assertions that every storage backend must pass. The backend under test comes
// from SNAI_TEST_BACKEND: "sqlite" (a fresh file per test) or "postgres" (a fresh database per
// test on the server named by SNAI_TEST_DATABASE_URL, which scripts/services.sh starts).
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <set>
#include <thread>

#include "core/id.hpp"
#include "storage/factory/factory.hpp"
#include "support/scratch_postgres.hpp"

namespace snai::storage {
namespace {

std::string env_or(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

class StorageConformance : public ::testing::Test {
 protected:
  void SetUp() override {
    backend_ = env_or("SNAI_TEST_BACKEND", "sqlite");
    if (backend_ == "postgres") {
      ASSERT_FALSE(snai::testing::ScratchPostgres::admin_url().empty())
          << "SNAI_TEST_DATABASE_URL is not set: run through `make test` (scripts/services.sh starts PostgreSQL)";
      pg_ = std::make_unique<snai::testing::ScratchPostgres>();
      url_ = pg_->url();
    } else {
      dir_ = std::filesystem::temp_directory_path() / ("snai_ct_" + random_token(6));
      url_ = "sqlite:" + (dir_ / "snai.db").string();
    }
    reopen();
    auto version = db().migrate();
    ASSERT_TRUE(version) << version.error().message;
    EXPECT_GT(*version, 0);
  }

  void TearDown() override {
    storage_.reset();
    pg_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  void reopen() {
    storage_.reset();
    auto opened = open_storage(url_, {.pool_size = 8});
    ASSERT_TRUE(opened) << opened.error().message;
    storage_ = std::move(*opened);
  }

  Storage& db() { return *storage_; }

  User make_user(const std::string& email = "") {
    auto user = db().create_user({.email = email.empty() ? random_token(6) + "@example.com" : email});
    EXPECT_TRUE(user) << user.error().message;
    return *user;
  }

  Project make_project(const User& owner, const std::string& description = "AI note-taking for doctors") {
    auto project = db().create_project({.owner_id = owner.id, .description = description});
    EXPECT_TRUE(project) << project.error().message;
    return *project;
  }

  std::int64_t name_count(const Project& p) {
    auto page = db().list_names(p.id, {.limit = 1000});
    EXPECT_TRUE(page);
    return page ? static_cast<std::int64_t>(page->items.size()) : -1;
  }

  std::string backend_;
  std::string url_;
  std::filesystem::path dir_;
  std::unique_ptr<snai::testing::ScratchPostgres> pg_;
  std::unique_ptr<Storage> storage_;
};

// ---------- schema ----------

TEST_F(StorageConformance, ReportsBackendPingsAndMigratesIdempotently) {
  EXPECT_EQ(db().backend(), backend_);
  EXPECT_TRUE(db().ping());
  auto before = db().schema_version();
  ASSERT_TRUE(before);
  auto again = db().migrate();
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *before);
}

TEST_F(StorageConformance, PoolStatsFollowTheConnectionsInUse) {
  ASSERT_TRUE(db().ping());
  auto idle = db().pool_stats();
  EXPECT_EQ(idle.size, 8);
  EXPECT_GE(idle.open, 1);
  EXPECT_LE(idle.open, idle.size);
  EXPECT_EQ(idle.in_use, 0) << "no request is running";
  // Many concurrent calls open more connections, never more than the pool's size.
  std::vector<std::thread> threads;
  for (int i = 0; i < 12; ++i) threads.emplace_back([&] { (void)db().ping(); });
  for (auto& t : threads) t.join();
  auto after = db().pool_stats();
  EXPECT_LE(after.open, after.size);
  EXPECT_EQ(after.in_use, 0);
  EXPECT_EQ(after.timeouts, 0u);
}

TEST_F(StorageConformance, DataSurvivesReopening) {
  auto user = make_user("keep@example.com");
  reopen();
  auto found = db().find_user_by_email("keep@example.com");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, user.id);
}

// ---------- users and API keys ----------

TEST_F(StorageConformance, UsersAreFoundByIdAndCaseInsensitiveEmail) {
  auto created = db().create_user({.email = "Ada@Example.com", .display_name = "Ada Lovelace"});
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->email, "ada@example.com");
  auto by_id = db().get_user(created->id);
  ASSERT_TRUE(by_id);
  EXPECT_EQ(by_id->display_name, "Ada Lovelace");
  EXPECT_EQ(by_id->created_ms, created->created_ms);
  auto by_email = db().find_user_by_email("ADA@example.COM");
  ASSERT_TRUE(by_email);
  EXPECT_EQ(by_email->id, created->id);
}

TEST_F(StorageConformance, DuplicateEmailIsAConflict) {
  make_user("dup@example.com");
  auto again = db().create_user({.email = "DUP@example.com"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_EQ(again.error().field, "email");
}

TEST_F(StorageConformance, BadAndMissingUsers) {
  auto bad = db().create_user({.email = "not an email"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(bad.error().field, "email");
  EXPECT_EQ(db().get_user(new_id()).error().code, ErrorCode::not_found);
  auto nobody = db().find_user_by_email("nobody@example.com");
  EXPECT_EQ(nobody.error().code, ErrorCode::not_found);
  EXPECT_EQ(nobody.error().field, "email");
  EXPECT_EQ(nobody.error().message, "user with email nobody@example.com does not exist");
}

TEST_F(StorageConformance, ApiKeysAuthenticateUntilRevoked) {
  auto user = make_user();
  auto issued = db().issue_api_key(user.id, "laptop");
  ASSERT_TRUE(issued) << issued.error().message;
  EXPECT_TRUE(issued->secret.starts_with("snai_"));
  EXPECT_TRUE(issued->secret.starts_with(issued->key.prefix));

  auto who = db().authenticate(issued->secret);
  ASSERT_TRUE(who) << who.error().message;
  EXPECT_EQ(who->id, user.id);
  EXPECT_EQ(db().authenticate(issued->secret + "x").error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(db().authenticate("garbage").error().code, ErrorCode::unauthenticated);

  auto keys = db().list_api_keys(user.id);
  ASSERT_TRUE(keys);
  ASSERT_EQ(keys->size(), 1u);
  EXPECT_EQ((*keys)[0].label, "laptop");
  EXPECT_FALSE((*keys)[0].revoked_ms);

  ASSERT_TRUE(db().revoke_api_key(issued->key.id));
  EXPECT_EQ(db().authenticate(issued->secret).error().code, ErrorCode::unauthenticated);
  EXPECT_TRUE((*db().list_api_keys(user.id))[0].revoked_ms);
  EXPECT_EQ(db().revoke_api_key(new_id()).error().code, ErrorCode::not_found);
  auto no_user = db().issue_api_key(new_id(), "x");
  EXPECT_EQ(no_user.error().code, ErrorCode::not_found);
  EXPECT_EQ(no_user.error().field, "user_id");
  EXPECT_EQ(db().issue_api_key(user.id, std::string(201, 'x')).error().field, "label");
}

TEST_F(StorageConformance, AllApiKeysListsEveryUsersKeysOldestFirst) {
  auto before = db().list_all_api_keys();
  ASSERT_TRUE(before) << before.error().message;
  auto ada = make_user();
  auto bob = make_user();
  auto first = db().issue_api_key(ada.id, "ci");
  auto second = db().issue_api_key(bob.id, "laptop");
  ASSERT_TRUE(first && second);
  auto all = db().list_all_api_keys();
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), before->size() + 2);
  EXPECT_EQ(all->at(all->size() - 2).id, first->key.id);
  EXPECT_EQ(all->back().id, second->key.id);
  EXPECT_EQ(all->back().user_id, bob.id);
  EXPECT_EQ(all->back().label, "laptop");
}

// ---------- projects ----------

TEST_F(StorageConformance, ProjectsRoundTripKeywordsAndConstraints) {
  auto user = make_user();
  Json constraints = {{"styles", {"compound", "blend"}}, {"max_length", 10}, {"note", "naïve ☕"}};
  auto created = db().create_project({.owner_id = user.id,
                                      .description = "AI note-taking for doctors 🩺",
                                      .keywords = {"notes", "médecin"},
                                      .constraints = constraints});
  ASSERT_TRUE(created) << created.error().message;
  auto got = db().get_project(created->id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->owner_id, user.id);
  EXPECT_EQ(got->description, "AI note-taking for doctors 🩺");
  EXPECT_EQ(got->keywords, (std::vector<std::string>{"notes", "médecin"}));
  EXPECT_EQ(got->constraints, constraints);
}

TEST_F(StorageConformance, ProjectNeedsAnExistingOwnerAndValidText) {
  auto orphan = db().create_project({.owner_id = new_id(), .description = "x"});
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, ErrorCode::not_found);
  EXPECT_EQ(orphan.error().field, "owner_id");
  auto user = make_user();
  auto empty = db().create_project({.owner_id = user.id, .description = ""});
  EXPECT_EQ(empty.error().field, "description");
  auto bad_utf8 = db().create_project({.owner_id = user.id, .description = "caf\xc3"});
  EXPECT_EQ(bad_utf8.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(db().get_project(new_id()).error().code, ErrorCode::not_found);
}

TEST_F(StorageConformance, ProjectsPageNewestFirst) {
  auto user = make_user();
  auto other = make_user();
  std::vector<std::string> ids;
  for (int i = 0; i < 7; ++i) ids.push_back(make_project(user, "p" + std::to_string(i)).id);
  make_project(other);

  std::vector<std::string> seen;
  PageRequest req{.limit = 3};
  int pages = 0;
  while (true) {
    auto page = db().list_projects(user.id, req);
    ASSERT_TRUE(page) << page.error().message;
    ++pages;
    for (auto& p : page->items) seen.push_back(p.id);
    if (page->next.empty()) break;
    req.after = page->next;
    ASSERT_LT(pages, 10);
  }
  EXPECT_EQ(pages, 3);
  std::reverse(ids.begin(), ids.end());
  EXPECT_EQ(seen, ids);
  EXPECT_EQ(db().list_projects(user.id, {.limit = 0}).error().field, "limit");
}

TEST_F(StorageConformance, UpdateChangesOnlyThePresentFields) {
  auto user = make_user();
  auto created = db().create_project({.owner_id = user.id, .description = "before", .keywords = {"a", "b"},
                                      .constraints = {{"max_length", 8}}});
  ASSERT_TRUE(created) << created.error().message;
  auto described = db().update_project(created->id, {.description = "after ☕"});
  ASSERT_TRUE(described) << described.error().message;
  EXPECT_EQ(described->description, "after ☕");
  EXPECT_EQ(described->keywords, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(described->constraints, Json({{"max_length", 8}}));
  EXPECT_EQ(described->created_ms, created->created_ms);
  EXPECT_EQ(described->owner_id, user.id);

  auto rest = db().update_project(created->id, {.keywords = std::vector<std::string>{}, .constraints = Json::object()});
  ASSERT_TRUE(rest) << rest.error().message;
  auto got = db().get_project(created->id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->description, "after ☕");
  EXPECT_TRUE(got->keywords.empty());
  EXPECT_EQ(got->constraints, Json::object());

  auto nothing = db().update_project(created->id, {});
  ASSERT_TRUE(nothing);
  EXPECT_EQ(nothing->description, "after ☕");
}

TEST_F(StorageConformance, UpdateRejectsBadFieldsAndUnknownProjects) {
  auto project = make_project(make_user(), "kept");
  EXPECT_EQ(db().update_project(project.id, {.description = ""}).error().field, "description");
  EXPECT_EQ(db().update_project(project.id, {.description = "caf\xc3"}).error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(db().update_project(project.id, {.keywords = std::vector<std::string>(51, "k")}).error().field, "keywords");
  EXPECT_EQ(db().update_project(project.id, {.constraints = Json::array()}).error().field, "constraints");
  EXPECT_EQ(db().get_project(project.id)->description, "kept");
  auto missing = db().update_project(new_id(), {.description = "x"});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

TEST_F(StorageConformance, DeleteRemovesTheProjectItsNamesAndTheirFeedback) {
  auto user = make_user();
  auto doomed = make_project(user, "doomed");
  auto kept = make_project(user, "kept");
  auto names = db().add_names(doomed.id, {{.name = "Alpha", .style = "dictionary", .score = 50},
                                          {.name = "Beta", .style = "dictionary", .score = 50}});
  ASSERT_TRUE(names) << names.error().message;
  auto kept_names = db().add_names(kept.id, {{.name = "Alpha", .style = "dictionary", .score = 50}});
  ASSERT_TRUE(kept_names);
  ASSERT_TRUE(db().set_feedback(user.id, (*names)[0].id, FeedbackKind::favorite));
  ASSERT_TRUE(db().set_feedback(user.id, (*kept_names)[0].id, FeedbackKind::favorite));

  ASSERT_TRUE(db().delete_project(doomed.id));
  EXPECT_EQ(db().get_project(doomed.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(db().get_name((*names)[0].id).error().code, ErrorCode::not_found);
  EXPECT_EQ(name_count(doomed), 0);
  auto feedback = db().list_feedback(user.id, {});
  ASSERT_TRUE(feedback);
  ASSERT_EQ(feedback->items.size(), 1u);
  EXPECT_EQ(feedback->items[0].name_id, (*kept_names)[0].id);
  EXPECT_EQ(name_count(kept), 1);
  EXPECT_EQ(db().delete_project(doomed.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(db().delete_project(new_id()).error().code, ErrorCode::not_found);
}

// ---------- generated names ----------

TEST_F(StorageConformance, NamesRoundTripInOrder) {
  auto project = make_project(make_user());
  auto stored = db().add_names(project.id, {{.name = "Scribewell", .style = "compound", .score = 71.5, .parts = {"scribe", "well"}},
                                            {.name = "Notara", .style = "invented", .score = 55},
                                            {.name = "Médica", .style = "foreign", .score = 48.25, .parts = {"medic"}}});
  ASSERT_TRUE(stored) << stored.error().message;
  ASSERT_EQ(stored->size(), 3u);
  auto page = db().list_names(project.id, {});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 3u);
  EXPECT_EQ(page->items[0].name, "Scribewell");
  EXPECT_EQ(page->items[0].parts, (std::vector<std::string>{"scribe", "well"}));
  EXPECT_DOUBLE_EQ(page->items[0].score, 71.5);
  EXPECT_EQ(page->items[2].name, "Médica");
  EXPECT_EQ(page->items[2].style, "foreign");
  auto one = db().get_name((*stored)[1].id);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->name, "Notara");
  EXPECT_EQ(one->project_id, project.id);
}

TEST_F(StorageConformance, NamesPageThroughWithoutGapsOrRepeats) {
  auto project = make_project(make_user());
  std::vector<NewName> batch;
  for (int i = 0; i < 23; ++i) batch.push_back({.name = "Name" + std::to_string(i), .style = "invented", .score = 50});
  ASSERT_TRUE(db().add_names(project.id, batch));
  std::vector<std::string> seen;
  PageRequest req{.limit = 10};
  while (true) {
    auto page = db().list_names(project.id, req);
    ASSERT_TRUE(page);
    for (auto& n : page->items) seen.push_back(n.name);
    if (page->next.empty()) break;
    req.after = page->next;
  }
  ASSERT_EQ(seen.size(), 23u);
  for (int i = 0; i < 23; ++i) EXPECT_EQ(seen[i], "Name" + std::to_string(i));
}

TEST_F(StorageConformance, ABatchWithAConflictIsRolledBackWhole) {
  auto project = make_project(make_user());
  ASSERT_TRUE(db().add_names(project.id, {{.name = "Forge", .style = "dictionary", .score = 60}}));
  auto batch = db().add_names(project.id, {{.name = "Anvil", .style = "dictionary", .score = 60},
                                           {.name = "Forge", .style = "dictionary", .score = 61},
                                           {.name = "Hammer", .style = "dictionary", .score = 62}});
  ASSERT_FALSE(batch);
  EXPECT_EQ(batch.error().code, ErrorCode::conflict);
  EXPECT_EQ(name_count(project), 1);  // Anvil was written before the conflict and rolled back

  auto twice = db().add_names(project.id, {{.name = "Kiln", .style = "dictionary", .score = 60},
                                           {.name = "Kiln", .style = "dictionary", .score = 60}});
  EXPECT_EQ(twice.error().code, ErrorCode::conflict);
  EXPECT_EQ(name_count(project), 1);

  // The connection that rolled back is healthy and reused.
  ASSERT_TRUE(db().add_names(project.id, {{.name = "Anvil", .style = "dictionary", .score = 60}}));
  EXPECT_EQ(name_count(project), 2);
}

TEST_F(StorageConformance, InvalidNamesAndUnknownProjectsWriteNothing) {
  auto project = make_project(make_user());
  auto bad = db().add_names(project.id, {{.name = "Good", .style = "compound", .score = 50},
                                         {.name = "Bad", .style = "compound", .score = 140}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(bad.error().field, "score");
  EXPECT_EQ(name_count(project), 0);
  auto orphan = db().add_names(new_id(), {{.name = "X", .style = "compound", .score = 1}});
  EXPECT_EQ(orphan.error().code, ErrorCode::not_found);
  EXPECT_EQ(db().get_name(new_id()).error().code, ErrorCode::not_found);
}

// ---------- feedback ----------

TEST_F(StorageConformance, FeedbackIsOneVerdictPerUserAndName) {
  auto user = make_user();
  auto project = make_project(user);
  auto added = db().add_names(project.id, {{.name = "Alpha", .style = "dictionary", .score = 50},
                                           {.name = "Beta", .style = "dictionary", .score = 50}});
  ASSERT_TRUE(added) << added.error().message;
  auto names = *added;
  ASSERT_TRUE(db().set_feedback(user.id, names[0].id, FeedbackKind::favorite));
  ASSERT_TRUE(db().set_feedback(user.id, names[1].id, FeedbackKind::favorite));
  ASSERT_TRUE(db().set_feedback(user.id, names[0].id, FeedbackKind::dismiss));  // replaces the favorite

  auto page = db().list_feedback(user.id, {});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 2u);
  for (const auto& f : page->items)
    EXPECT_EQ(f.kind, f.name_id == names[0].id ? FeedbackKind::dismiss : FeedbackKind::favorite);

  ASSERT_TRUE(db().clear_feedback(user.id, names[1].id));
  EXPECT_EQ(db().clear_feedback(user.id, names[1].id).error().code, ErrorCode::not_found);
  EXPECT_EQ(db().list_feedback(user.id, {})->items.size(), 1u);
  EXPECT_EQ(db().set_feedback(user.id, new_id(), FeedbackKind::favorite).error().code, ErrorCode::not_found);
  EXPECT_EQ(db().set_feedback(new_id(), names[0].id, FeedbackKind::favorite).error().code, ErrorCode::not_found);
}

TEST_F(StorageConformance, ShortlistIsTheUsersFavoritesInTheProject) {
  auto owner = make_user();
  auto teammate = make_user();
  auto project = make_project(owner);
  auto other = make_project(owner);
  std::vector<NewName> batch;
  for (int i = 0; i < 6; ++i) batch.push_back({.name = "N" + std::to_string(i), .style = "invented", .score = 50});
  auto names = db().add_names(project.id, batch);
  ASSERT_TRUE(names) << names.error().message;
  auto elsewhere = db().add_names(other.id, {{.name = "Elsewhere", .style = "invented", .score = 50}});
  ASSERT_TRUE(elsewhere);
  for (int i : {4, 1, 3}) ASSERT_TRUE(db().set_feedback(owner.id, (*names)[i].id, FeedbackKind::favorite));
  ASSERT_TRUE(db().set_feedback(owner.id, (*names)[3].id, FeedbackKind::dismiss));  // off the shortlist again
  ASSERT_TRUE(db().set_feedback(owner.id, (*names)[5].id, FeedbackKind::dismiss));
  ASSERT_TRUE(db().set_feedback(owner.id, (*elsewhere)[0].id, FeedbackKind::favorite));
  ASSERT_TRUE(db().set_feedback(teammate.id, (*names)[0].id, FeedbackKind::favorite));

  std::vector<std::string> shortlisted;
  PageRequest req{.limit = 1};
  while (true) {
    auto page = db().list_shortlist(project.id, owner.id, req);
    ASSERT_TRUE(page) << page.error().message;
    for (const auto& n : page->items) shortlisted.push_back(n.name);
    if (page->next.empty()) break;
    req.after = page->next;
  }
  EXPECT_EQ(shortlisted, (std::vector<std::string>{"N1", "N4"}));  // in the order added
  auto theirs = db().list_shortlist(project.id, teammate.id, {});
  ASSERT_TRUE(theirs);
  ASSERT_EQ(theirs->items.size(), 1u);
  EXPECT_EQ(theirs->items[0].name, "N0");

  auto counts = db().count_names(project.id, owner.id);
  ASSERT_TRUE(counts) << counts.error().message;
  EXPECT_EQ(counts->names, 6);
  EXPECT_EQ(counts->favorites, 2);
  EXPECT_EQ(counts->dismissed, 2);
  auto none = db().count_names(new_id(), owner.id);
  ASSERT_TRUE(none);
  EXPECT_EQ(none->names, 0);
  EXPECT_EQ(none->favorites, 0);

  auto reviewed = db().list_reviewed_names(project.id, owner.id, {.limit = 4});
  ASSERT_TRUE(reviewed) << reviewed.error().message;
  ASSERT_EQ(reviewed->items.size(), 4u);
  EXPECT_FALSE(reviewed->items[0].feedback);  // only the teammate judged N0
  EXPECT_EQ(reviewed->items[1].feedback, FeedbackKind::favorite);
  EXPECT_FALSE(reviewed->items[2].feedback);
  EXPECT_EQ(reviewed->items[3].feedback, FeedbackKind::dismiss);
  EXPECT_EQ(reviewed->items[3].name.name, "N3");
  auto rest = db().list_reviewed_names(project.id, owner.id, {.after = reviewed->next, .limit = 4});
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->items.size(), 2u);
  EXPECT_EQ(rest->items[1].feedback, FeedbackKind::dismiss);
  EXPECT_TRUE(rest->next.empty());
}

// ---------- events ----------

TEST_F(StorageConformance, EventsAppendInOrderAndFilter) {
  auto seqs = db().append_events({{.type = "name.generated", .user_id = "u1", .project_id = "p1",
                                   .properties = {{"count", 20}}, .ts_ms = 1000},
                                  {.type = "name.favorited", .user_id = "u1", .properties = {{"name", "Forge"}}, .ts_ms = 2000},
                                  {.type = "name.generated", .user_id = "u2", .ts_ms = 3000}});
  ASSERT_TRUE(seqs) << seqs.error().message;
  ASSERT_EQ(seqs->size(), 3u);
  EXPECT_LT((*seqs)[0], (*seqs)[1]);
  EXPECT_LT((*seqs)[1], (*seqs)[2]);

  auto generated = db().list_events({.type = "name.generated"}, {});
  ASSERT_TRUE(generated);
  ASSERT_EQ(generated->items.size(), 2u);
  EXPECT_EQ(generated->items[0].properties["count"], 20);
  EXPECT_EQ(generated->items[0].project_id, "p1");
  EXPECT_EQ(*db().count_events({.user_id = "u1"}), 2);
  EXPECT_EQ(*db().count_events({.since_ms = 2000}), 2);
  EXPECT_EQ(*db().count_events({.since_ms = 1000, .until_ms = 3000}), 2);
  EXPECT_EQ(*db().count_events({.type = "name.generated", .user_id = "u2"}), 1);
  EXPECT_EQ(*db().count_events({}), 3);
}

TEST_F(StorageConformance, EventsPageByCursor) {
  std::vector<NewEvent> batch;
  for (int i = 0; i < 25; ++i) batch.push_back({.type = "tick", .properties = {{"i", i}}});
  ASSERT_TRUE(db().append_events(batch));
  std::vector<int> seen;
  PageRequest req{.limit = 10};
  int pages = 0;
  while (true) {
    auto page = db().list_events({.type = "tick"}, req);
    ASSERT_TRUE(page) << page.error().message;
    ++pages;
    for (auto& e : page->items) seen.push_back(e.properties["i"].get<int>());
    if (page->next.empty()) break;
    req.after = page->next;
  }
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(seen.size(), 25u);
  for (int i = 0; i < 25; ++i) EXPECT_EQ(seen[i], i);
  EXPECT_EQ(db().list_events({}, {.after = "not-a-cursor"}).error().field, "after");
}

TEST_F(StorageConformance, AnInvalidEventRejectsTheWholeBatch) {
  auto result = db().append_events({{.type = "ok"}, {.type = "bad", .properties = Json::array({1, 2})}, {.type = "ok"}});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().field, "properties");
  EXPECT_EQ(*db().count_events({}), 0);
}

TEST_F(StorageConformance, InvalidUtf8InsideJsonIsStoredReplacedNotThrown) {
  auto seqs = db().append_events({{.type = "odd", .properties = {{"k", "caf\xc3"}}}});
  ASSERT_TRUE(seqs) << seqs.error().message;
  auto page = db().list_events({.type = "odd"}, {});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].properties["k"], "caf\xef\xbf\xbd");  // U+FFFD
}

// ---------- concurrency ----------

TEST_F(StorageConformance, ConcurrentWritersLoseNothing) {
  auto user = make_user();
  auto project = make_project(user);
  constexpr int kThreads = 8, kEach = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  std::mutex seq_mu;
  std::set<std::int64_t> seqs;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        auto s = db().append_events({{.type = "concurrent", .properties = {{"t", t}, {"i", i}}}});
        if (!s) {
          ++failures;
          continue;
        }
        std::lock_guard lock(seq_mu);
        seqs.insert(s->front());
        if (i % 10 == 0) {
          auto n = db().add_names(project.id, {{.name = "T" + std::to_string(t) + "N" + std::to_string(i),
                                                .style = "invented", .score = 50}});
          if (!n) ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(*db().count_events({.type = "concurrent"}), kThreads * kEach);
  EXPECT_EQ(seqs.size(), static_cast<std::size_t>(kThreads * kEach));
  EXPECT_EQ(name_count(project), kThreads * (kEach / 10));
}

TEST_F(StorageConformance, ConcurrentDuplicateUsersYieldOneWinner) {
  std::atomic<int> created{0}, conflicts{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t)
    threads.emplace_back([&] {
      auto u = db().create_user({.email = "race@example.com"});
      if (u) ++created;
      else if (u.error().code == ErrorCode::conflict) ++conflicts;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(conflicts.load(), 5);
}

}  // namespace
}  // namespace snai::storage
