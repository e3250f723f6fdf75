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

TEST(Validate, BatchErrorsNameTheItem) {
  auto bad = validate(std::vector<NewName>{{.name = "Ok", .style = "affix"}, {.name = "", .style = "affix"}});
  EXPECT_EQ(bad.error().field, "name");
  EXPECT_TRUE(bad.error().message.starts_with("names[1]: ")) << bad.error().message;
  EXPECT_TRUE(validate(std::vector<NewEvent>{{.type = "a"}, {.type = "b"}}));
  EXPECT_TRUE(validate(std::vector<NewEvent>{{.type = "a"}, {.type = ""}}).error().message.starts_with("events[1]: "));
}

TEST(Validate, ApiKeyLabelsAndSecrets) {
  EXPECT_TRUE(validate_api_key_label("laptop"));
  EXPECT_TRUE(validate_api_key_label(std::string(200, 'x')));
  EXPECT_EQ(validate_api_key_label(std::string(201, 'x')).error().field, "label");
  EXPECT_EQ(validate_api_key_label("\xff").error().field, "label");
  EXPECT_TRUE(check_api_key_secret("snai_0123"));
  EXPECT_EQ(check_api_key_secret("garbage").error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(check_api_key_secret("snai_" + std::string(124, 'a')).error().code, ErrorCode::unauthenticated);
}

TEST(Validate, NotFoundAndConflictErrorsAreWordedOnce) {
  auto missing = not_found("project", "p1", "project_id");
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  EXPECT_EQ(missing.error().message, "project p1 does not exist");
  EXPECT_EQ(missing.error().field, "project_id");
  EXPECT_EQ(not_found("name", "n1").error().field, "id");
  EXPECT_EQ(owner_not_found("u1").error().field, "owner_id");
  EXPECT_EQ(email_taken("a@b.c").error().code, ErrorCode::conflict);
  EXPECT_EQ(name_taken("Forge", "p1").error().message, "name 'Forge' is already in project p1");
  EXPECT_EQ(parse_stored_feedback_kind("meh").error().code, ErrorCode::data_corrupt);
  EXPECT_EQ(*parse_stored_feedback_kind("favorite"), FeedbackKind::favorite);
}

}  // namespace
}  // namespace snai::storage
