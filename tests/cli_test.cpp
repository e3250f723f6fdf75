// The snai binary as a user meets it: help and usage errors, configuration mistakes,
// bad databases, and `serve` answering /healthz and /readyz. Tests whose name contains
// "Postgres" need the harness's PostgreSQL (label pg); the rest run alone (label cli).
#include <csignal>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <sstream>
#include <thread>

#include "core/id.hpp"
#include "support/process.hpp"
#include "support/scratch_postgres.hpp"

namespace snai::testing {
namespace {

namespace fs = std::filesystem;

std::string snai_binary() { return SNAI_BINARY; }  // the build's snai, compiled in by tests/CMakeLists.txt

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("snai_cli_" + random_token(6));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs snai in the scratch directory with SNAI_DATA_DIR pointing into it.
  Outcome snai(std::vector<std::string> args, std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), snai_binary());
    env.emplace("SNAI_DATA_DIR", (dir_ / "var").string());
    return run({.args = args, .env = env, .cwd = dir_.string()});
  }

  // Waits until `port` answers /healthz or the server exits.
  static bool wait_healthy(BackgroundProcess& server, int port) {
    for (int i = 0; i < 200 && server.running(); ++i) {
      if (http_status(port, "/healthz") == "200") return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  fs::path dir_;
};

TEST_F(CliTest, EverySubcommandHasHelpAndJson) {
  for (std::vector<std::string> cmd : std::vector<std::vector<std::string>>{
           {"serve"}, {"generate"}, {"score"}, {"check"}, {"conflicts"}, {"data", "build"}, {"migrate"}, {"words"}, {"expand"},
           {"import", "brands"}, {"import", "companies"}, {"import", "zone"}, {"eval", "generator"}, {"eval", "quality"},
           {"keys", "create"}, {"keys", "list"}, {"keys", "revoke"}}) {
    cmd.push_back("--help");
    auto out = snai(cmd);
    EXPECT_EQ(out.exit_code, 0) << cmd[0] << ": " << out.err;
    EXPECT_NE(out.out.find("--json"), std::string::npos) << cmd[0] << " help lacks --json";
  }
}

TEST_F(CliTest, BadUsageExitsTwo) {
  EXPECT_EQ(snai({}).exit_code, 2);
  EXPECT_EQ(snai({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(snai({"serve", "--no-such-flag"}).exit_code, 2);
  EXPECT_EQ(snai({"generate", "x", "--count", "0"}).exit_code, 2);
  EXPECT_EQ(snai({"serve", "--port", "99999"}).exit_code, 2);
}

TEST_F(CliTest, CapabilitiesNotYetBuiltSaySoAndFail) {
  auto out = snai({"import", "companies", "companies.tsv"});
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_NE(out.err.find("not yet available"), std::string::npos) << out.err;
  auto json = snai({"import", "companies", "companies.tsv", "--json"});
  EXPECT_EQ(json.exit_code, 1);
  EXPECT_NE(json.out.find(R"("code":"failed_precondition")"), std::string::npos) << json.out;
}

TEST_F(CliTest, ConfigTypoExitsTwoNamingTheKey) {
  std::ofstream(dir_ / "snai.toml") << "[server]\nprot = 9000\n";
  auto out = snai({"migrate"});
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.err.find("server.prot"), std::string::npos) << out.err;
  EXPECT_EQ(std::count(out.err.begin(), out.err.end(), '\n'), 1) << "one clear line: " << out.err;
  EXPECT_FALSE(fs::exists(dir_ / "var" / "snai.db")) << "nothing may be written on a bad config";
}

TEST_F(CliTest, BadEnvironmentValueExitsTwo) {
  auto out = snai({"serve"}, {{"SNAI_PORT", "eighty"}});
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.err.find("SNAI_PORT"), std::string::npos) << out.err;
  auto unknown = snai({"migrate"}, {{"SNAI_DATABSE_URL", "sqlite:x.db"}});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("SNAI_DATABSE_URL"), std::string::npos) << unknown.err;
}

TEST_F(CliTest, MigrateCreatesTheEmbeddedDatabaseOnce) {
  auto first = snai({"migrate", "--json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto json = nlohmann::json::parse(first.out);
  EXPECT_EQ(json["backend"], "sqlite");
  EXPECT_EQ(json["from_version"], 0);
  EXPECT_GE(json["to_version"].get<int>(), 1);
  EXPECT_TRUE(fs::exists(dir_ / "var" / "snai.db"));
  auto second = nlohmann::json::parse(snai({"migrate", "--json"}).out);
  EXPECT_EQ(second["from_version"], second["to_version"]);
}

TEST_F(CliTest, CorruptSqliteFileIsReportedAndLeftUntouched) {
  fs::create_directories(dir_ / "var");
  std::string garbage(8192, 'x');
  std::ofstream(dir_ / "var" / "snai.db", std::ios::binary) << garbage;
  auto out = snai({"migrate"});
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_NE(out.err.find("not a SQLite database"), std::string::npos) << out.err;
  EXPECT_EQ(slurp(dir_ / "var" / "snai.db"), garbage);
  auto serve = snai({"serve", "--port", std::to_string(free_port())});
  EXPECT_EQ(serve.exit_code, 1) << serve.err;
}

TEST_F(CliTest, SchemaNewerThanTheBinaryIsRefused) {
  ASSERT_EQ(snai({"migrate"}).exit_code, 0);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "var" / "snai.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "INSERT INTO schema_migrations VALUES (999, 'from the future', 0)", nullptr, nullptr,
                         nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto out = snai({"migrate"});
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_NE(out.err.find("newer than this snai"), std::string::npos) << out.err;
  EXPECT_EQ(snai({"serve", "--port", std::to_string(free_port())}).exit_code, 1);
}

TEST_F(CliTest, UnreachablePostgresIsAClearError) {
  auto out = snai({"migrate"}, {{"SNAI_DATABASE_URL", "postgres://snai:hunter2@127.0.0.1:1/snai"},
                                {"SNAI_DB_CONNECT_TIMEOUT_S", "2"}});
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_NE(out.err.find("cannot connect"), std::string::npos) << out.err;
  EXPECT_EQ(out.err.find("hunter2"), std::string::npos) << "password leaked: " << out.err;
}

TEST_F(CliTest, ServeAnswersHealthAndReadinessAndStopsOnSigterm) {
  int port = free_port();
  BackgroundProcess server({.args = {snai_binary(), "serve", "--port", std::to_string(port)},
                            .env = {{"SNAI_DATA_DIR", (dir_ / "var").string()}},
                            .cwd = dir_.string()});
  ASSERT_TRUE(wait_healthy(server, port)) << server.log();
  EXPECT_EQ(http_status(port, "/readyz"), "200");
  EXPECT_EQ(http_status(port, "/no/such/route"), "404");
  EXPECT_EQ(server.stop(SIGTERM), 0) << server.log();
}

TEST_F(CliTest, JsonLogsAreOneObjectPerLine) {
  int port = free_port();
  BackgroundProcess server({.args = {snai_binary(), "serve", "--port", std::to_string(port)},
                            .env = {{"SNAI_DATA_DIR", (dir_ / "var").string()}, {"SNAI_LOG_FORMAT", "json"}},
                            .cwd = dir_.string()});
  ASSERT_TRUE(wait_healthy(server, port)) << server.log();
  ASSERT_EQ(server.stop(SIGTERM), 0);
  std::istringstream lines(server.log());
  int count = 0;
  for (std::string line; std::getline(lines, line); ++count) {
    auto entry = nlohmann::json::parse(line, nullptr, false);
    ASSERT_FALSE(entry.is_discarded()) << "not JSON: " << line;
    EXPECT_TRUE(entry.contains("ts") && entry.contains("level") && entry.contains("msg")) << line;
  }
  EXPECT_GE(count, 2);
}

TEST_F(CliTest, SecondServerOnABusyPortFailsClearly) {
  int port = free_port();
  BackgroundProcess first({.args = {snai_binary(), "serve", "--port", std::to_string(port)},
                           .env = {{"SNAI_DATA_DIR", (dir_ / "var").string()}},
                           .cwd = dir_.string()});
  ASSERT_TRUE(wait_healthy(first, port)) << first.log();
  auto second = snai({"serve", "--port", std::to_string(port)});
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_NE(second.err.find(std::to_string(port)), std::string::npos) << second.err;
  EXPECT_EQ(http_status(port, "/healthz"), "200") << "the first server must be unharmed";
}

TEST_F(CliTest, PostgresServeMigratesAndIsReady) {
  ScratchPostgres pg;
  int port = free_port();
  BackgroundProcess server({.args = {snai_binary(), "serve", "--port", std::to_string(port)},
                            .env = {{"SNAI_DATABASE_URL", pg.url()}, {"SNAI_DATA_DIR", (dir_ / "var").string()}},
                            .cwd = dir_.string()});
  ASSERT_TRUE(wait_healthy(server, port)) << server.log();
  EXPECT_EQ(http_status(port, "/readyz"), "200");
  EXPECT_EQ(server.stop(SIGTERM), 0) << server.log();
  auto status = nlohmann::json::parse(snai({"migrate", "--json"}, {{"SNAI_DATABASE_URL", pg.url()}}).out);
  EXPECT_EQ(status["backend"], "postgres");
  EXPECT_EQ(status["from_version"], status["to_version"]);
}

TEST_F(CliTest, PostgresWrongPasswordIsAClearError) {
  auto url = with_password(ScratchPostgres::admin_url(), "wrong-" + random_token(4));
  ASSERT_FALSE(url.empty()) << "SNAI_TEST_DATABASE_URL is not set: run through `make test`";
  auto out = snai({"migrate"}, {{"SNAI_DATABASE_URL", url}});
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_NE(out.err.find("password authentication failed"), std::string::npos) << out.err;
  EXPECT_EQ(out.err.find("wrong-"), std::string::npos) << "password leaked: " << out.err;
}

}  // namespace
}  // namespace snai::testing
