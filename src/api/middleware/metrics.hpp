// A small Prometheus metrics registry: counters, gauges and fixed-bucket histograms with
// labels, rendered in the text exposition format 0.0.4 for GET /metrics. Safe from many
// threads: a labelled child is found under a shared (reader) lock and updated with atomics,
// so recording never blocks another recorder; only the first use of a label set takes the
// family's writer lock. Children live as long as the registry, so references to them may be
// kept (and should be, on hot paths).
//
// The HTTP server records into ServerDeps::metrics, or into default_registry() when that is
// null; handlers time their work through the same registry:
//
//   auto& generate = registry.histogram("snai_generate_seconds", "Time to generate names.", {}, kLatencyBuckets);
//   { ScopedTimer timer(generate.with({})); namer->generate(request); }
//   registry.counter("snai_http_requests_total", "HTTP requests.", {"route", "method", "status"})
//       .with({"/v1/generate", "POST", "200"}).inc();
//   std::string text = registry.expose();   // "# HELP ...\n# TYPE ...\nsnai_http_requests_total{...} 1\n"
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace snai::api::metrics {

// Request latencies from 1 ms to 10 s (the Prometheus client defaults, plus 25 ms steps).
// From 100 µs: a cached answer takes well under a millisecond, and its p99 should be readable.
inline constexpr double kLatencyBuckets[] = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                             0.05,   0.1,     0.25,   0.5,   1,      2.5,   5,    10};

class Counter {
 public:
  void inc(double by = 1) { value_.fetch_add(by, std::memory_order_relaxed); }  // by >= 0
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

class Gauge {
 public:
  void set(double value) { value_.store(value, std::memory_order_relaxed); }
  void inc(double by = 1) { value_.fetch_add(by, std::memory_order_relaxed); }
  void dec(double by = 1) { value_.fetch_sub(by, std::memory_order_relaxed); }
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

class Histogram {
 public:
  explicit Histogram(std::span<const double> upper_bounds);  // sorted, finite; +Inf is implied

  void observe(double value);

  struct Snapshot {
    std::vector<double> upper_bounds;      // without +Inf
    std::vector<std::uint64_t> cumulative; // one per bound, then +Inf (== count)
    double sum = 0;
    std::uint64_t count = 0;
  };
  Snapshot snapshot() const;

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1, not cumulative
  std::atomic<double> sum_{0};
};

// Observes the seconds between construction and destruction into a histogram.
class ScopedTimer {
 public:
  explicit ScopedTimer(Histogram& histogram) : histogram_(histogram), started_(std::chrono::steady_clock::now()) {}
  ~ScopedTimer() {
    histogram_.observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count());
  }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

 private:
  Histogram& histogram_;
  std::chrono::steady_clock::time_point started_;
};

namespace detail {
[[noreturn]] void throw_label_count(std::size_t expected, std::size_t got);
}  // namespace detail

// Orders label-value lists, and lets a span of views find a stored list without copying it.
struct LabelValuesLess {
  using is_transparent = void;
  template <class A, class B>
  bool operator()(const A& a, const B& b) const {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                        [](std::string_view x, std::string_view y) { return x < y; });
  }
};

// All children of one metric name, one per distinct list of label values.
template <class Child>
class Family {
 public:
  Family(std::vector<std::string> label_names, std::function<std::unique_ptr<Child>()> make)
      : label_names_(std::move(label_names)), make_(std::move(make)) {}

  // The child for these label values (in label_names order); created on first use.
  // std::invalid_argument when the number of values does not match the label names.
  Child& with(std::initializer_list<std::string_view> values) { return with(std::span(values.begin(), values.size())); }
  Child& with(std::span<const std::string_view> values) {
    if (values.size() != label_names_.size()) detail::throw_label_count(label_names_.size(), values.size());
    {
      std::shared_lock lock(mu_);
      if (auto it = children_.find(values); it != children_.end()) return *it->second;
    }
    std::unique_lock lock(mu_);
    auto [it, added] = children_.try_emplace(std::vector<std::string>(values.begin(), values.end()));
    if (added) it->second = make_();
    return *it->second;
  }

  const std::vector<std::string>& label_names() const { return label_names_; }

  // Calls visit(label_values, child) for each child in label-value order, under the reader lock.
  template <class Visit>
  void for_each(Visit&& visit) const {
    std::shared_lock lock(mu_);
    for (const auto& [values, child] : children_) visit(values, *child);
  }

 private:
  std::vector<std::string> label_names_;
  std::function<std::unique_ptr<Child>()> make_;
  mutable std::shared_mutex mu_;
  std::map<std::vector<std::string>, std::unique_ptr<Child>, LabelValuesLess> children_;
};

class Registry {
 public:
  Registry();
  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Registers a family, or returns the one already registered under this name when type,
  // label names (and buckets) match; std::invalid_argument for a bad or clashing name — a
  // programming error found at start-up. Names: [a-zA-Z_:][a-zA-Z0-9_:]*; label names:
  // [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__", and not "le" on histograms.
  Family<Counter>& counter(std::string_view name, std::string_view help, std::vector<std::string> label_names = {});
  Family<Gauge>& gauge(std::string_view name, std::string_view help, std::vector<std::string> label_names = {});
  Family<Histogram>& histogram(std::string_view name, std::string_view help, std::vector<std::string> label_names,
                               std::span<const double> upper_bounds = kLatencyBuckets);
  // A gauge without labels whose value is read when the registry is exposed (memory, uptime).
  // Registering the name again replaces the function.
  void gauge_function(std::string_view name, std::string_view help, std::function<double()> read);

  // Every family in name order, in the text exposition format 0.0.4.
  std::string expose() const;

 private:
  struct Entry;
  Entry& find_or_add(std::string_view name, std::string_view help, int kind, const std::vector<std::string>& labels,
                     std::span<const double> bounds);
  mutable std::mutex mu_;  // guards the map of families, not the values
  std::map<std::string, std::unique_ptr<Entry>, std::less<>> families_;
};

// The process-wide registry, used when ServerDeps::metrics is null (like the Prometheus
// clients' default registry). Tests that count should pass their own.
Registry& default_registry();

// The content type of expose()'s output.
inline constexpr std::string_view kExpositionContentType = "text/plain; version=0.0.4; charset=utf-8";

// Text-format helpers, exposed for tests: a label value with \ " and newline escaped; a HELP
// text with \ and newline escaped; a sample value ("+Inf", "-Inf", "NaN", else shortest form).
std::string escape_label_value(std::string_view value);
std::string escape_help(std::string_view help);
std::string format_value(double value);

}  // namespace snai::api::metrics
