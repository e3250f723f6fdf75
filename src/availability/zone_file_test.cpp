#include "availability/zone_file.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace snai::availability {
namespace {

struct Parsed {
  std::vector<std::string> labels;
  Result<ZoneFileStats> stats;
};

Parsed parse(std::string_view text, std::string_view tld = "com") {
  Parsed p;
  p.stats = parse_zone_text(text, tld, [&](std::string_view label) { p.labels.emplace_back(label); });
  return p;
}

TEST(ZoneFile, CzdsStyleAbsoluteNames) {
  auto p = parse(
      "com.\t900\tin\tsoa\ta.gtld-servers.net. nstld.verisign-grs.com. 1700000000 1800 900 604800 86400\n"
      "com.\t172800\tin\tns\ta.gtld-servers.net.\n"
      "example.com.\t172800\tin\tns\tns1.example.net.\n"
      "example.com.\t172800\tin\tns\tns2.example.net.\n"
      "Example2.COM.\t172800\tin\tns\tns1.example.net.\n"
      "example.com.\t86400\tin\tds\t370 13 2 BE74359954660069D5C63D200C39F5603827D7DD02B56F120EE9F3A8 6A9D53D2\n"
      "ns1.example.com.\t172800\tin\ta\t192.0.2.1\n");
  ASSERT_TRUE(p.stats) << p.stats.error().message;
  EXPECT_EQ(p.labels, (std::vector<std::string>{"example", "example", "example2"}));
  EXPECT_EQ(p.stats->records, 7u);
  EXPECT_EQ(p.stats->ns_records, 4u);
  EXPECT_EQ(p.stats->delegations, 3u);
}

TEST(ZoneFile, RelativeOwnersOriginTtlParenthesesAndBlankOwner) {
  auto p = parse(
      "$TTL 1h\n"
      "$ORIGIN io.\n"
      "@ IN SOA ns.nic.io. admin.nic.io. (\n"
      "        2024010101 ; serial\n"
      "        3600 900 604800 86400 )\n"
      "@ NS ns.nic.io.\n"
      "alpha NS ns1.host.net.\n"
      "      NS ns2.host.net.\n"
      "beta 3600 IN NS ns1.host.net. ; comment after\n"
      "gamma IN 3600 NS ns1.host.net.\n"
      "deep.alpha NS ns1.host.net.\n"
      "txt TXT \"a ; quoted ( string\"\n"
      "$ORIGIN other.io.\n"
      "www NS ns1.host.net.\n",
      "io");
  ASSERT_TRUE(p.stats) << p.stats.error().message;
  EXPECT_EQ(p.labels, (std::vector<std::string>{"alpha", "alpha", "beta", "gamma"}));
  EXPECT_EQ(p.stats->skipped, 5u);  // SOA, apex NS, deep.alpha, TXT, www.other.io
}

TEST(ZoneFile, OutOfZoneNamesAreSkipped) {
  auto p = parse("example.net. 3600 IN NS ns1.host.net.\nfoo.com. NS ns.\n");
  ASSERT_TRUE(p.stats);
  EXPECT_EQ(p.labels, (std::vector<std::string>{"foo"}));
}

TEST(ZoneFile, MultiLabelTld) {
  auto p = parse("shop.co.uk. NS ns1.host.net.\nco.uk. NS ns.\n", "co.uk");
  ASSERT_TRUE(p.stats);
  EXPECT_EQ(p.labels, (std::vector<std::string>{"shop"}));
}

void expect_error(std::string_view text, std::string_view needle) {
  auto p = parse(text);
  ASSERT_FALSE(p.stats) << "accepted: " << text;
  EXPECT_NE(p.stats.error().message.find(needle), std::string::npos) << p.stats.error().message;
  EXPECT_EQ(p.stats.error().code, ErrorCode::invalid_argument);
}

TEST(ZoneFile, CorruptFilesNameTheLine) {
  expect_error("a.com. NS ns.\nb.com. IN\n", "line 2: record has no type");
  expect_error("a.com. NS ns.\n\nb.com. NS\n", "line 3: NS record needs exactly one name server");
  expect_error("a.com. NS ns.\nb.com. BOGUS x\n", "line 2: unknown record type 'BOGUS'");
  expect_error("com. SOA a. b. ( 1 2 3\n4 5\n", "line 1: '(' is never closed");
  expect_error("a.com. NS ns. )\n", "line 1: ')' without a matching '('");
  expect_error("a.com. TXT \"open\n", "line 1: unterminated quoted string");
  expect_error(std::string("a.com. NS ns.\nb.com.\x01 NS ns.\n"), "line 2: control character 0x01");
  expect_error(std::string("a.com. NS ns.\n\0\0\0", 17), "line 2: control character 0x00");
  expect_error("  NS ns.\n", "line 1: record starts with blank space");
  expect_error("$INCLUDE other.zone\n", "line 1: $INCLUDE is not supported");
  expect_error("$FOO bar\n", "unknown directive");
  expect_error("net. 900 IN SOA a. b. 1 2 3 4 5\n", "SOA is for 'net.', not 'com.'");
  expect_error("a..com. NS ns.\n", "empty label");
  expect_error(std::string(64, 'x') + ".com. NS ns.\n", "longer than 63 octets");
  expect_error("\x1f\x8b\x08", "gzip");
}

TEST(ZoneFile, EscapesInOwnerNames) {
  auto p = parse("a\\.b.com. NS ns.\nx\\065y.com. NS ns.\n");
  ASSERT_TRUE(p.stats) << p.stats.error().message;
  EXPECT_EQ(p.labels, (std::vector<std::string>{"a.b", "xay"}));
}

TEST(ZoneFile, ReadsAFileAndReportsMissingOnes) {
  auto missing = read_zone_file("/nonexistent/zone", "com", [](std::string_view) {});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace snai::availability
