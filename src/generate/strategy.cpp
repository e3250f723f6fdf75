#include "generate/strategy.hpp"

#include <algorithm>
#include <cctype>

#include "generate/letters.hpp"

namespace snai::generate {

bool CandidateSink::offer(Candidate candidate) {
  if (done()) return false;
  if (skip_ > 0) {
    --skip_;
    return true;
  }
  if (reached_target()) {  // looking ahead
    ahead_.push_back(std::move(candidate));
    return !done();
  }
  ++offers_;
  if (filter_(candidate)) admitted_.push_back(std::move(candidate));
  return !done();
}

bool CandidateSink::done() const {
  if (reached_target()) return ahead_.size() >= lookahead_;
  if (offers_ >= max_offers_) return true;
  // The clock is read every 16 offers: cheap, and a strategy stops within microseconds of the deadline.
  return (offers_ & 15) == 0 && offers_ > 0 && std::chrono::steady_clock::now() >= deadline_;
}

FirstRun FirstRun::of(CandidateSink& sink) {
  bool ended = !sink.done();  // before the lookahead is moved out
  return {.offers = sink.offers(), .ahead = std::move(sink.ahead()), .ended = ended};
}

// A second run's first `first.offers` offers are the first run's: each admitted then (now a
// repeat) or refused then by filters that refuse it again. They only count.
void propose_again(const Strategy& strategy, const StrategyInput& in, FirstRun& first, CandidateSink& sink) {
  sink.count_offers(first.offers);
  for (auto& c : first.ahead)
    if (!sink.offer(std::move(c))) return;
  if (sink.done() || first.ended) return;
  sink.skip_offers(first.offers + first.ahead.size());
  strategy.propose(in, sink);
}

std::mt19937_64 strategy_rng(std::uint64_t seed, Style style) {
  std::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                         static_cast<std::uint32_t>(style) + 1u};
  return std::mt19937_64(sequence);
}

JitteredOrder::JitteredOrder(std::span<const double> weights, std::mt19937_64& rng, double jitter) {
  std::uniform_real_distribution<double> factor(1 - jitter / 2, 1 + jitter / 2);
  keyed_.reserve(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i) keyed_.emplace_back(weights[i] * factor(rng), i);
}

std::size_t JitteredOrder::at(std::size_t position) {
  if (position >= sorted_) {
    // Best first, equal keys by index: the order a stable sort of the whole list gives, found a
    // chunk at a time (doubling) with partial sorts of what is left.
    std::size_t upto = std::min(keyed_.size(), std::max({position + 1, sorted_ * 2, std::size_t{32}}));
    auto first = keyed_.begin() + static_cast<std::ptrdiff_t>(sorted_);
    std::partial_sort(first, keyed_.begin() + static_cast<std::ptrdiff_t>(upto), keyed_.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    sorted_ = upto;
  }
  return keyed_[position].second;
}

std::vector<std::size_t> jittered_order(std::span<const double> weights, std::mt19937_64& rng, double jitter) {
  JitteredOrder order(weights, rng, jitter);
  std::vector<std::size_t> out;
  out.reserve(order.size());
  for (std::size_t i : order) out.push_back(i);
  return out;
}

bool is_existing_word(const lexicon::Lexicon& lexicon, std::string_view word) {
  return lexicon.lookup(word).has_value();
}

bool names_a_thing(const lexicon::Lexicon& lexicon, std::string_view word) {
  using lexicon::Pos;
  if (lexicon.lemmatize(word, Pos::verb) != word && lexicon.tag_count(word, Pos::noun) == 0 &&
      lexicon.tag_count(word, Pos::adjective) == 0 && !lexicon.synsets(lexicon.lemmatize(word, Pos::verb), Pos::verb).empty())
    return false;  // an inflected verb: given, taken, written
  auto verb = lexicon.tag_count(word, Pos::verb);
  auto thing = lexicon.tag_count(word, Pos::noun) + lexicon.tag_count(word, Pos::adjective);
  return verb <= 2 * thing;
}

std::string capitalize(std::string_view word) {
  std::string out(word);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string join_words(std::string_view first, std::string_view second) {
  if (first.empty() || second.empty()) return {};
  std::string joined = std::string(first) + std::string(second);
  if (has_triple_letter(joined) || longest_consonant_run(joined) >= 5) return {};
  return capitalize(first) + capitalize(second);
}

}  // namespace snai::generate
