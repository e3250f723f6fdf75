#include "conflicts/conflict_index.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <cmath>
#include <optional>
#include <unordered_set>

#include "conflicts/double_metaphone.hpp"
#include "conflicts/similarity.hpp"
#include "semantic/vector_index.hpp"

namespace snai::conflicts {
namespace {

constexpr std::size_t kMaxNameBytes = 100;
// A metaphone key shared by more brands than this says little (short keys like "KN").
constexpr std::size_t kMetaphoneBucketCap = 256;
constexpr std::size_t kTrigramCandidates = 64;

enum class Kind : std::uint64_t { skeleton = 1, phonemes = 2, metaphone = 3, trigram = 4 };

std::uint64_t hash_bytes(Kind kind, const unsigned char* bytes, std::size_t size) {
  std::uint64_t h = 1469598103934665603ULL ^ (static_cast<std::uint64_t>(kind) * 0x9E3779B97F4A7C15ULL);
  for (std::size_t i = 0; i < size; ++i) {
    h ^= bytes[i];
    h *= 1099511628211ULL;
  }
  return h;
}
std::uint64_t hash_of(Kind kind, std::string_view s) {
  return hash_bytes(kind, reinterpret_cast<const unsigned char*>(s.data()), s.size());
}
std::uint64_t hash_of(Kind kind, const PhonemeString& p) { return hash_bytes(kind, p.data(), p.size()); }

// The string and every string one deletion away (distinct), for strings of at least `min_len`.
template <class S>
std::vector<S> deletion_neighbourhood(const S& s, std::size_t min_len) {
  std::vector<S> out{s};
  if (s.size() < min_len) return out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && s[i] == s[i - 1]) continue;  // deleting either of a doubled letter gives the same
    S d = s;
    d.erase(i, 1);
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<std::string> trigrams(std::string_view key) {
  std::vector<std::string> out;
  if (key.size() < 4) return out;
  for (std::size_t i = 0; i + 3 <= key.size(); ++i) out.emplace_back(key.substr(i, 3));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

PhonemeString phoneme_ids(const lexicon::Pronunciation& p) {
  PhonemeString out;
  for (const auto& ph : p.phonemes) out.push_back(ph.id);
  return out;
}

std::string letters_only(std::string_view key) {
  std::string out;
  for (char c : key)
    if (c >= 'a' && c <= 'z') out += c;
  return out;
}

// Eight partial sums: a plain loop is one dependent chain of float adds the compiler may not
// reorder (no -ffast-math), eight chains vectorise.
float dot(const float* a, const float* b, int n) {
  float acc[8] = {};
  int i = 0;
  for (; i + 8 <= n; i += 8)
    for (int k = 0; k < 8; ++k) acc[k] += a[i + k] * b[i + k];
  float sum = 0;
  for (; i < n; ++i) sum += a[i] * b[i];
  for (float x : acc) sum += x;
  return sum;
}

// Subtracts the mean brand vector and renormalises; a zero vector (no meaning) stays zero.
// fastText vectors share a common direction that makes any two names look ~0.9 alike; without
// it, unrelated invented names fall to ~0.6-0.8 while related words stay above ~0.85.
void centre(float* v, const std::vector<float>& mean) {
  const int n = static_cast<int>(mean.size());
  if (std::all_of(v, v + n, [](float x) { return x == 0; })) return;
  double norm = 0;
  for (int k = 0; k < n; ++k) {
    v[k] -= mean[k];
    norm += static_cast<double>(v[k]) * v[k];
  }
  norm = std::sqrt(norm);
  for (int k = 0; k < n; ++k) v[k] = norm > 0 ? static_cast<float>(v[k] / norm) : 0.0f;
}

struct Posting {
  std::uint64_t hash;
  std::uint32_t entry;
  friend bool operator<(const Posting& a, const Posting& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.entry < b.entry;
  }
};

struct Entry {
  std::uint32_t brand = 0;
  std::string text;  // the name or alias as written
  std::string key;   // normalize_brand(text)
  std::string skeleton;
  PhonemeString phonemes;
  MetaphoneKeys metaphone;
  std::uint16_t trigram_count = 0;
};

// What a query knows about itself; computed once per find().
struct Query {
  std::string key, skeleton;
  PhonemeString phonemes;
  MetaphoneKeys metaphone;
  std::vector<float> vector;
};

struct Scores {
  double spelling = 0, sound = 0, meaning = 0;
};

double metaphone_similarity(const MetaphoneKeys& a, const MetaphoneKeys& b) {
  if (a.primary.empty() || b.primary.empty()) return 0;
  if (a.primary == b.primary || a.primary == b.alternate || a.alternate == b.primary ||
      (!a.alternate.empty() && a.alternate == b.alternate))
    return 1;
  auto longer = std::max(a.primary.size(), b.primary.size());
  return std::max(0.0, 1.0 - edit_distance(a.primary, b.primary) / static_cast<double>(longer));
}

// Scratch space per thread: which entries this query has already collected, and trigram counts.
struct Scratch {
  std::vector<std::uint32_t> seen;
  std::vector<std::uint16_t> shared;
  std::vector<std::uint32_t> touched;
  std::uint32_t generation = 0;
};
Scratch& scratch(std::size_t entries) {
  thread_local Scratch s;
  if (s.seen.size() < entries) {
    s.seen.assign(entries, 0);
    s.shared.assign(entries, 0);
    s.generation = 0;
  }
  if (++s.generation == 0) {
    std::fill(s.seen.begin(), s.seen.end(), 0);
    s.generation = 1;
  }
  return s;
}

std::string count_words(int n) {
  static constexpr std::string_view kWords[] = {"no", "one", "two", "three"};
  return n >= 0 && n < 4 ? std::string(kWords[n]) : std::to_string(n);
}

}  // namespace

std::string_view to_string(Risk risk) {
  switch (risk) {
    case Risk::high: return "high";
    case Risk::medium: return "medium";
    case Risk::low: return "low";
  }
  return "low";
}

struct ConflictIndex::State {
  ConflictSources sources;
  ConflictIndexOptions options;
  std::vector<std::string> brand_names;
  std::vector<Entry> entries;
  std::vector<Posting> postings;  // sorted by hash
  int dim = 0;
  std::vector<float> mean;     // of the brands' vectors
  std::vector<float> vectors;  // entries × dim, centred, unit length or zero
  std::optional<semantic::VectorIndex> vector_index;

