// A character-level language model of how English words and brand names are spelt: an
// interpolated modified Kneser–Ney n-gram model over the letters a–z with begin/end-of-word
// markers. The name generator samples pronounceable neologisms from it ("med" → "medora");
// the quality model scores pronounceability as log-probability per character.
//
// Letters: ASCII A–Z/a–z, folded to lower case. A word with any other character (digits,
// spaces, hyphens, accented letters) is not scored (log_prob returns -infinity) and is skipped
// in training: callers strip names to letters first (brands::normalize_brand minus digits).
//
// Scoring is a loop over packed integer contexts (5 bits per symbol in a uint64) probing one
// open-addressing table, usually once per character; it allocates nothing and is thread-safe.
//
//   auto model = snai::charlm::CharModel::load("var/data/charlm.bin");   // not_found, data_corrupt
//   double fluency = model->log_prob_per_char("Medora");                 // ≈ -2.9; "xqzvkjw" ≈ -5.1
//   std::mt19937_64 rng(42);
//   std::string name = model->sample(rng, {.prefix = "med", .min_length = 5, .max_length = 8});
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace snai::charlm {

namespace internal {
struct Entry;
}

struct TrainingWord {
  std::string word;         // letters only (see above); other words are skipped
  std::uint32_t count = 1;  // how many times it counts (a whole-number weight; 0 skips it)
};

struct CharModelOptions {
  // n: each letter is predicted from up to n-1 symbols before it (2..12). Held-out perplexity
  // on the lexicon (bench/charlm_bench --orders): 5.86 at 5, 5.04 at 6, 4.79 at 7 and 8; 7 would
  // double the size (34 MB) and slow scoring for 5% less, so 6.
  int order = 6;
};

class SampleCache;

struct SampleOptions {
  std::string_view prefix;       // the sample starts with it ("med"); letters only
  std::size_t min_length = 4;    // in letters, prefix included
  std::size_t max_length = 10;   // at most CharModel::kMaxWordLength
  double temperature = 1.0;      // < 1 sharper, > 1 flatter; below 0.05 (or NaN) counts as 0.05
  int max_attempts = 64;         // words that run past max_length are drawn again, this often
  // Optional: remembers next-symbol weights across calls, so many samples from the same prefixes
  // skip most table probes (same words drawn). One cache per thread, used with one model.
  SampleCache* cache = nullptr;
};

// A fixed-size memo of sampling weights by model state (about 0.5 MB, allocated on first use).
//
//   SampleCache cache;
//   model.sample(rng, {.prefix = "med", .cache = &cache});
class SampleCache {
 public:
  SampleCache();
  ~SampleCache();
  SampleCache(const SampleCache&) = delete;
  SampleCache& operator=(const SampleCache&) = delete;

 private:
  friend class CharModel;
  struct Slot;
  std::vector<Slot> slots_;  // weights by whole state
};

class CharModel {
 public:
  static constexpr int kMaxOrder = 12;                 // 12 symbols x 5 bits fit one uint64
  static constexpr std::size_t kMaxWordLength = 64;    // longer training words are skipped
  static constexpr std::size_t kSymbolCount = 27;      // a..z, then the end marker
  static constexpr std::size_t kEndSymbol = 26;        // index of the end marker in a distribution

  // invalid_argument for an order outside 2..12 or when no word is usable.
  static Result<CharModel> train(std::span<const TrainingWord> words, const CharModelOptions& options = {});

  // Natural log of P(word, then end | begin); -infinity when the word has a non-letter.
  double log_prob(std::string_view word) const;
  // log_prob / (letters + 1): the mean over every predicted symbol, end marker included.
  double log_prob_per_char(std::string_view word) const;
  // P(next symbol | the word so far is `prefix`): the 26 letters, then the end marker
  // (kEndSymbol). Sums to 1. All zeros when the prefix has a non-letter.
  std::array<double, kSymbolCount> next_probabilities(std::string_view prefix) const;

  // A lower-case word starting with options.prefix (folded to lower case), drawn symbol by
  // symbol; "" when none meets the lengths within max_attempts or the options are impossible
  // (prefix longer than max_length, min_length > max_length, a non-letter in the prefix).
  // Deterministic for a given rng state on every platform.
  std::string sample(std::mt19937_64& rng, const SampleOptions& options) const;
  // Builds the index that sampling and next_probabilities read (each context's entries side by
  // side: 8 bytes per table slot and 4 per entry, ~11 MB and a few tens of ms for the shipped
  // model). Done on first use when not called; callers that sample call it at start-up so no
  // request pays for it.
  void prepare_sampling() const;

  // Atomic: written to a temporary file, fsynced, renamed into place.
  Status save(const std::filesystem::path& path) const;
  // not_found when missing; data_corrupt (with the reason) when truncated, damaged or not a
  // model of this version.
  static Result<CharModel> load(const std::filesystem::path& path);

  int order() const { return order_; }
  std::size_t ngram_count() const { return entry_count_; }
  std::size_t memory_bytes() const;  // the table: also the size of the file, minus 64 bytes

  CharModel(CharModel&&) noexcept;
  CharModel& operator=(CharModel&&) noexcept;
  CharModel(const CharModel&) = delete;
  CharModel& operator=(const CharModel&) = delete;
  ~CharModel();

 private:
  struct State;
  CharModel(int order, std::vector<internal::Entry> slots, std::size_t entry_count);
  State begin_state() const;
  // log P(symbol | state), then moves the state past the symbol (1-based symbol: a=1 .. end=27).
  double step(State& state, std::uint64_t symbol) const;
  // log P(symbol | state) of every symbol, a..z then end.
  void log_distribution(const State& state, std::array<double, kSymbolCount>& out) const;
  // exp(log P * inverse_temperature) of every symbol, and their sum (from the cache when it has them).
  double sampling_weights(const State& state, double inverse_temperature, SampleCache* cache,
                          std::array<double, kSymbolCount>& weights) const;

  // The entries of the contexts of up to kDenseLevels symbols, by context (a packed key): every
  // probe at these levels, where every state ends up, reads a small array instead of the table.
  static constexpr int kDenseLevels = 2;
  struct Row {
    std::uint32_t present = 0;  // bit s-1: the entry (context, symbol s) exists
    std::array<float, kSymbolCount> log_prob{};
    std::array<float, kSymbolCount> next_backoff{};
  };
  void build_rows();
  const Row& row(int level, std::uint64_t context) const { return rows_[row_start_[level] + context]; }
  // Slot of `key` in slots_, or slots_.size() when absent.
  std::size_t find_slot(std::uint64_t key) const;

  // The entries of each context of kDenseLevels + 1 .. order - 1 symbols, side by side: at the
  // context's own slot, which symbols follow it (bit s-1) and where their log_probs start, in
  // symbol order. log_distribution reads a level with one probe instead of one per symbol (the
  // probes for absent symbols, most at long contexts, each walk to an empty slot).
  struct Follow {
    struct Context {
      std::uint32_t symbols = 0;
      std::uint32_t first = 0;  // in log_probs
    };
    std::once_flag once;
    std::vector<Context> contexts;  // by slot
    std::vector<float> log_probs;
  };
  const Follow& follow() const;

  int order_ = 0;
  std::vector<internal::Entry> slots_;  // open addressing, power-of-two size, key 0 = empty
  std::vector<Row> rows_;               // levels 0..kDenseLevels, see row()
  std::array<std::size_t, kDenseLevels + 1> row_start_{};
  std::size_t entry_count_ = 0;
  int shift_ = 64;        // slot = (key * golden) >> shift_
  float begin_backoff_ = 0;
  std::unique_ptr<Follow> follow_;  // built by prepare_sampling() or on first use
};

}  // namespace snai::charlm
