#include "lexicon/internal/key_index.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace snai::lexicon::internal {
namespace {

std::vector<std::string> make_keys(std::size_t count) {
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < count; ++i) keys.push_back("key " + std::to_string(i * 7919 % 100003));
  return keys;
}

TEST(KeyIndex, FindsEveryKeyAndNothingElse) {
  auto keys = make_keys(5000);
  auto key_of = [&](std::uint32_t i) { return std::string_view(keys[i]); };
  auto slots = build_key_slots(keys.size(), key_of, [](std::uint32_t) { return true; });
  EXPECT_TRUE(std::has_single_bit(slots.size()));
  EXPECT_GE(slots.size(), 2 * keys.size());
  for (std::uint32_t i = 0; i < keys.size(); ++i) EXPECT_EQ(probe_key_slots(slots, keys.size(), keys[i], key_of), i);
  EXPECT_FALSE(probe_key_slots(slots, keys.size(), "key", key_of));
  EXPECT_FALSE(probe_key_slots(slots, keys.size(), "key 1000000", key_of));
  EXPECT_FALSE(probe_key_slots(slots, keys.size(), "", key_of));
}

TEST(KeyIndex, EqualKeysAnswerTheFirstWanted) {
  std::vector<std::string> keys = {"axes", "axes", "axes", "geese", "mice", "mice"};
  auto key_of = [&](std::uint32_t i) { return std::string_view(keys[i]); };
  auto first_of_run = [&](std::uint32_t i) { return i == 0 || keys[i] != keys[i - 1]; };
  auto slots = build_key_slots(keys.size(), key_of, first_of_run);
  EXPECT_EQ(slots.size(), 16u);
  EXPECT_EQ(probe_key_slots(slots, keys.size(), "axes", key_of), 0u);
  EXPECT_EQ(probe_key_slots(slots, keys.size(), "geese", key_of), 3u);
  EXPECT_EQ(probe_key_slots(slots, keys.size(), "mice", key_of), 4u);

  auto all = build_key_slots(keys.size(), key_of, [](std::uint32_t) { return true; });
  EXPECT_EQ(probe_key_slots(all, keys.size(), "mice", key_of), 4u);  // the lowest index of equal keys
}

TEST(KeyIndex, DamagedTablesStayInBoundsAndStop) {
  auto keys = make_keys(100);
  auto key_of = [&](std::uint32_t i) { return std::string_view(keys.at(i)); };  // at(): out of bounds throws
  auto slots = build_key_slots(keys.size(), key_of, [](std::uint32_t) { return true; });
  // Every slot full, carrying the right tag but an index past the records: no empty slot ends the probe.
  const std::uint64_t tag = hash64(keys[3]) >> 32 << 32;
  std::vector<std::uint64_t> full(slots.size(), tag | 0xFFFFFFFFu);
  EXPECT_FALSE(probe_key_slots(full, keys.size(), keys[3], key_of));
  std::vector<std::uint64_t> past(slots.size(), tag | (keys.size() + 1));
  EXPECT_FALSE(probe_key_slots(past, keys.size(), keys[3], key_of));
  std::vector<std::uint64_t> odd(slots.begin(), slots.end() - 1);  // not a power of two
  EXPECT_FALSE(probe_key_slots(odd, keys.size(), keys[3], key_of));
  EXPECT_FALSE(probe_key_slots(std::span<const std::uint64_t>{}, keys.size(), keys[3], key_of));
}

}  // namespace
}  // namespace snai::lexicon::internal
