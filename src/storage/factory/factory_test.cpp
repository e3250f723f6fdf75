#include "storage/factory/factory.hpp"

#include <gtest/gtest.h>

namespace snai::storage {
namespace {

TEST(Factory, RedactsPasswords) {
  EXPECT_EQ(redact_url("postgres://snai:s3cret@db:5432/snai"), "postgres://snai:***@db:5432/snai");
  EXPECT_EQ(redact_url("postgres://snai@db/snai"), "postgres://snai@db/snai");
  EXPECT_EQ(redact_url("sqlite:var/snai.db"), "sqlite:var/snai.db");
}

TEST(Factory, RejectsUnknownSchemes) {
  auto storage = open_storage("mysql://x:pw@h/db", {});
  ASSERT_FALSE(storage);
  EXPECT_EQ(storage.error().field, "database_url");
  EXPECT_EQ(storage.error().message.find("pw"), std::string::npos);
}

TEST(Factory, OpensSqliteFromUrl) {
  auto path = std::filesystem::temp_directory_path() / "snai_factory_test" / "x.db";
  std::filesystem::remove_all(path.parent_path());
  auto storage = open_storage("sqlite:" + path.string(), {});
  ASSERT_TRUE(storage) << storage.error().message;
  EXPECT_EQ((*storage)->backend(), "sqlite");
  EXPECT_TRUE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace snai::storage
