#include "availability/domain_name.hpp"

#include <gtest/gtest.h>

namespace snai::availability {
namespace {

void expect_bad(std::string_view name, std::string_view needle) {
  auto r = normalize_label(name);
  ASSERT_FALSE(r) << name << " accepted as " << *r;
  EXPECT_EQ(r.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(r.error().field, "names");
  EXPECT_NE(r.error().message.find(needle), std::string::npos) << r.error().message;
}

TEST(DomainName, LowerCasesAscii) {
  EXPECT_EQ(normalize_label("StRiPe").value(), "stripe");
  EXPECT_EQ(normalize_label("a-b9").value(), "a-b9");
}

TEST(DomainName, ConvertsUnicodeWithIdna) {
  EXPECT_EQ(normalize_label("café").value(), "xn--caf-dma");
  EXPECT_EQ(normalize_label("CAFÉ").value(), "xn--caf-dma");  // UTS #46 maps case
  EXPECT_EQ(normalize_label("münchen").value(), "xn--mnchen-3ya");
  EXPECT_EQ(normalize_label("xn--caf-dma").value(), "xn--caf-dma");
}

TEST(DomainName, RejectsBadInputClearly) {
  expect_bad("", "empty");
  expect_bad("stripe.com", "contains a dot");
  expect_bad("two words", "contains a space");
  expect_bad("under_score", "only letters, digits and hyphens");
  expect_bad("-lead", "hyphen");
  expect_bad("trail-", "hyphen");
  expect_bad("ab--cd", "third and fourth");
  expect_bad("xn--zz-1-2-3-!!", "letters, digits and hyphens");
  expect_bad("xn--a", "not a valid xn-- label");
  expect_bad(std::string(64, 'a'), "64 octets");
  expect_bad("\xff\xfe", "UTF-8");
  expect_bad("caf\xc3\xa9\xe3\x80\x82" "com", "");  // an ideographic full stop maps to a dot
  EXPECT_TRUE(normalize_label(std::string(63, 'a')));
  // 60 × "é": 120 octets of UTF-8, an xn-- label over 63.
  std::string long_unicode;
  for (int i = 0; i < 60; ++i) long_unicode += "\xc3\xa9";
  EXPECT_FALSE(normalize_label(long_unicode));
}

TEST(DomainName, Tlds) {
  EXPECT_EQ(normalize_tld(".COM").value(), "com");
  EXPECT_EQ(normalize_tld("io").value(), "io");
  EXPECT_EQ(normalize_tld("co.uk").error().field, "tlds");
  EXPECT_FALSE(normalize_tld("123"));
  EXPECT_FALSE(normalize_tld(""));
}

}  // namespace
}  // namespace snai::availability