  std::span<const Posting> lookup(std::uint64_t hash) const {
    auto lo = std::lower_bound(postings.begin(), postings.end(), Posting{hash, 0});
    auto hi = lo;
    while (hi != postings.end() && hi->hash == hash) ++hi;
    return {lo, hi};
  }
  std::span<const float> vector_of(std::size_t entry) const {
    return dim == 0 ? std::span<const float>() : std::span<const float>(vectors.data() + entry * dim, dim);
  }

  Query make_query(std::string_view name, bool meaning) const;
  std::vector<std::uint32_t> candidates(const Query& q) const;
  Scores score(const Query& q, const Entry& e, std::size_t entry) const;
  ConflictMatch judge(const Query& q, const Entry& e, const Scores& s) const;
};

Query ConflictIndex::State::make_query(std::string_view name, bool meaning) const {
  Query q;
  q.key = brands::normalize_brand(name);
  q.skeleton = visual_skeleton(q.key);
  if (sources.pronouncer) q.phonemes = phoneme_ids(sources.pronouncer->pronounce(name));
  q.metaphone = double_metaphone(letters_only(q.key));
  if (meaning && sources.embeddings && dim > 0) {
    q.vector = sources.embeddings->vector(name);
    centre(q.vector.data(), mean);
    if (std::all_of(q.vector.begin(), q.vector.end(), [](float x) { return x == 0; })) q.vector.clear();
  }
  return q;
}

std::vector<std::uint32_t> ConflictIndex::State::candidates(const Query& q) const {
  auto& s = scratch(entries.size());
  std::vector<std::uint32_t> out;
  auto take = [&](std::uint32_t e) {
    if (s.seen[e] == s.generation) return;
    s.seen[e] = s.generation;
    out.push_back(e);
  };
  for (const auto& d : deletion_neighbourhood(q.skeleton, 3))
    for (const auto& p : lookup(hash_of(Kind::skeleton, d))) take(p.entry);
  if (q.key != q.skeleton)
    for (const auto& d : deletion_neighbourhood(q.key, 3))
      for (const auto& p : lookup(hash_of(Kind::skeleton, d))) take(p.entry);
  if (q.phonemes.size() >= 2)
    for (const auto& d : deletion_neighbourhood(q.phonemes, 3))
      for (const auto& p : lookup(hash_of(Kind::phonemes, d))) take(p.entry);
  for (const auto* key : {&q.metaphone.primary, &q.metaphone.alternate}) {
    if (key->size() < 2 || (key == &q.metaphone.alternate && *key == q.metaphone.primary)) continue;
    auto bucket = lookup(hash_of(Kind::metaphone, *key));
    if (bucket.size() <= kMetaphoneBucketCap)
      for (const auto& p : bucket) take(p.entry);
  }
  // Shared trigrams: longer names a few edits away, and names that contain a brand.
  auto grams = trigrams(q.key);
  if (!grams.empty()) {
    for (const auto& g : grams)
      for (const auto& p : lookup(hash_of(Kind::trigram, g))) {
        if (s.shared[p.entry]++ == 0) s.touched.push_back(p.entry);
      }
    std::vector<std::pair<double, std::uint32_t>> ranked;
    for (auto e : s.touched) {
      double shared = s.shared[e], own = entries[e].trigram_count;
      double dice = 2 * shared / (own + static_cast<double>(grams.size()));
      bool contained = shared >= own;  // every trigram of the brand is in the query
      if (dice >= 0.5 || contained) ranked.emplace_back(contained ? 1.0 + dice : dice, e);
      s.shared[e] = 0;
    }
    s.touched.clear();
    auto keep = std::min(ranked.size(), kTrigramCandidates);
    std::partial_sort(ranked.begin(), ranked.begin() + keep, ranked.end(), std::greater<>());
    for (std::size_t i = 0; i < keep; ++i) take(ranked[i].second);
  }
  if (!q.vector.empty() && options.meaning_candidates > 0) {
    if (vector_index) {
      if (auto hits = vector_index->search(q.vector, options.meaning_candidates))
        for (const auto& h : *hits) {
          std::uint32_t e = 0;
          std::from_chars(h.label.data(), h.label.data() + h.label.size(), e);
          if (e < entries.size()) take(e);
        }
    } else {
      std::vector<std::pair<float, std::uint32_t>> best;
      best.reserve(entries.size());
      for (std::size_t e = 0; e < entries.size(); ++e)
        best.emplace_back(dot(vectors.data() + e * dim, q.vector.data(), dim), static_cast<std::uint32_t>(e));
      auto keep = std::min(best.size(), static_cast<std::size_t>(options.meaning_candidates));
      std::partial_sort(best.begin(), best.begin() + keep, best.end(), std::greater<>());
      for (std::size_t i = 0; i < keep; ++i)
        if (best[i].first > 0) take(best[i].second);
    }
  }
  return out;
}

Scores ConflictIndex::State::score(const Query& q, const Entry& e, std::size_t entry) const {
  Scores s;
  s.spelling = q.key == e.key ? 1.0 : spelling_similarity(q.key, e.key);
  double meta = metaphone_similarity(q.metaphone, e.metaphone);
  if (!q.phonemes.empty() && !e.phonemes.empty()) {
    s.sound = sound_similarity(q.phonemes, e.phonemes);
    // The same metaphone key backs up a near pronunciation (espeak-ng guesses differ for
    // respellings of one sound: "flickr"/"flicker").
    if (meta == 1 && std::min(q.metaphone.primary.size(), e.metaphone.primary.size()) >= 3)
      s.sound = std::min(1.0, s.sound + 0.1);
  } else {
    // Keys alone are coarse (a consonant skeleton): a shared key counts fully only when the
    // spelling agrees too.
    s.sound = meta * (0.55 + 0.45 * s.spelling);
  }
  if (q.key == e.key) s.sound = std::max(s.sound, 1.0);
  if (!q.vector.empty()) {
    s.meaning = std::clamp(static_cast<double>(dot(vectors.data() + entry * dim, q.vector.data(), dim)), 0.0, 1.0);
  }
  return s;
}

ConflictMatch ConflictIndex::State::judge(const Query& q, const Entry& e, const Scores& s) const {
  const auto& brand = brand_names[e.brand];
  ConflictMatch m{brand, e.text, Risk::low, s.spelling, s.sound, s.meaning, {}};
  auto longer = std::max(q.key.size(), e.key.size());
  int letters = edit_distance(q.key, e.key);
  std::size_t sound_units = e.phonemes.empty() ? e.metaphone.primary.size() : e.phonemes.size();
  bool contains = e.key.size() >= 4 && q.key.size() > e.key.size() && q.key.find(e.key) != std::string::npos;
  auto spelling_reason = [&] {
    if (q.skeleton == e.skeleton) return fmt::format("looks like {}", brand);
    if (letters <= 3) return fmt::format("{} letter{} from {}", count_words(letters), letters == 1 ? "" : "s", brand);
    return fmt::format("spelt like {}", brand);
  };

  if (q.key == e.key) {
    m.risk = Risk::high;
    m.reason = e.text == brand ? fmt::format("same name as {}", brand)
                               : fmt::format("same name as {} (also known as {})", brand, e.text);
  } else if (s.spelling >= 0.8 && longer >= 4) {
    m.risk = Risk::high;
    m.reason = spelling_reason();
    if (s.sound >= 0.95) m.reason += ", and sounds the same";
  } else if (s.sound >= 0.85 && sound_units >= 3) {
    m.risk = Risk::high;
    m.reason = fmt::format("sounds like {}", brand);
  } else if (contains && e.key.size() >= 5 && e.key.size() * 10 >= q.key.size() * 6) {
    m.risk = Risk::high;
    m.reason = fmt::format("contains {}", brand);
  } else if (s.spelling >= 0.7 && s.sound >= 0.8) {
    m.risk = Risk::high;
    m.reason = fmt::format("looks and sounds like {}", brand);
  } else if (s.spelling >= 0.65) {
    m.risk = Risk::medium;
    m.reason = fmt::format("spelt much like {}", brand);
  } else if (s.sound >= 0.7 && sound_units >= 3) {
    m.risk = Risk::medium;
    m.reason = fmt::format("sounds a bit like {}", brand);
  } else if (contains) {
    m.risk = Risk::medium;
    m.reason = fmt::format("contains {}", brand);
  } else if (s.meaning >= 0.85) {
    m.risk = Risk::medium;  // never high on meaning alone
    m.reason = fmt::format("close in meaning to {}", brand);
  } else {
    m.reason = s.meaning > std::max(s.spelling, s.sound) ? fmt::format("loosely related in meaning to {}", brand)
                                                          : fmt::format("loosely resembles {}", brand);
  }
  return m;
}

Result<ConflictIndex> ConflictIndex::build(const brands::BrandRegistry& registry, ConflictSources sources,
                                           ConflictIndexOptions options) {
  auto state = std::make_unique<State>();
  state->sources = sources;
  state->options = options;
  for (const auto& b : registry.all()) {
    auto brand = static_cast<std::uint32_t>(state->brand_names.size());
    state->brand_names.push_back(b.name);
    std::unordered_set<std::string> keys;
    auto add = [&](const std::string& text) {
      auto key = brands::normalize_brand(text);
      if (key.empty() || !keys.insert(key).second) return;
      Entry e;
      e.brand = brand;
      e.text = text;
      e.key = std::move(key);
      e.skeleton = visual_skeleton(e.key);
      e.metaphone = double_metaphone(letters_only(e.key));
      state->entries.push_back(std::move(e));
    };
    add(b.name);
    for (const auto& a : b.aliases) add(a);
  }
  auto& entries = state->entries;
  if (entries.size() >= std::numeric_limits<std::uint32_t>::max())
    return fail(ErrorCode::invalid_argument, "too many brands for one conflict index");

  if (sources.embeddings) state->dim = sources.embeddings->dim();
  if (state->dim > 0) state->vectors.resize(entries.size() * state->dim);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto& e = entries[i];
    if (sources.pronouncer) e.phonemes = phoneme_ids(sources.pronouncer->pronounce(e.text));
    if (state->dim > 0) {
      auto v = sources.embeddings->vector(e.text);
      std::copy(v.begin(), v.end(), state->vectors.begin() + i * state->dim);
    }
    if (options.on_progress && (i % 256 == 0 || i + 1 == entries.size()))
      options.on_progress(static_cast<double>(i + 1) / entries.size());
  }
  if (state->dim > 0) {
    state->mean.assign(state->dim, 0.0f);
    for (std::size_t i = 0; i < entries.size(); ++i)
      for (int k = 0; k < state->dim; ++k) state->mean[k] += state->vectors[i * state->dim + k];
    for (auto& m : state->mean) m /= static_cast<float>(std::max<std::size_t>(entries.size(), 1));
    for (std::size_t i = 0; i < entries.size(); ++i) centre(state->vectors.data() + i * state->dim, state->mean);
  }

