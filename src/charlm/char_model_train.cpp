// Interpolated modified Kneser–Ney (Chen & Goodman 1998), written out in backoff form so a
// query needs one table probe per character in the common case.
//
// For an n-gram hw at order k, with adjusted count a(hw) (the raw count at the top order and for
// n-grams that start at the begin marker, else the number of distinct symbols seen before it):
//   p_k(w|h) = max(a(hw) - D_k(a), 0) / S(h) + gamma(h) * p_{k-1}(w|h')
//   gamma(h) = (D_k1 N1(h.) + D_k2 N2(h.) + D_k3 N3+(h.)) / S(h),   p_0 = 1/27 (uniform)
// For a context h that was seen but never followed by w, p_k(w|h) = gamma(h) p_{k-1}(w|h'), so
// log P(w | history) = log p(longest seen (suffix, w)) + the log gammas of the longer seen
// suffixes. Each entry stores its log p minus the summed log gammas of its own context's
// suffixes ("cumulative backoff"), and the state carries the cumulative backoff of the
// history, so the sum is one addition.
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <fmt/format.h>
#include <vector>

#include "charlm/char_model.hpp"
#include "charlm/internal/ngram_key.hpp"

namespace snai::charlm {

using internal::Entry;
using internal::kBegin;
using internal::kEnd;
using internal::kSymbolBits;
using internal::key_mask;

namespace {

// A growable open-addressing map from non-zero packed keys: training touches millions of
// n-grams, and std::unordered_map is several times slower at that.
template <class V>
class FlatMap {
 public:
  FlatMap() { rehash(1024); }

  V& operator[](std::uint64_t key) {
    if ((size_ + 1) * 2 > keys_.size()) rehash(keys_.size() * 2);
    std::size_t i = slot(key);
    if (keys_[i] == 0) {
      keys_[i] = key;
      values_[i] = V{};
      ++size_;
    }
    return values_[i];
  }
  const V* find(std::uint64_t key) const {
    if (key == 0) return nullptr;
    std::size_t i = slot(key);
    return keys_[i] == key ? &values_[i] : nullptr;
  }
  template <class F>
  void for_each(F&& visit) const {
    for (std::size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != 0) visit(keys_[i], values_[i]);
  }
  std::size_t size() const { return size_; }

 private:
  std::size_t slot(std::uint64_t key) const {
    const std::size_t mask = keys_.size() - 1;
    std::size_t i = internal::slot_hash(key) >> shift_;
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
    return i;
  }
  void rehash(std::size_t capacity) {
    auto old_keys = std::move(keys_);
    auto old_values = std::move(values_);
    keys_.assign(capacity, 0);
    values_.assign(capacity, V{});
    shift_ = 64 - std::countr_zero(capacity);
    size_ = 0;
    for (std::size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i] != 0) (*this)[old_keys[i]] = old_values[i];
  }

