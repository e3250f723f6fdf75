// Storage: the repositories every other part persists through, and nothing else.
// Two backends implement it: SQLite (embedded default, storage/sqlite/) and PostgreSQL
// (scale-out, storage/postgres/); storage/factory/ picks one from the database URL.
// One conformance suite (storage_conformance_test.cpp) holds both to the same behaviour.
//
//   auto storage = snai::storage::open_storage(config);          // factory/factory.hpp
//   auto user = (*storage)->create_user({.email = "ada@example.com"});
//   auto project = (*storage)->create_project({.owner_id = user->id, .description = "AI notes for doctors"});
//   (*storage)->add_names(project->id, {{.name = "Scribewell", .style = "compound", .score = 71}});
//   (*storage)->set_feedback(user->id, name_id, FeedbackKind::favorite);    // now on the shortlist
//   (*storage)->list_shortlist(project->id, user->id, {});
//
// Conventions
// - Expected failures are values: not_found, conflict (duplicate), invalid_argument (bad field,
//   named in Error::field), unavailable (database unreachable), data_corrupt, failed_precondition.
// - Every batch write (add_names, append_events) is one transaction: all rows or none.
// - Ids are UUIDv7 strings (time-ordered); times are Unix milliseconds.
// - Lists are paged by an opaque cursor: pass Page::next back as PageRequest::after.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace snai::storage {

using Json = nlohmann::json;

struct User {
  std::string id;
  std::string email;  // unique, stored lower-case
  std::string display_name;
  std::int64_t created_ms = 0;
};

struct NewUser {
  std::string email;
  std::string display_name;
};

struct ApiKey {
  std::string id;
  std::string user_id;
  std::string label;
  std::string prefix;  // first characters of the secret, for people to recognise a key
  std::int64_t created_ms = 0;
  std::optional<std::int64_t> revoked_ms;
};

// The secret is returned once, at issue; only its SHA-256 is stored.
struct IssuedApiKey {
  ApiKey key;
  std::string secret;  // "snai_" + 48 hex chars
};

// A naming session: what the founder asked for.
struct Project {
  std::string id;
  std::string owner_id;
  std::string description;
  std::vector<std::string> keywords;
  Json constraints = Json::object();  // styles, lengths, contains, excludes ... as sent
  std::int64_t created_ms = 0;
};

struct NewProject {
  std::string owner_id;
  std::string description;
  std::vector<std::string> keywords;
  Json constraints = Json::object();
};

// A change to a project: each present field replaces the stored one, absent ones stay.
struct ProjectPatch {
  std::optional<std::string> description;
  std::optional<std::vector<std::string>> keywords;
  std::optional<Json> constraints;
};

struct GeneratedName {
  std::string id;
  std::string project_id;
  std::string name;
  std::string style;
  double score = 0;  // 0-100
  std::vector<std::string> parts;
  std::int64_t created_ms = 0;
};

struct NewName {
  std::string name;
  std::string style;
  double score = 0;
  std::vector<std::string> parts;
};

enum class FeedbackKind { favorite, dismiss };
std::string_view to_string(FeedbackKind kind);
Result<FeedbackKind> parse_feedback_kind(std::string_view text);

// One user's current verdict on one generated name; a new verdict replaces the old.
struct Feedback {
  std::string user_id;
  std::string name_id;
  FeedbackKind kind = FeedbackKind::favorite;
  std::int64_t updated_ms = 0;
};

// A name together with one user's current verdict on it (none when not judged).
struct ReviewedName {
  GeneratedName name;
  std::optional<FeedbackKind> feedback;
};

// How many names a project holds and how one user judged them.
struct NameCounts {
  std::int64_t names = 0;
  std::int64_t favorites = 0;
  std::int64_t dismissed = 0;
};

// Append-only record of something that happened; analytics/ and experiments/ read these.
struct Event {
  std::int64_t seq = 0;  // assigned by storage, increasing
  std::string type;      // "name.generated", "name.favorited", ...
  std::string user_id;   // empty when anonymous
  std::string project_id;
  Json properties = Json::object();
  std::int64_t ts_ms = 0;
};

struct NewEvent {
  std::string type;
  std::string user_id;
  std::string project_id;
  Json properties = Json::object();
  std::optional<std::int64_t> ts_ms;  // now when absent
};

struct EventFilter {
  std::string type;        // empty: any
  std::string user_id;     // empty: any
  std::string project_id;  // empty: any
  std::optional<std::int64_t> since_ms;  // inclusive
  std::optional<std::int64_t> until_ms;  // exclusive
};

struct PageRequest {
  std::string after;  // cursor from a previous Page::next; empty: from the start
  int limit = 50;     // 1..1000
};

