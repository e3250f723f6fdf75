#include "core/utf8.hpp"

#include <gtest/gtest.h>

namespace snai {
namespace {

TEST(Utf8, AcceptsWellFormedTextAndRejectsTheRest) {
  EXPECT_TRUE(is_valid_utf8("Café ☕ 𝄞"));
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_FALSE(is_valid_utf8("\xc3"));          // truncated
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));      // overlong
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));  // surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xff"));
}

}  // namespace
}  // namespace snai