  std::vector<std::uint64_t> keys_;
  std::vector<V> values_;
  int shift_ = 64;
  std::size_t size_ = 0;
};

using Counts = std::vector<std::pair<std::uint64_t, std::uint64_t>>;  // sorted by key

// Chen & Goodman's estimates from the counts-of-counts; a training set too small to have
// n-grams seen 1..4 times falls back to typical values.
std::array<double, 4> discounts(const Counts& counts) {
  std::array<double, 5> n{};
  for (const auto& [key, a] : counts)
    if (a >= 1 && a <= 4) n[a] += 1;
  std::array<double, 4> d{0, 0.6, 1.0, 1.3};
  if (n[1] > 0 && n[2] > 0 && n[3] > 0 && n[4] > 0) {
    double y = n[1] / (n[1] + 2 * n[2]);
    std::array<double, 4> est{0, 1 - 2 * y * n[2] / n[1], 2 - 3 * y * n[3] / n[2], 3 - 4 * y * n[4] / n[3]};
    if (est[1] > 0 && est[1] < 1 && est[2] > 0 && est[2] < 2 && est[3] > 0 && est[3] < 3) d = est;
  }
  return d;
}

double discount(const std::array<double, 4>& d, std::uint64_t a) { return d[std::min<std::uint64_t>(a, 3)]; }

struct Context {
  double total = 0;  // S(h)
  double gamma = 0;
  double cumulative_backoff = 0;  // sum of log gamma over h and its shorter suffixes
};

// Raw counts of every n-gram of every order (raw[k] for k = 1..n) ending at each predicted symbol.
Result<std::vector<FlatMap<std::uint64_t>>> raw_counts(std::span<const TrainingWord> words, int n) {
  std::vector<FlatMap<std::uint64_t>> raw(n + 1);
  std::size_t used = 0;
  std::array<std::uint64_t, CharModel::kMaxWordLength + 2> symbols{};
  for (const auto& w : words) {
    if (w.count == 0 || w.word.empty() || w.word.size() > CharModel::kMaxWordLength) continue;
    const std::size_t m = w.word.size();
    symbols[0] = kBegin;
    bool letters = true;
    for (std::size_t i = 0; i < m && letters; ++i) letters = (symbols[i + 1] = internal::letter_symbol(w.word[i])) != 0;
    if (!letters) continue;
    symbols[m + 1] = kEnd;
    ++used;
    for (std::size_t t = 1; t <= m + 1; ++t) {
      std::uint64_t key = 0;
      for (int k = 1; k <= n && static_cast<std::size_t>(k) <= t + 1; ++k) {
        key |= symbols[t + 1 - k] << (kSymbolBits * (k - 1));
        raw[k][key] += w.count;
      }
    }
  }
  if (used == 0) return fail(ErrorCode::invalid_argument, "no training word is made of letters only", "words");
  return raw;
}

// Adjusted counts, sorted so that each context's n-grams are adjacent.
std::vector<Counts> adjusted_counts(std::vector<FlatMap<std::uint64_t>> raw, int n) {
  std::vector<Counts> adjusted(n + 1);
  for (int k = 1; k <= n; ++k) {
    FlatMap<std::uint64_t> continuation;
    if (k < n) raw[k + 1].for_each([&](std::uint64_t g, std::uint64_t) { continuation[g & key_mask(k)] += 1; });
    auto& out = adjusted[k];
    out.reserve(raw[k].size());
    raw[k].for_each([&](std::uint64_t key, std::uint64_t count) {
      bool keep_raw = k == n || internal::first_symbol(key, k) == kBegin;
      out.emplace_back(key, keep_raw ? count : *continuation.find(key));
    });
    std::sort(out.begin(), out.end());
  }
  return adjusted;
}

// Contexts (keys of order k-1, the empty one is key 0) and interpolated probabilities.
struct Interpolated {
  FlatMap<Context> contexts;
  FlatMap<double> prob;
  Context empty;
};

Interpolated interpolate(const std::vector<Counts>& adjusted, int n) {
  Interpolated m;
  for (int k = 1; k <= n; ++k) {
    const auto d = discounts(adjusted[k]);
    const auto& counts = adjusted[k];
    for (std::size_t begin = 0; begin < counts.size();) {
      const std::uint64_t h = counts[begin].first >> kSymbolBits;
      std::size_t end = begin;
      std::array<double, 4> by_count{};
      double total = 0;
      for (; end < counts.size() && (counts[end].first >> kSymbolBits) == h; ++end) {
        total += static_cast<double>(counts[end].second);
        by_count[std::min<std::uint64_t>(counts[end].second, 3)] += 1;
      }
      Context c;
      c.total = total;
      c.gamma = (d[1] * by_count[1] + d[2] * by_count[2] + d[3] * by_count[3]) / total;
      if (h == 0) {
        m.empty = c;
      } else {
        const Context* shorter = m.contexts.find(h & key_mask(k - 2));
        c.cumulative_backoff = std::log(c.gamma) + (shorter ? shorter->cumulative_backoff : 0.0);
        m.contexts[h] = c;
      }
      for (std::size_t i = begin; i < end; ++i) {
        const auto [g, a] = counts[i];
        const double lower = k == 1 ? 1.0 / CharModel::kSymbolCount : *m.prob.find(g & key_mask(k - 1));
        m.prob[g] = std::max(static_cast<double>(a) - discount(d, a), 0.0) / total + c.gamma * lower;
      }
      begin = end;
    }
  }
  // Symbols never seen get their share of the unigram backoff mass.
  for (std::uint64_t s = 1; s <= kEnd; ++s)
    if (!m.prob.find(s)) m.prob[s] = m.empty.gamma / CharModel::kSymbolCount;
  return m;
}

// One entry per n-gram in backoff form, plus the begin marker's.
std::vector<Entry> backoff_entries(const Interpolated& m, int n) {
  auto cumulative = [&](std::uint64_t h) {
    const Context* c = h == 0 ? nullptr : m.contexts.find(h);
    return c ? c->cumulative_backoff : 0.0;
  };
  std::vector<Entry> entries;
  entries.reserve(m.prob.size() + 1);
  m.prob.for_each([&](std::uint64_t g, double p) {
    const int length = internal::key_length(g);
    Entry e;
    e.key = g;
    e.log_prob = static_cast<float>(std::log(p) - cumulative(g >> kSymbolBits));
    if ((g & key_mask(1)) != kEnd) e.next_backoff = static_cast<float>(cumulative(g & key_mask(std::min(length, n - 1))));
    entries.push_back(e);
  });
  entries.push_back({kBegin, 0.0f, static_cast<float>(cumulative(kBegin))});
  return entries;
}

// The open-addressing table the model probes, at most two-thirds full.
std::vector<Entry> hash_slots(const std::vector<Entry>& entries) {
  std::size_t capacity = std::max<std::size_t>(64, std::bit_ceil(entries.size() + entries.size() / 2 + 1));
  std::vector<Entry> slots(capacity);
  const int shift = 64 - std::countr_zero(capacity);
  for (const auto& e : entries) {
    std::size_t i = internal::slot_hash(e.key) >> shift;
    while (slots[i].key != 0) i = (i + 1) & (capacity - 1);
    slots[i] = e;
  }
  return slots;
}

}  // namespace

Result<CharModel> CharModel::train(std::span<const TrainingWord> words, const CharModelOptions& options) {
  const int n = options.order;
  if (n < 2 || n > kMaxOrder)
    return fail(ErrorCode::invalid_argument, fmt::format("order {} is not in 2..{}", n, kMaxOrder), "order");
  auto raw = raw_counts(words, n);
  if (!raw) return fail(raw.error());
  const auto adjusted = adjusted_counts(std::move(*raw), n);  // the raw counts are freed here
  const auto entries = backoff_entries(interpolate(adjusted, n), n);
  return CharModel(n, hash_slots(entries), entries.size());
}

}  // namespace snai::charlm
