#include "storage/validate.hpp"

#include <gtest/gtest.h>

namespace snai::storage {
namespace {

TEST(Validate, EmailIsNormalised) {
  EXPECT_EQ(*normalize_email("  Ada@Example.COM "), "ada@example.com");
  EXPECT_FALSE(normalize_email("no-at-sign"));
  EXPECT_FALSE(normalize_email("a@b@c"));
  EXPECT_EQ(normalize_email("").error().field, "email");
}

TEST(Validate, NamesNeedTextStyleAndScoreInRange) {
  EXPECT_TRUE(validate(NewName{.name = "Scribely", .style = "affix", .score = 62}));
  EXPECT_EQ(validate(NewName{.name = "", .style = "affix"}).error().field, "name");
  EXPECT_EQ(validate(NewName{.name = "X", .style = ""}).error().field, "style");
  EXPECT_EQ(validate(NewName{.name = "X", .style = "affix", .score = 101}).error().field, "score");
  EXPECT_EQ(validate(NewName{.name = "\xff", .style = "affix"}).error().field, "name");
  EXPECT_EQ(validate(NewName{.name = std::string("a\0b", 3), .style = "affix"}).error().field, "name");
}

TEST(Validate, PageLimitsAndCursors) {
  EXPECT_TRUE(validate(PageRequest{}));
  EXPECT_EQ(validate(PageRequest{.limit = 0}).error().field, "limit");
  EXPECT_EQ(validate(PageRequest{.limit = 1001}).error().field, "limit");
  EXPECT_EQ(*parse_seq_cursor("42"), 42);
  EXPECT_FALSE(parse_seq_cursor("4x"));
}

TEST(Validate, EventPropertiesMustBeAnObject) {
  EXPECT_TRUE(validate(NewEvent{.type = "name.generated"}));
  EXPECT_EQ(validate(NewEvent{.type = "x", .properties = Json::array()}).error().field, "properties");
  EXPECT_EQ(validate(NewEvent{.type = ""}).error().field, "type");
}

}  // namespace
}  // namespace snai::storage
