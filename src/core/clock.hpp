// Time: a Clock interface so tests can fix "now", and helpers between time points,
// Unix milliseconds (how storage keeps time) and ISO-8601 text (how JSON shows it).
//
//   snai::SystemClock clock;
//   std::int64_t ms = snai::to_unix_ms(clock.now());
//   std::string text = snai::format_iso8601(ms);   // "2026-11-26T19:49:27.123Z"
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace snai {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::system_clock::now(); }
};

// A clock that only moves when told to.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::int64_t unix_ms) : ms_(unix_ms) {}
  TimePoint now() const override;
  void advance_ms(std::int64_t ms) { ms_ += ms; }

 private:
  std::atomic<std::int64_t> ms_;
};

std::int64_t to_unix_ms(TimePoint t);
TimePoint from_unix_ms(std::int64_t ms);
std::int64_t now_unix_ms();
std::string format_iso8601(std::int64_t unix_ms);

}  // namespace snai
