#include "api/routes/generate_demand.hpp"

#include <algorithm>
#include <map>
#include <spdlog/spdlog.h>
#include <vector>

#include "api/routes/generate_routes.hpp"

namespace snai::api {

GenerateDemand::GenerateDemand(storage::Storage& storage, DemandOptions options)
    : storage_(storage), options_(options), thread_([this] { run(); }) {}

GenerateDemand::~GenerateDemand() {
  {
    std::lock_guard lock(wake_mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (auto flushed = flush(); !flushed)
    spdlog::warn("generate demand: the last counts were not stored: {}", flushed.error().message);
}

void GenerateDemand::record(std::string_view key, std::string_view body) {
  std::lock_guard lock(mu_);
  auto it = counts_.find(key);
  if (it == counts_.end()) {
    if (counts_.size() >= options_.max_distinct) {
      dropped_.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    it = counts_.emplace(std::string(key), Count{.body = std::string(body)}).first;
  }
  ++it->second.count;
}

Status GenerateDemand::flush() {
  std::lock_guard one_at_a_time(flush_mu_);
  std::unordered_map<std::string, Count, StringHash, std::equal_to<>> taken;
  {
    std::lock_guard lock(mu_);
    taken.swap(counts_);
  }
  if (taken.empty()) return ok();
  std::vector<storage::NewEvent> events;
  events.reserve(taken.size());
  for (const auto& [key, count] : taken) {
    // Stored in canonical form, so the same request from any instance sums up when read back.
    auto request = parse_generate_body(count.body);
    if (!request) continue;  // recorded bodies were answered, so this does not happen
    events.push_back({.type = std::string(kGenerateRequestedEvent),
                      .properties = {{"request", canonical_generate_request(normalise_generate_request(std::move(*request)))},
                                     {"count", count.count}}});
  }
  auto stored = storage_.append_events(events);
  if (stored) return ok();
  // Put the counts back (adding to what arrived meanwhile) for the next flush.
  std::lock_guard lock(mu_);
  for (auto& [key, count] : taken) {
    auto [it, added] = counts_.try_emplace(key, std::move(count));
    if (!added) it->second.count += count.count;
  }
  return fail(stored.error());
}

void GenerateDemand::run() {
  std::unique_lock lock(wake_mu_);
  while (!stopping_) {
    wake_.wait_for(lock, options_.flush_every, [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    if (auto flushed = flush(); !flushed)
      spdlog::warn("generate demand: counts not stored, kept for the next try: {}", flushed.error().message);
    lock.lock();
  }
}

namespace {

// The canonical request text of every "generate.requested" event since `since_ms`, with the
// summed counts.
Result<std::map<std::string, std::int64_t>> read_demand(storage::Storage& storage, const WarmOptions& options,
                                                        const std::atomic<bool>& stop) {
  std::map<std::string, std::int64_t> counts;
  storage::EventFilter filter{.type = std::string(kGenerateRequestedEvent), .since_ms = options.since_ms};
  storage::PageRequest page{.limit = 1000};
  int read = 0;
  while (read < options.max_events && !stop.load()) {
    auto events = storage.list_events(filter, page);
    if (!events) return fail(events.error());
    for (const auto& event : events->items) {
      const auto request = event.properties.find("request");
      const auto count = event.properties.find("count");
      if (request == event.properties.end() || !request->is_object()) continue;
      const std::int64_t n = count != event.properties.end() && count->is_number_integer() ? count->get<std::int64_t>() : 1;
      counts[request->dump()] += std::max<std::int64_t>(n, 1);
    }
    read += static_cast<int>(events->items.size());
    if (events->next.empty()) break;
    page.after = events->next;
  }
  return counts;
}

}  // namespace

Result<WarmReport> warm_generate_cache(const ServerDeps& deps, const WarmOptions& options,
                                       const std::atomic<bool>& stop) {
  if (!deps.namer || !deps.response_cache)
    return fail(ErrorCode::failed_precondition, "warming needs the naming data and the response cache");
  const auto started = std::chrono::steady_clock::now();
  auto counts = read_demand(deps.storage, options, stop);
  if (!counts) return fail(counts.error());

  std::vector<std::pair<std::int64_t, const std::string*>> ranked;
  ranked.reserve(counts->size());
  for (const auto& [text, count] : *counts) ranked.emplace_back(count, &text);
  // Most asked first; equal counts in text order, so every instance warms the same set.
  std::ranges::sort(ranked, [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : *a.second < *b.second;
  });

  WarmReport report{.distinct = static_cast<int>(ranked.size())};
  for (const auto& [count, text] : ranked) {
    if (report.warmed + report.present + report.failed >= options.top || stop.load()) break;
    auto request = parse_generate_body(*text);
    if (!request) {
      ++report.failed;
      continue;
    }
    const generate::GenerateRequest normal = normalise_generate_request(std::move(*request));
    auto served = deps.response_cache->get_or_compute(generate_cache_key(normal, deps.data_version), [&] {
      return compute_generate_answer(*deps.namer, normal);
    });
    if (!served) ++report.failed;
    else if (served->level == cache::CacheLevel::l1) ++report.present;
    else ++report.warmed;
  }
  report.ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace snai::api