  auto& postings = state->postings;
  for (std::uint32_t i = 0; i < entries.size(); ++i) {
    auto& e = entries[i];
    // Both the skeleton and the key itself: collapsing letters can part two keys one edit apart
    // ("issuu" → "lsu", "islsuu" → "lslsu").
    for (const auto& d : deletion_neighbourhood(e.skeleton, 3)) postings.push_back({hash_of(Kind::skeleton, d), i});
    if (e.key != e.skeleton)
      for (const auto& d : deletion_neighbourhood(e.key, 3)) postings.push_back({hash_of(Kind::skeleton, d), i});
    if (e.phonemes.size() >= 2)
      for (const auto& d : deletion_neighbourhood(e.phonemes, 3)) postings.push_back({hash_of(Kind::phonemes, d), i});
    if (e.metaphone.primary.size() >= 2) postings.push_back({hash_of(Kind::metaphone, e.metaphone.primary), i});
    if (e.metaphone.alternate.size() >= 2 && e.metaphone.alternate != e.metaphone.primary)
      postings.push_back({hash_of(Kind::metaphone, e.metaphone.alternate), i});
    auto grams = trigrams(e.key);
    e.trigram_count = static_cast<std::uint16_t>(std::min<std::size_t>(grams.size(), 65535));
    for (const auto& g : grams) postings.push_back({hash_of(Kind::trigram, g), i});
  }
  std::sort(postings.begin(), postings.end());
  postings.erase(std::unique(postings.begin(), postings.end(),
                             [](const Posting& a, const Posting& b) { return a.hash == b.hash && a.entry == b.entry; }),
                 postings.end());

