#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace snai {
namespace {

TEST(Clock, FormatsIso8601InUtc) {
  EXPECT_EQ(format_iso8601(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_iso8601(1795723767123), "2026-11-26T20:09:27.123Z");
}

TEST(Clock, ManualClockMovesOnlyWhenTold) {
  ManualClock clock(5000);
  EXPECT_EQ(to_unix_ms(clock.now()), 5000);
  clock.advance_ms(250);
  EXPECT_EQ(to_unix_ms(clock.now()), 5250);
}

}  // namespace
}  // namespace snai