template <class T>
struct Page {
  std::vector<T> items;
  std::string next;  // empty when there is nothing more
};

// How a backend's connection pool is doing, for /metrics.
struct PoolStats {
  int size = 0;                // the most connections it opens
  int open = 0;                // open now: idle and in use
  int in_use = 0;              // leased to a request right now
  std::uint64_t waits = 0;     // leases that had to wait for a free connection
  std::uint64_t timeouts = 0;  // leases that gave up waiting
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual Result<User> create_user(const NewUser& user) = 0;  // conflict when the email exists
  virtual Result<User> get_user(std::string_view id) = 0;
  virtual Result<User> find_user_by_email(std::string_view email) = 0;
  virtual Result<IssuedApiKey> issue_api_key(std::string_view user_id, std::string_view label) = 0;
  virtual Result<std::vector<ApiKey>> list_api_keys(std::string_view user_id) = 0;
  // Every user's keys, oldest first: for operators (`snai keys list`), never for a tenant.
  virtual Result<std::vector<ApiKey>> list_all_api_keys() = 0;
  virtual Status revoke_api_key(std::string_view key_id) = 0;
  // The key's owner; unauthenticated when the secret is unknown or revoked.
  virtual Result<User> authenticate(std::string_view secret) = 0;
};

class ProjectRepository {
 public:
  virtual ~ProjectRepository() = default;
  virtual Result<Project> create_project(const NewProject& project) = 0;  // owner must exist
  virtual Result<Project> get_project(std::string_view id) = 0;
  // Newest first.
  virtual Result<Page<Project>> list_projects(std::string_view owner_id, const PageRequest& page) = 0;
  // Same validation as create_project for the fields present; not_found when absent.
  virtual Result<Project> update_project(std::string_view id, const ProjectPatch& patch) = 0;
  // Removes the project, its names and every verdict on them (one transaction); not_found when absent.
  // Events that mention the project stay: they are history.
  virtual Status delete_project(std::string_view id) = 0;
};

class NameRepository {
 public:
  virtual ~NameRepository() = default;
  // All or nothing; conflict when a name is already in the project (or twice in the batch).
  virtual Result<std::vector<GeneratedName>> add_names(std::string_view project_id,
                                                       const std::vector<NewName>& names) = 0;
  virtual Result<GeneratedName> get_name(std::string_view id) = 0;
  // In the order they were added.
  virtual Result<Page<GeneratedName>> list_names(std::string_view project_id, const PageRequest& page) = 0;
  // list_names with `user_id`'s verdict on each name.
  virtual Result<Page<ReviewedName>> list_reviewed_names(std::string_view project_id, std::string_view user_id,
                                                         const PageRequest& page) = 0;
  // The shortlist: the project's names that `user_id` (normally the owner) favorited, in the
  // order they were added. Not stored apart: a favorite verdict is the shortlist entry, so
  // dismissing or clearing takes a name off, and deleting the project removes both.
  virtual Result<Page<GeneratedName>> list_shortlist(std::string_view project_id, std::string_view user_id,
                                                     const PageRequest& page) = 0;
  // Zero counts for a project without names (or that does not exist).
  virtual Result<NameCounts> count_names(std::string_view project_id, std::string_view user_id) = 0;
};

class FeedbackRepository {
 public:
  virtual ~FeedbackRepository() = default;
  virtual Result<Feedback> set_feedback(std::string_view user_id, std::string_view name_id, FeedbackKind kind) = 0;
  virtual Status clear_feedback(std::string_view user_id, std::string_view name_id) = 0;  // not_found when none
  virtual Result<Page<Feedback>> list_feedback(std::string_view user_id, const PageRequest& page) = 0;
};

class EventRepository {
 public:
  virtual ~EventRepository() = default;
  // All or nothing; returns the seq of each stored event, in order.
  virtual Result<std::vector<std::int64_t>> append_events(const std::vector<NewEvent>& events) = 0;
  // Oldest first.
  virtual Result<Page<Event>> list_events(const EventFilter& filter, const PageRequest& page) = 0;
  virtual Result<std::int64_t> count_events(const EventFilter& filter) = 0;
};

class Storage : public UserRepository,
                public ProjectRepository,
                public NameRepository,
                public FeedbackRepository,
                public EventRepository {
 public:
  virtual std::string_view backend() const = 0;  // "sqlite" or "postgres"
  virtual Status ping() = 0;                      // ok when the database answers
  virtual PoolStats pool_stats() = 0;             // a consistent snapshot; cheap, never blocks on I/O
  virtual Result<int> schema_version() = 0;
  // Applies pending migrations (idempotent, safe to run from several instances at once);
  // returns the schema version afterwards.
  virtual Result<int> migrate() = 0;
};

}  // namespace snai::storage
