// What founders ask POST /v1/generate for, so that an instance starts with a warm cache.
//
// GenerateDemand counts the answered requests in process (a counter per cache key, the body
// kept once) and writes the counts to storage as "generate.requested" events
// ({"request": <canonical request>, "count": N}) from a background thread every flush period
// and at destruction. The analytics can read them too. warm_generate_cache() reads the events
// of the last days back, sums them per request and answers the most asked into the response
// cache (L1 and, with Redis, L2), most asked first: run it on a thread of its own at start-up.
//
//   GenerateDemand demand(storage);                     // flushes every minute
//   demand.record(key, body);                           // on each answer: one counter
//   std::atomic<bool> stop{false};
//   auto report = warm_generate_cache(deps, {.top = 100, .since_ms = now_ms - 7 * 86'400'000}, stop);
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "api/server/server_deps.hpp"
#include "core/result.hpp"
#include "core/text.hpp"
#include "storage/storage.hpp"

namespace snai::api {

inline constexpr std::string_view kGenerateRequestedEvent = "generate.requested";

struct DemandOptions {
  std::chrono::milliseconds flush_every = std::chrono::minutes(1);
  std::size_t max_distinct = 10'000;  // distinct requests held between flushes; more are dropped
};

class GenerateDemand {
 public:
  explicit GenerateDemand(storage::Storage& storage, DemandOptions options = {});
  GenerateDemand(const GenerateDemand&) = delete;
  GenerateDemand& operator=(const GenerateDemand&) = delete;
  ~GenerateDemand();  // stops the thread, then flushes what is left

  // One answered request: `key` its cache key, `body` its JSON text (a valid generate request).
  // Never blocks on storage.
  void record(std::string_view key, std::string_view body);

  // Writes the counts gathered so far as events (one transaction) and clears them. Bodies that
  // no longer parse are skipped. On a storage error the counts are kept for the next try.
  Status flush();

  // Requests not counted because max_distinct were already waiting for a flush.
  std::uint64_t dropped() const { return dropped_.load(); }

 private:
  struct Count {
    std::string body;
    std::int64_t count = 0;
  };

  void run();

  storage::Storage& storage_;
  DemandOptions options_;
  std::mutex mu_;
  std::unordered_map<std::string, Count, StringHash, std::equal_to<>> counts_;  // by cache key
  std::mutex flush_mu_;                            // one flush at a time
  std::atomic<std::uint64_t> dropped_{0};
  std::mutex wake_mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

struct WarmOptions {
  int top = 100;                 // how many of the most asked requests to answer
  std::int64_t since_ms = 0;     // events from this time on (Unix ms)
  int max_events = 100'000;      // events read at most (newest pages are not preferred)
};

struct WarmReport {
  int distinct = 0;  // distinct requests in the events read
  int warmed = 0;    // answers computed (or fetched from L2) into the cache
  int present = 0;   // already in this instance's L1
  int failed = 0;    // could not be parsed or answered
  std::int64_t ms = 0;
};

// Needs deps.namer and deps.response_cache (failed_precondition otherwise). `stop` ends it early.
Result<WarmReport> warm_generate_cache(const ServerDeps& deps, const WarmOptions& options, const std::atomic<bool>& stop);

}  // namespace snai::api
