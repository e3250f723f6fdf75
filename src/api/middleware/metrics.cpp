#include "api/middleware/metrics.hpp"

#include <cmath>
#include <fmt/format.h>
#include <stdexcept>
#include <variant>

namespace snai::api::metrics {

namespace detail {
void throw_label_count(std::size_t expected, std::size_t got) {
  throw std::invalid_argument(fmt::format("metric has {} label(s), {} value(s) given", expected, got));
}
}  // namespace detail

namespace {

enum Kind { kCounter, kGauge, kHistogram, kGaugeFunction };

std::string_view kind_name(int kind) {
  switch (kind) {
    case kCounter: return "counter";
    case kHistogram: return "histogram";
    default: return "gauge";
  }
}

bool valid_name(std::string_view name, bool colons) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colons && c == ':');
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

void check_names(std::string_view name, const std::vector<std::string>& labels, int kind) {
  if (!valid_name(name, true)) throw std::invalid_argument(fmt::format("invalid metric name \"{}\"", name));
  for (const auto& label : labels) {
    if (!valid_name(label, false) || label.starts_with("__") || (kind == kHistogram && label == "le")) {
      throw std::invalid_argument(fmt::format("invalid label name \"{}\" on metric {}", label, name));
    }
  }
}

// {route="/x",method="GET"} plus an optional extra pair (le), or "" without labels.
std::string label_set(const std::vector<std::string>& names, const std::vector<std::string>& values,
                      std::string_view extra_name = {}, std::string_view extra_value = {}) {
  if (names.empty() && extra_name.empty()) return {};
  std::string out = "{";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += ',';
    out += fmt::format("{}=\"{}\"", names[i], escape_label_value(values[i]));
  }
  if (!extra_name.empty()) {
    if (!names.empty()) out += ',';
    out += fmt::format("{}=\"{}\"", extra_name, extra_value);
  }
  out += '}';
  return out;
}

}  // namespace

struct Registry::Entry {
  int kind = kCounter;
  std::string help;
  std::vector<std::string> labels;
  std::vector<double> bounds;
  std::variant<std::monostate, Family<Counter>, Family<Gauge>, Family<Histogram>, std::function<double()>> family;
};

Histogram::Histogram(std::span<const double> upper_bounds)
    : bounds_(upper_bounds.begin(), upper_bounds.end()),
      buckets_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1)) {}

void Histogram::observe(double value) {
  // Bucket i holds bounds_[i-1] < value <= bounds_[i] (Prometheus's "le"); the last one the rest.
  const auto at = std::lower_bound(bounds_.begin(), bounds_.end(), value) - bounds_.begin();
  buckets_[static_cast<std::size_t>(at)].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const {
  Snapshot out;
  out.upper_bounds = bounds_;
  std::uint64_t running = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    running += buckets_[i].load(std::memory_order_relaxed);
    out.cumulative.push_back(running);
  }
  // _count is the +Inf bucket by construction, so the two always agree in one scrape.
  out.count = running;
  out.sum = sum_.load(std::memory_order_relaxed);
  return out;
}

Registry::Registry() = default;
Registry::~Registry() = default;