  if (state->dim > 0 && options.meaning_candidates > 0 && entries.size() > options.exact_meaning_limit) {
    auto index = semantic::VectorIndex::create(
        {.dim = state->dim, .max_elements = entries.size(), .M = 16, .ef_construction = 64, .ef_search = 32});
    if (!index) return fail(index.error());
    std::vector<std::string> labels;
    std::vector<float> rows;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      auto v = state->vector_of(i);
      if (std::all_of(v.begin(), v.end(), [](float x) { return x == 0; })) continue;
      labels.push_back(std::to_string(i));
      rows.insert(rows.end(), v.begin(), v.end());
    }
    if (auto added = index->add_batch(labels, rows); !added) return fail(added.error());
    state->vector_index = std::move(*index);
  }
  return ConflictIndex(std::move(state));
}

ConflictIndex::ConflictIndex(std::unique_ptr<State> state) : state_(std::move(state)) {}
ConflictIndex::ConflictIndex(ConflictIndex&&) noexcept = default;
ConflictIndex& ConflictIndex::operator=(ConflictIndex&&) noexcept = default;
ConflictIndex::~ConflictIndex() = default;

std::size_t ConflictIndex::brand_count() const { return state_->brand_names.size(); }
std::size_t ConflictIndex::entry_count() const { return state_->entries.size(); }

