#include "generate/strategy.hpp"

#include <algorithm>
#include <cctype>

#include "generate/letters.hpp"

namespace snai::generate {

bool CandidateSink::offer(Candidate candidate) {
  if (done()) return false;
  ++offers_;
  if (filter_(candidate)) admitted_.push_back(std::move(candidate));
  return !done();
}

bool CandidateSink::done() const {
  if (admitted_.size() >= target_ || offers_ >= max_offers_) return true;
  // The clock is read every 16 offers: cheap, and a strategy stops within microseconds of the deadline.
  return (offers_ & 15) == 0 && offers_ > 0 && std::chrono::steady_clock::now() >= deadline_;
}

std::mt19937_64 strategy_rng(std::uint64_t seed, Style style) {
  std::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                         static_cast<std::uint32_t>(style) + 1u};
  return std::mt19937_64(sequence);
}

std::vector<std::size_t> jittered_order(std::span<const double> weights, std::mt19937_64& rng, double jitter) {
  std::uniform_real_distribution<double> factor(1 - jitter / 2, 1 + jitter / 2);
  std::vector<std::pair<double, std::size_t>> keyed;
  keyed.reserve(weights.size());
  for (std::size_t i = 0; i < weights.size(); ++i) keyed.emplace_back(weights[i] * factor(rng), i);
  std::ranges::stable_sort(keyed, [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::size_t> order;
  order.reserve(keyed.size());
  for (const auto& [key, i] : keyed) order.push_back(i);
  return order;
}

bool is_existing_word(const lexicon::Lexicon& lexicon, std::string_view word) {
  return lexicon.lookup(word).has_value();
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