Registry::Entry& Registry::find_or_add(std::string_view name, std::string_view help, int kind,
                                       const std::vector<std::string>& labels, std::span<const double> bounds) {
  check_names(name, labels, kind);
  if (kind == kHistogram && (!std::is_sorted(bounds.begin(), bounds.end()) ||
                             std::adjacent_find(bounds.begin(), bounds.end()) != bounds.end() ||
                             std::any_of(bounds.begin(), bounds.end(), [](double b) { return !std::isfinite(b); }))) {
    throw std::invalid_argument(fmt::format("histogram {}: buckets must be finite and strictly increasing", name));
  }
  std::lock_guard lock(mu_);
  if (auto it = families_.find(name); it != families_.end()) {
    Entry& entry = *it->second;
    const bool same = entry.kind == kind && entry.labels == labels &&
                      std::equal(entry.bounds.begin(), entry.bounds.end(), bounds.begin(), bounds.end());
    if (!same) throw std::invalid_argument(fmt::format("metric {} is already registered differently", name));
    return entry;
  }
  auto entry = std::make_unique<Entry>();
  entry->kind = kind;
  entry->help = std::string(help);
  entry->labels = labels;
  entry->bounds.assign(bounds.begin(), bounds.end());
  switch (kind) {
    case kCounter:
      entry->family.emplace<Family<Counter>>(labels, [] { return std::make_unique<Counter>(); });
      break;
    case kGauge:
      entry->family.emplace<Family<Gauge>>(labels, [] { return std::make_unique<Gauge>(); });
      break;
    case kHistogram:
      entry->family.emplace<Family<Histogram>>(
          labels, [b = entry->bounds] { return std::make_unique<Histogram>(std::span<const double>(b)); });
      break;
    default: break;
  }
  return *families_.emplace(std::string(name), std::move(entry)).first->second;
}

Family<Counter>& Registry::counter(std::string_view name, std::string_view help, std::vector<std::string> labels) {
  return std::get<Family<Counter>>(find_or_add(name, help, kCounter, labels, {}).family);
}

Family<Gauge>& Registry::gauge(std::string_view name, std::string_view help, std::vector<std::string> labels) {
  return std::get<Family<Gauge>>(find_or_add(name, help, kGauge, labels, {}).family);
}

Family<Histogram>& Registry::histogram(std::string_view name, std::string_view help, std::vector<std::string> labels,
                                       std::span<const double> upper_bounds) {
  return std::get<Family<Histogram>>(find_or_add(name, help, kHistogram, labels, upper_bounds).family);
}

void Registry::gauge_function(std::string_view name, std::string_view help, std::function<double()> read) {
  Entry& entry = find_or_add(name, help, kGaugeFunction, {}, {});
  std::lock_guard lock(mu_);
  entry.family.emplace<std::function<double()>>(std::move(read));
}

std::string Registry::expose() const {
  std::string out;
  std::lock_guard lock(mu_);
  for (const auto& [name, entry] : families_) {
    out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, escape_help(entry->help), name, kind_name(entry->kind));
    const auto& labels = entry->labels;
    if (const auto* counters = std::get_if<Family<Counter>>(&entry->family)) {
      counters->for_each([&](const auto& values, const Counter& c) {
        out += fmt::format("{}{} {}\n", name, label_set(labels, values), format_value(c.value()));
      });
    } else if (const auto* gauges = std::get_if<Family<Gauge>>(&entry->family)) {
      gauges->for_each([&](const auto& values, const Gauge& g) {
        out += fmt::format("{}{} {}\n", name, label_set(labels, values), format_value(g.value()));
      });
    } else if (const auto* histograms = std::get_if<Family<Histogram>>(&entry->family)) {
      histograms->for_each([&](const auto& values, const Histogram& h) {
        const Histogram::Snapshot s = h.snapshot();
        for (std::size_t i = 0; i <= s.upper_bounds.size(); ++i) {
          const std::string le = i < s.upper_bounds.size() ? format_value(s.upper_bounds[i]) : "+Inf";
          out += fmt::format("{}_bucket{} {}\n", name, label_set(labels, values, "le", le), s.cumulative[i]);
        }
        out += fmt::format("{}_sum{} {}\n", name, label_set(labels, values), format_value(s.sum));
        out += fmt::format("{}_count{} {}\n", name, label_set(labels, values), s.count);
      });
    } else if (const auto* read = std::get_if<std::function<double()>>(&entry->family)) {
      out += fmt::format("{} {}\n", name, format_value((*read)()));
    }
  }
  return out;
}

Registry& default_registry() {
  static Registry registry;
  return registry;
}

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string escape_help(std::string_view help) {
  std::string out;
  out.reserve(help.size());
  for (char c : help) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::string format_value(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", value);
}

}  // namespace snai::api::metrics
