#include "core/text.hpp"

#include <gtest/gtest.h>

namespace snai {
namespace {

TEST(SplitList, TrimsAndDropsEmptyItems) {
  EXPECT_EQ(split_list(" com, io ,,ai"), (std::vector<std::string>{"com", "io", "ai"}));
  EXPECT_TRUE(split_list("").empty());
  EXPECT_TRUE(split_list(" , ").empty());
}

TEST(SplitList, KeepsEmptyItemsWhenAsked) {
  EXPECT_EQ(split_list("a,,b", EmptyItems::keep), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(split_list("", EmptyItems::keep), (std::vector<std::string>{""}));
}

}  // namespace
}  // namespace snai
