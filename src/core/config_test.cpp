#include "core/config.hpp"

#include <fstream>
#include <gtest/gtest.h>

namespace snai {
namespace {

std::filesystem::path write_toml(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / ("snai_config_test_" + name + ".toml");
  std::ofstream(path) << text;
  return path;
}

TEST(Config, DefaultsServeEmbeddedSqliteOnLoopback) {
  auto config = load_config({});
  ASSERT_TRUE(config);
  EXPECT_EQ(config->server.host, "127.0.0.1");
  EXPECT_EQ(config->server.port, 8080);
  EXPECT_EQ(config->effective_database_url(), "sqlite:var/snai.db");
}

TEST(Config, FileThenEnvironmentOverride) {
  auto file = write_toml("override", "[server]\nport = 9000\n[storage]\ndata_dir = \"/tmp/x\"\n");
  auto config = load_config({.file = file, .env = {{"SNAI_PORT", "9100"}}});
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->server.port, 9100);
  EXPECT_EQ(config->storage.data_dir, "/tmp/x");
  EXPECT_EQ(config->effective_database_url(), "sqlite:/tmp/x/snai.db");
}

TEST(Config, UnknownKeyIsNamed) {
  auto file = write_toml("typo", "[server]\nprot = 9000\n");
  auto config = load_config({.file = file});
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().field, "server.prot");
  EXPECT_NE(config.error().message.find("unknown key 'server.prot'"), std::string::npos) << config.error().message;
  EXPECT_NE(config.error().message.find("port"), std::string::npos);
}

TEST(Config, UnknownSectionIsNamed) {
  auto config = load_config({.file = write_toml("section", "[servr]\nport = 1\n")});
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().field, "servr");
}

TEST(Config, BadValuesAreRejectedWithTheirKey) {
  auto out_of_range = load_config({.file = write_toml("range", "[server]\nport = 70000\n")});
  ASSERT_FALSE(out_of_range);
  EXPECT_EQ(out_of_range.error().field, "server.port");

  auto wrong_type = load_config({.file = write_toml("type", "[server]\nport = true\n")});
  ASSERT_FALSE(wrong_type);
  EXPECT_EQ(wrong_type.error().field, "server.port");

  auto bad_env = load_config({.env = {{"SNAI_PORT", "80x"}}});
  ASSERT_FALSE(bad_env);
  EXPECT_EQ(bad_env.error().field, "SNAI_PORT");

  auto bad_enum = load_config({.env = {{"SNAI_LOG_FORMAT", "xml"}}});
  ASSERT_FALSE(bad_enum);
  EXPECT_EQ(bad_enum.error().field, "SNAI_LOG_FORMAT");

  auto bad_url = load_config({.env = {{"SNAI_DATABASE_URL", "mysql://x"}}});
  ASSERT_FALSE(bad_url);
}

TEST(Config, UnknownEnvironmentVariableIsAnError) {
  auto config = load_config({.env = {{"SNAI_PROT", "9000"}}});
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().field, "SNAI_PROT");
}

TEST(Config, MalformedTomlReportsLine) {
  auto config = load_config({.file = write_toml("syntax", "[server]\nport = = 1\n")});
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().message.find(":2:"), std::string::npos) << config.error().message;
}

TEST(Config, MissingFileIsAnError) {
  auto config = load_config({.file = "/nonexistent/snai.toml"});
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().message.find("does not exist"), std::string::npos);
}

TEST(Config, EveryKeyIsDescribed) {
  auto text = describe_config_keys();
  for (auto key : {"server.port", "SNAI_PORT", "SNAI_DATA_DIR", "SNAI_DATABASE_URL", "SNAI_REDIS_URL"})
    EXPECT_NE(text.find(key), std::string::npos) << key;
}

}  // namespace
}  // namespace snai
