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
//
// A strategy's offers depend only on its input (never on what was admitted), so a second run
// offers the same names again, then new ones. `lookahead` keeps that second run from redoing the
// first: once the target is reached the sink takes up to that many more offers unfiltered
// (ahead()), which the second run's sink is fed first (count_offers, then offer each; skip_offers
// and the strategy again only when they do not suffice).
class CandidateSink {
 public:
  using Filter = std::function<bool(const Candidate&)>;  // true: admit

  CandidateSink(std::size_t target, Deadline deadline, Filter filter, std::size_t lookahead = 0)
      : target_(target), max_offers_(target * 40 + 200), lookahead_(lookahead), deadline_(deadline),
        filter_(std::move(filter)) {}

  bool offer(Candidate candidate);
  bool done() const;
  std::vector<Candidate>& candidates() { return admitted_; }
  std::size_t offers() const { return offers_; }  // counted and filtered (not the lookahead)

  // The offers after the one that reached the target, unfiltered, at most `lookahead`.
  std::vector<Candidate>& ahead() { return ahead_; }
  // Counts `n` offers as made (and refused) without seeing them: a second run's repeats.
  void count_offers(std::size_t n) { offers_ += n; }
  // The next `n` offers were decided already: passed over, neither counted nor filtered.
  void skip_offers(std::size_t n) { skip_ = n; }

 private:
  bool reached_target() const { return admitted_.size() >= target_; }

  std::size_t target_, max_offers_, lookahead_, offers_ = 0, skip_ = 0;
  Deadline deadline_;
  Filter filter_;
  std::vector<Candidate> admitted_, ahead_;
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

// What a strategy's first run leaves for a second one (take it right after propose()).
struct FirstRun {
  std::size_t offers = 0;        // counted in the first run
  std::vector<Candidate> ahead;  // the offers after those (the sink's lookahead)
  bool ended = false;            // the strategy had nothing more to offer after `ahead`
  static FirstRun of(CandidateSink& sink);  // moves the lookahead out
};

// Runs `strategy` into `sink` exactly as a second propose() from scratch would (its first-run
// offers counted as refused repeats, then the new ones), starting from `first.ahead` and proposing
// again, past everything seen, only when those do not suffice.
void propose_again(const Strategy& strategy, const StrategyInput& in, FirstRun& first, CandidateSink& sink);

// The strategy's own random stream: same request seed → same stream, whatever ran before it.
std::mt19937_64 strategy_rng(std::uint64_t seed, Style style);
// Indices of `weights` from best to worst, each weight scaled by a random factor in
// [1 - jitter/2, 1 + jitter/2] so that unseeded requests vary while strong options stay ahead.
// Equal keys keep index order. Sorted as far as it is read: strategies usually stop after a
// few dozen of a thousand options.
//
//   for (std::size_t i : JitteredOrder(weights, rng)) if (!sink.offer(...)) return;
class JitteredOrder {
 public:
  // Draws every factor now (the rng advances as if the whole order were read).
  JitteredOrder(std::span<const double> weights, std::mt19937_64& rng, double jitter = 0.5);

  class iterator {
   public:
    std::size_t operator*() const { return order_->at(position_); }
    iterator& operator++() {
      ++position_;
      return *this;
    }
    bool operator!=(const iterator& other) const { return position_ != other.position_; }

   private:
    friend class JitteredOrder;
    iterator(JitteredOrder* order, std::size_t position) : order_(order), position_(position) {}
    JitteredOrder* order_;
    std::size_t position_;
  };
  iterator begin() { return {this, 0}; }
  iterator end() { return {this, keyed_.size()}; }
  std::size_t size() const { return keyed_.size(); }

 private:
  std::size_t at(std::size_t position);
  std::vector<std::pair<double, std::size_t>> keyed_;  // (jittered weight, index); sorted up to sorted_
  std::size_t sorted_ = 0;
};
// The whole JitteredOrder at once.
std::vector<std::size_t> jittered_order(std::span<const double> weights, std::mt19937_64& rng, double jitter = 0.5);

// A word the lexicon knows, inflected forms included ("noting"): not a new coinage.
bool is_existing_word(const lexicon::Lexicon& lexicon, std::string_view word);

// A word that stands as a name on its own: a thing or a quality, not first of all an action
// ("see", "yield", "take") or a verb's form ("given", "taken"), judged by WordNet's tagged uses.
bool names_a_thing(const lexicon::Lexicon& lexicon, std::string_view word);

// "notescribe" → "NoteScribe"; "note" → "Note".
std::string capitalize(std::string_view word);
// Joins two words into one name with readable boundaries: "" when the join would be hard to read
// (three equal letters in a row, or a doubled letter across a four-consonant run).
std::string join_words(std::string_view first, std::string_view second);

}  // namespace snai::generate
