#include "conflicts/double_metaphone.hpp"

#include <gtest/gtest.h>

namespace snai::conflicts {
namespace {

TEST(DoubleMetaphone, PhilipsExamples) {
  EXPECT_EQ(double_metaphone("Smith"), (MetaphoneKeys{"SM0", "XMT"}));
  EXPECT_EQ(double_metaphone("Schmidt"), (MetaphoneKeys{"XMT", "SMT"}));
  EXPECT_EQ(double_metaphone("Thomas"), (MetaphoneKeys{"TMS", "TMS"}));
  EXPECT_EQ(double_metaphone("Knight"), (MetaphoneKeys{"NT", "NT"}));
  EXPECT_EQ(double_metaphone("laugh"), (MetaphoneKeys{"LF", "LF"}));
  EXPECT_EQ(double_metaphone("Jose"), (MetaphoneKeys{"HS", "HS"}));
  EXPECT_EQ(double_metaphone("Xavier"), (MetaphoneKeys{"SF", "SFR"}));
  EXPECT_EQ(double_metaphone("Caesar"), (MetaphoneKeys{"SSR", "SSR"}));
}

TEST(DoubleMetaphone, RespellingsOfOneSoundShareAKey) {
  EXPECT_EQ(double_metaphone("Lyft").primary, double_metaphone("Lift").primary);
  EXPECT_EQ(double_metaphone("Flickr").primary, double_metaphone("Flicker").primary);
  EXPECT_EQ(double_metaphone("Stripe").primary, double_metaphone("Stryp").primary);
  EXPECT_EQ(double_metaphone("Phone").primary, double_metaphone("Fone").primary);
  EXPECT_EQ(double_metaphone("Quick").primary, double_metaphone("Kwik").primary);
  EXPECT_NE(double_metaphone("Stripe").primary, double_metaphone("Slack").primary);
}

TEST(DoubleMetaphone, CaseNonLettersLengthAndEmptyInput) {
  EXPECT_EQ(double_metaphone("FLICKR"), double_metaphone("flickr"));
  EXPECT_EQ(double_metaphone("git-hub 2"), double_metaphone("github"));
  EXPECT_EQ(double_metaphone("Wasserman", 4).primary, "ASRM");
  EXPECT_EQ(double_metaphone("Wasserman", 4).alternate, "FSRM");
  EXPECT_EQ(double_metaphone(""), MetaphoneKeys{});
  EXPECT_EQ(double_metaphone("1234"), MetaphoneKeys{});
  for (const char* odd : {"h", "gh", "cc", "zz", "wicz", "sch", "x", "aaaa", "ghghgh", "tchtch"})
    EXPECT_LE(double_metaphone(odd).primary.size(), 8u) << odd;  // no read past the end
}

}  // namespace
}  // namespace snai::conflicts
