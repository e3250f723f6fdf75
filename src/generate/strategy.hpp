// A naming strategy: one style, one small class. It proposes candidates from the word pool
// into a CandidateSink, which admits only names that meet the request's constraints and the
// generator's filters, and tells the strategy when it has enough or time is up.
//
//   class DictionaryStrategy final : public Strategy {
//     Style style() const override { return Style::dictionary; }
//     void propose(const StrategyInput& in, CandidateSink& sink) const override {
//       for (const PoolWord* w : in.pool.top(60)) if (!sink.offer({...})) return;
//     }
//   };
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <string>
#include <vector>

#include "generate/candidate.hpp"
#include "generate/request.hpp"
#include "generate/word_pool.hpp"
#include "lexicon/lexicon.hpp"
#include "lexicon/pronunciation.hpp"

namespace snai::charlm {
class CharModel;
}

namespace snai::generate {

using Deadline = std::chrono::steady_clock::time_point;

// Collects one strategy's candidates. `offer` returns false once the strategy should stop:
// the target is reached, too many offers were refused, or the deadline passed.
class CandidateSink {
 public:
  using Filter = std::function<bool(const Candidate&)>;  // true: admit

  CandidateSink(std::size_t target, Deadline deadline, Filter filter)
      : target_(target), max_offers_(target * 40 + 200), deadline_(deadline), filter_(std::move(filter)) {}

  bool offer(Candidate candidate);
  bool done() const;
  std::vector<Candidate>& candidates() { return admitted_; }
  std::size_t offers() const { return offers_; }

 private:
  std::size_t target_, max_offers_, offers_ = 0;
  Deadline deadline_;
  Filter filter_;
  std::vector<Candidate> admitted_;
};

// What every strategy may read. Everything is borrowed for the duration of one request.
struct StrategyInput {
  const WordPool& pool;
  const lexicon::Lexicon& lexicon;
  const lexicon::Pronouncer& pronouncer;
  const Constraints& constraints;
  const charlm::CharModel* char_model = nullptr;  // null: no character model (invented names need it)
  std::uint64_t seed = 0;                         // the strategy derives its own random stream from it
};

class Strategy {
 public:
  virtual ~Strategy() = default;
  virtual Style style() const = 0;
  virtual void propose(const StrategyInput& in, CandidateSink& sink) const = 0;
};

// The strategy's own random stream: same request seed → same stream, whatever ran before it.
std::mt19937_64 strategy_rng(std::uint64_t seed, Style style);
// Indices of `weights` from best to worst, each weight scaled by a random factor in
// [1 - jitter/2, 1 + jitter/2] so that unseeded requests vary while strong options stay ahead.
std::vector<std::size_t> jittered_order(std::span<const double> weights, std::mt19937_64& rng, double jitter = 0.5);

// A word the lexicon knows, inflected forms included ("noting"): not a new coinage.
bool is_existing_word(const lexicon::Lexicon& lexicon, std::string_view word);

// "notescribe" → "NoteScribe"; "note" → "Note".
std::string capitalize(std::string_view word);
// Joins two words into one name with readable boundaries: "" when the join would be hard to read
// (three equal letters in a row, or a doubled letter across a four-consonant run).
std::string join_words(std::string_view first, std::string_view second);

}  // namespace snai::generate
