// Single-flight: among concurrent callers asking for the same key, one (the leader) computes
// and the others wait for its result instead of computing it again. A waiter that is not
// answered within its wait (or whose leader failed) computes on its own: coalescing is an
// optimisation, never a new way to fail.
//
//   snai::cache::SingleFlight flights;
//   auto joined = flights.join(key, std::chrono::seconds(3));
//   if (joined.lead) { auto v = compute(); joined.lead->finish(v); return v; }
//   if (joined.value) return *joined.value;   // the leader's answer
//   return compute();                          // timed out or the leader failed
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace snai::cache {

class SingleFlight {
  struct Call;

 public:
  // The leader's duty: finish() once with the value (nullopt: failed, the waiters compute
  // themselves). Destroying an unfinished Lead finishes it with nullopt (exceptions too).
  class Lead {
   public:
    Lead(SingleFlight& owner, std::string key, std::shared_ptr<Call> call)
        : owner_(&owner), key_(std::move(key)), call_(std::move(call)) {}
    Lead(Lead&& other) noexcept
        : owner_(std::exchange(other.owner_, nullptr)), key_(std::move(other.key_)), call_(std::move(other.call_)) {}
    Lead& operator=(Lead&&) = delete;
    ~Lead() { finish(std::nullopt); }
    void finish(std::optional<std::string> value);

   private:
    SingleFlight* owner_;
    std::string key_;
    std::shared_ptr<Call> call_;
  };

  struct Joined {
    std::optional<Lead> lead;          // set: this caller computes
    std::optional<std::string> value;  // set: the leader's answer
    bool timed_out = false;            // neither: waited `wait` in vain, or the leader failed
  };

  Joined join(std::string_view key, std::chrono::milliseconds wait);

  // Callers currently waiting for a leader (for tests and metrics).
  std::size_t waiting() const;

 private:
  struct Call {
    bool done = false;
    std::optional<std::string> value;
  };
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::unordered_map<std::string, std::shared_ptr<Call>> calls_;
  std::size_t waiting_ = 0;
};

}  // namespace snai::cache
