// Brand conflicts: for a candidate name, the existing brands it could be mistaken for — by
// spelling (weighted edit distance with visual and keyboard confusables), by sound (phoneme
// distance from CMU/espeak-ng plus Double Metaphone keys) and by meaning (embedding cosine) —
// each with a risk level and the reason in plain words ("sounds like Lyft", "one letter from
// Stripe"). Meaning alone never makes a match high risk.
//
// Everything about the brands (phonemes, metaphone keys, vectors, the retrieval indexes) is
// computed once in build(); a query pronounces and embeds only the query name and scores a few
// hundred retrieved candidates (deletion neighbourhoods of the visual skeleton and of the
// phonemes, metaphone keys, shared trigrams, nearest vectors), never the whole registry.
// Queries are const and may run from many threads.
//
//   snai::lexicon::Pronouncer pronouncer(lexicon);
//   auto index = snai::conflicts::ConflictIndex::build(registry, {.pronouncer = &pronouncer,
//                                                                 .embeddings = &embeddings});
//   auto matches = index.find("Lift", 5);   // Lyft: high, "sounds like Lyft"
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "brands/brand_registry.hpp"
#include "core/result.hpp"
#include "lexicon/pronunciation.hpp"
#include "semantic/embeddings.hpp"

namespace snai::conflicts {

enum class Risk { low, medium, high };
std::string_view to_string(Risk risk);

struct ConflictMatch {
  std::string brand;    // the brand as it writes itself: "Lyft"
  std::string matched;  // the brand name or alias that matched (equals brand unless an alias)
  Risk risk = Risk::low;
  double spelling = 0;  // 0..1
  double sound = 0;     // 0..1
  double meaning = 0;   // 0..1 (negative cosines count as 0)
  std::string reason;   // "sounds like Lyft"
};

struct NameConflicts {
  std::string name;
  std::vector<ConflictMatch> matches;  // highest risk first, then most similar
};

struct ConflictSources {
  const lexicon::Pronouncer* pronouncer = nullptr;    // null: sound from Double Metaphone keys only
  const semantic::Embeddings* embeddings = nullptr;   // null: meaning is 0
};

struct ConflictIndexOptions {
  int meaning_candidates = 8;  // brands retrieved by nearest vector per query (0: none)
  // Above this many entries the vectors go into an HNSW index instead of an exact scan.
  std::size_t exact_meaning_limit = 5'000;
  std::function<void(double progress)> on_progress;  // 0..1 while pronouncing the brands
};

// Per query: meaning off asks by spelling and sound alone, as if the index had no vectors (the
// generator's brand screen: meaning never makes a match high, and it costs an embedding).
struct FindOptions {
  bool meaning = true;
};

class ConflictIndex {
 public:
  // Pronounces, keys and embeds every brand name and alias of `registry` (the slow part:
  // espeak-ng for names outside the CMU dictionary). The sources must outlive the index.
  static Result<ConflictIndex> build(const brands::BrandRegistry& registry, ConflictSources sources,
                                     ConflictIndexOptions options = {});

  ConflictIndex(ConflictIndex&&) noexcept;
  ConflictIndex& operator=(ConflictIndex&&) noexcept;
  ~ConflictIndex();

  // The `limit` most similar brands (one match per brand), highest risk first. invalid_argument
  // when the name has no letters or digits, or is longer than 100 bytes.
  Result<std::vector<ConflictMatch>> find(std::string_view name, std::size_t limit = 5, FindOptions find = {}) const;

  // find() for each name, in input order; the first bad name fails the call.
  Result<std::vector<NameConflicts>> check(const std::vector<std::string>& names, std::size_t limit = 5) const;

  std::size_t brand_count() const;
  std::size_t entry_count() const;  // names + aliases indexed

 private:
  struct State;
  explicit ConflictIndex(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace snai::conflicts
