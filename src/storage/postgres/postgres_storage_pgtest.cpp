// PostgreSQL-only behaviour of the backend, against a real server (scripts/services.sh start):
// migrations under concurrency, schema and connection errors, and pool recovery.
// The behaviour both backends share is in storage/storage_conformance_test.cpp.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <barrier>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "core/id.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/postgres/postgres_storage.hpp"
#include "support/scratch_postgres.hpp"

namespace snai::storage {
namespace {

using namespace std::chrono_literals;

// A plain libpq connection for setting up and inspecting what the storage does.
class Admin {
 public:
  explicit Admin(const std::string& url) : conn_(PQconnectdb(url.c_str())) {}
  ~Admin() { PQfinish(conn_); }
  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }
  std::string error() const { return PQerrorMessage(conn_); }

  // The first column of the first row ("" when none); fails the test on an error.
  std::string query(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    auto status = PQresultStatus(r);
    EXPECT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) << sql << ": " << PQerrorMessage(conn_);
    std::string out = PQntuples(r) > 0 ? PQgetvalue(r, 0, 0) : "";
    PQclear(r);
    return out;
  }

 private:
  PGconn* conn_;
};

class PostgresStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (snai::testing::ScratchPostgres::admin_url().empty())
      GTEST_FAIL() << "SNAI_TEST_DATABASE_URL is not set: run via scripts/services.sh / make test "
                      "(scripts/services.sh start && source build/services/env)";
    admin_ = std::make_unique<Admin>(snai::testing::ScratchPostgres::admin_url());
    ASSERT_TRUE(admin_->ok()) << admin_->error();
    scratch_ = std::make_unique<snai::testing::ScratchPostgres>();
    url_ = scratch_->url();
    db_ = url_.substr(url_.rfind('/') + 1);
    db_ = db_.substr(0, db_.find('?'));
  }

  std::unique_ptr<Storage> open(int pool_size = 4) {
    auto storage = open_postgres(url_, {.pool_size = pool_size, .connect_timeout_s = 5});
    EXPECT_TRUE(storage) << storage.error().describe();
    return storage ? std::move(*storage) : nullptr;
  }

  // Backends connected to the test database, other than the admin's.
  int backends() {
    return std::stoi(admin_->query("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + db_ + "'"));
  }

  std::unique_ptr<Admin> admin_;
  std::unique_ptr<snai::testing::ScratchPostgres> scratch_;
  std::string url_, db_;
};

const int kLatest = latest_version(pg::migrations());

TEST_F(PostgresStorageTest, MigrateIsIdempotent) {
  auto storage = open();
  ASSERT_TRUE(storage);
  EXPECT_EQ(storage->backend(), "postgres");
  EXPECT_EQ(*storage->schema_version(), 0);
  EXPECT_EQ(*storage->migrate(), kLatest);
  EXPECT_EQ(*storage->migrate(), kLatest);
  EXPECT_EQ(*storage->schema_version(), kLatest);
  Admin db(url_);
  EXPECT_EQ(db.query("SELECT count(*) FROM schema_migrations"), std::to_string(kLatest));
  EXPECT_TRUE(storage->ping());
}

TEST_F(PostgresStorageTest, MigrateFromSeveralInstancesAtOnce) {
  constexpr int kInstances = 4;
  std::vector<std::unique_ptr<Storage>> instances;
  for (int i = 0; i < kInstances; ++i) instances.push_back(open(2));
  std::barrier start(kInstances);
  std::vector<Result<int>> results(kInstances, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < kInstances; ++i)
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      results[i] = instances[i]->migrate();
    });
  for (auto& t : threads) t.join();
  for (const auto& r : results) {
    ASSERT_TRUE(r) << r.error().describe();
    EXPECT_EQ(*r, kLatest);
  }
  Admin db(url_);
  EXPECT_EQ(db.query("SELECT count(*) FROM schema_migrations"), std::to_string(kLatest));
}

TEST_F(PostgresStorageTest, SchemaNewerThanTheBinaryIsRefused) {
  auto storage = open();
  ASSERT_TRUE(storage && storage->migrate());
  Admin db(url_);
  db.query("INSERT INTO schema_migrations (version, name, applied_ms) VALUES (7, 'from the future', 0)");

  auto again = open_postgres(url_, {});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::failed_precondition);
  EXPECT_NE(again.error().message.find("schema version 7 is newer than this snai supports"), std::string::npos)
      << again.error().message;
  EXPECT_NE(again.error().message.find("upgrade snai"), std::string::npos);

  auto migrated = storage->migrate();  // an instance opened earlier must not touch it either
  ASSERT_FALSE(migrated);
  EXPECT_EQ(migrated.error().code, ErrorCode::failed_precondition);
}

TEST_F(PostgresStorageTest, UnmigratedDatabaseSaysToMigrate) {
  auto storage = open();
  ASSERT_TRUE(storage);
  auto user = storage->get_user(new_id());
  ASSERT_FALSE(user);
  EXPECT_EQ(user.error().code, ErrorCode::failed_precondition);
  EXPECT_NE(user.error().message.find("snai migrate"), std::string::npos) << user.error().message;
}

TEST_F(PostgresStorageTest, WrongPasswordIsUnavailableAndNotPrinted) {
  const std::string password = "not-the-password-4711";
  auto storage = open_postgres(snai::testing::with_password(url_, password), {});
  ASSERT_FALSE(storage);
  EXPECT_EQ(storage.error().code, ErrorCode::unavailable);
  EXPECT_NE(storage.error().message.find("password authentication failed for user \"postgres\""), std::string::npos)
      << storage.error().message;
  EXPECT_EQ(storage.error().message.find(password), std::string::npos) << storage.error().message;
}

