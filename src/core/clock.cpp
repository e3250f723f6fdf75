#include "core/clock.hpp"

#include <fmt/format.h>

namespace snai {

TimePoint ManualClock::now() const { return from_unix_ms(ms_.load()); }

std::int64_t to_unix_ms(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

TimePoint from_unix_ms(std::int64_t ms) { return TimePoint(std::chrono::milliseconds(ms)); }

std::int64_t now_unix_ms() { return to_unix_ms(std::chrono::system_clock::now()); }

std::string format_iso8601(std::int64_t unix_ms) {
  using namespace std::chrono;
  auto tp = sys_time<milliseconds>(milliseconds(unix_ms));
  auto day = floor<days>(tp);
  year_month_day ymd(day);
  hh_mm_ss hms(tp - day);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count(), hms.subseconds().count());
}

}  // namespace snai