Result<std::vector<ConflictMatch>> ConflictIndex::find(std::string_view name, std::size_t limit, FindOptions find) const {
  if (name.size() > kMaxNameBytes)
    return fail(ErrorCode::invalid_argument, fmt::format("name is longer than {} bytes", kMaxNameBytes), "name");
  Query q = state_->make_query(name, find.meaning);
  if (q.key.empty())
    return fail(ErrorCode::invalid_argument, fmt::format("name \"{}\" has no letters or digits", name), "name");

  std::vector<ConflictMatch> best;  // one per brand
  std::vector<std::pair<std::uint32_t, std::size_t>> by_brand;  // brand → index in best
  for (auto e : state_->candidates(q)) {
    const auto& entry = state_->entries[e];
    auto match = state_->judge(q, entry, state_->score(q, entry, e));
    auto it = std::find_if(by_brand.begin(), by_brand.end(), [&](const auto& p) { return p.first == entry.brand; });
    auto rank = [](const ConflictMatch& m) {
      return std::make_pair(static_cast<int>(m.risk), std::max({m.spelling, m.sound, 0.9 * m.meaning}));
    };
    if (it == by_brand.end()) {
      by_brand.emplace_back(entry.brand, best.size());
      best.push_back(std::move(match));
    } else if (rank(match) > rank(best[it->second])) {
      best[it->second] = std::move(match);
    }
  }
  std::sort(best.begin(), best.end(), [](const ConflictMatch& a, const ConflictMatch& b) {
    if (a.risk != b.risk) return a.risk > b.risk;
    double sa = std::max({a.spelling, a.sound, 0.9 * a.meaning}), sb = std::max({b.spelling, b.sound, 0.9 * b.meaning});
    if (sa != sb) return sa > sb;
    return a.brand < b.brand;
  });
  if (best.size() > limit) best.resize(limit);
  return best;
}

Result<std::vector<NameConflicts>> ConflictIndex::check(const std::vector<std::string>& names, std::size_t limit) const {
  std::vector<NameConflicts> out;
  out.reserve(names.size());
  for (const auto& name : names) {
    auto matches = find(name, limit);
    if (!matches) return fail(matches.error());
    out.push_back({name, std::move(*matches)});
  }
  return out;
}

}  // namespace snai::conflicts