TEST_F(PostgresStorageTest, UnreachableServerIsUnavailable) {
  auto storage = open_postgres("postgres://snai:hunter2secret@127.0.0.1:1/snai", {.connect_timeout_s = 2});
  ASSERT_FALSE(storage);
  EXPECT_EQ(storage.error().code, ErrorCode::unavailable);
  EXPECT_TRUE(storage.error().message.starts_with("cannot connect to PostgreSQL at 127.0.0.1:1: "))
      << storage.error().message;
  EXPECT_EQ(storage.error().message.find("hunter2secret"), std::string::npos);
}

TEST_F(PostgresStorageTest, MalformedUrlIsInvalidAndRedacted) {
  // libpq rejects the first when parsing, the second only when connecting; both quote the input.
  for (std::string url : {"postgres://snai:hunter2%40secret@[::1/snai", "postgres://snai:hunter2secret@127.0.0.1:notaport/snai"}) {
    auto storage = open_postgres(url, {});
    ASSERT_FALSE(storage) << url;
    EXPECT_EQ(storage.error().code, ErrorCode::invalid_argument) << storage.error().message;
    EXPECT_EQ(storage.error().field, "database_url");
    EXPECT_EQ(storage.error().message.find("hunter2"), std::string::npos) << storage.error().message;
  }
}

TEST_F(PostgresStorageTest, PoolReplacesConnectionsTheServerDropped) {
  auto storage = open(4);
  ASSERT_TRUE(storage && storage->migrate());
  auto user = storage->create_user({.email = "pool@example.com"});
  ASSERT_TRUE(user) << user.error().describe();
  // Open all four pool connections.
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] {
      for (int k = 0; k < 20; ++k) EXPECT_TRUE(storage->get_user(user->id));
    });
  for (auto& t : threads) t.join();
  ASSERT_GE(backends(), 1);

  auto kill_all = [&] {
    admin_->query("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '" + db_ + "'");
  };
  // Right away: a read on a connection that is being killed runs again on a fresh one.
  kill_all();
  auto read = storage->get_user(user->id);
  ASSERT_TRUE(read) << read.error().describe();

  // Once they are gone: every idle connection is dead, and writes go through too.
  kill_all();
  for (int i = 0; i < 100 && backends() > 0; ++i) std::this_thread::sleep_for(20ms);
  ASSERT_EQ(backends(), 0);
  EXPECT_TRUE(storage->ping());
  auto created = storage->create_user({.email = "after-restart@example.com"});
  ASSERT_TRUE(created) << created.error().describe();
  auto project = storage->create_project({.owner_id = created->id, .description = "survives"});
  ASSERT_TRUE(project) << project.error().describe();
}

TEST_F(PostgresStorageTest, MissingReferencesNameTheirField) {
  auto storage = open();
  ASSERT_TRUE(storage && storage->migrate());
  auto user = storage->create_user({.email = "fk@example.com"});
  ASSERT_TRUE(user);
  auto project = storage->create_project({.owner_id = user->id, .description = "fk"});
  ASSERT_TRUE(project);
  auto names = storage->add_names(project->id, {{.name = "Fkly", .style = "affix", .score = 50}});
  ASSERT_TRUE(names);

  auto no_name = storage->set_feedback(user->id, new_id(), FeedbackKind::favorite);
  ASSERT_FALSE(no_name);
  EXPECT_EQ(no_name.error().code, ErrorCode::not_found);
  EXPECT_EQ(no_name.error().field, "name_id");
  auto no_user = storage->set_feedback(new_id(), (*names)[0].id, FeedbackKind::favorite);
  ASSERT_FALSE(no_user);
  EXPECT_EQ(no_user.error().code, ErrorCode::not_found);
  EXPECT_EQ(no_user.error().field, "user_id");
  auto no_owner = storage->create_project({.owner_id = new_id(), .description = "x"});
  ASSERT_FALSE(no_owner);
  EXPECT_EQ(no_owner.error().field, "owner_id");
  auto no_key_owner = storage->issue_api_key(new_id(), "ci");
  ASSERT_FALSE(no_key_owner);
  EXPECT_EQ(no_key_owner.error().code, ErrorCode::not_found);
}

TEST_F(PostgresStorageTest, ConcurrentAppendsKeepSeqOrderVisible) {
  auto storage = open(8);
  ASSERT_TRUE(storage && storage->migrate());
  constexpr int kThreads = 6, kBatches = 30, kPerBatch = 5;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int b = 0; b < kBatches; ++b) {
        std::vector<NewEvent> batch(kPerBatch, NewEvent{.type = "test.append", .properties = {{"t", t}, {"b", b}}});
        auto seqs = storage->append_events(batch);
        ASSERT_TRUE(seqs) << seqs.error().describe();
        for (std::size_t i = 1; i < seqs->size(); ++i) EXPECT_GT((*seqs)[i], (*seqs)[i - 1]);
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(*storage->count_events({.type = "test.append"}), kThreads * kBatches * kPerBatch);
  std::int64_t last = 0, seen = 0;
  PageRequest page{.limit = 77};
  while (true) {
    auto events = storage->list_events({.type = "test.append"}, page);
    ASSERT_TRUE(events) << events.error().describe();
    for (const auto& e : events->items) {
      EXPECT_GT(e.seq, last);
      last = e.seq;
      ++seen;
    }
    if (events->next.empty()) break;
    page.after = events->next;
  }
  EXPECT_EQ(seen, kThreads * kBatches * kPerBatch);
}

}  // namespace
}  // namespace snai::storage
