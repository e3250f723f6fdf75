// Concept expansion: a one-line description in, the words a namer would reach for out.
// "AI note-taking for doctors" → concepts (ai, note, doctor, ...) weighted by salience, then
// related words — synonyms, broader and narrower terms, topics, derivations, words of the
// definitions, words defined through the concept and words its definitions keep company with
// (see gloss_index.hpp), embedding neighbours, and words that keep company with the concept in
// running text (GloVe, distributional.hpp: recipe → dish, retiree → pension) — each with a weight
// and the relation and concept that produced it. Evidence adds up per word; the ranking then
// weighs each word by how well it fits the whole description in running text, so a relation's
// off-topic words (community → parish) fall behind. The files: concept_expander.cpp (concepts,
// senses, relations), concept_associations.cpp (definitions), concept_distributional.cpp (GloVe).
// The first expansion in a process builds the GlossIndex (~0.4 s); later ones take a few milliseconds.
//
//   semantic::ConceptExpander expander(lexicon, embeddings, &vocabulary_index, &distributional);
//   auto expansion = expander.expand("AI note-taking for doctors", {});
//   for (const auto& r : expansion->related) ...   // doctor, note, physician, medical, hospital, ...
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "lexicon/lexicon.hpp"
#include "semantic/distributional.hpp"
#include "semantic/embeddings.hpp"
#include "semantic/vector_index.hpp"

namespace snai::semantic {

namespace internal {
class Scores;  // evidence per candidate word (concept_expander.cpp)
}

struct Concept {
  std::string word;   // as written, lower-cased ("doctors")
  std::string lemma;  // "doctor"
  double weight = 0;  // salience, the strongest concept is 1
  bool known = false; // in the lexicon; unknown words only get embedding neighbours
  std::optional<lexicon::Pos> pos;  // set when the description fixes it ("walking" is the verb walk)
};

struct RelatedWord {
  std::string word;
  double weight = 0;      // 0..1
  std::string relation;   // "concept", "synonym", "hypernym", "hyponym", "similar", "derivation",
                          // "domain", "gloss", "mentions" (its definition mentions the concept),
                          // "companion" (shares definitions with it), "embedding",
                          // "distributional" (keeps company with it in running text: GloVe)
  std::string from;       // the concept (lemma) it came from, or "description"
};

struct Expansion {
  std::vector<Concept> concepts;
  std::vector<RelatedWord> related;  // best first
  std::vector<std::string> notes;    // what was done with odd input ("description truncated ...")
};

struct ExpandOptions {
  int max_related = 80;
  int neighbours_per_concept = 12;
};

class ConceptExpander {
 public:
  // `vocabulary_index` may be null: embedding neighbours then come from an exact scan.
  // `distributional` may be null: no "distributional" words then (and fewer everyday associations).
  ConceptExpander(const lexicon::Lexicon& lexicon, const Embeddings& embeddings, const VectorIndex* vocabulary_index,
                  const DistributionalVectors* distributional = nullptr)
      : lexicon_(lexicon), embeddings_(embeddings), index_(vocabulary_index), distributional_(distributional) {}

  // invalid_argument (field "description") for empty, non-UTF-8 or word-less text.
  // Long text is cut to its first kMaxConcepts content words (with a note).
  Result<Expansion> expand(std::string_view description, const ExpandOptions& options) const;

  static constexpr std::size_t kMaxDescriptionBytes = 10'000;
  static constexpr std::size_t kMaxConcepts = 12;

 private:
  std::vector<Concept> find_concepts(std::string_view description, std::vector<std::string>& notes) const;
  // Neighbours of `vector` (the embedding of `text`) from the index, or an exact scan without one.
  std::vector<Neighbor> neighbours(std::string_view text, std::span<const float> vector, int k) const;
  // The best of a wide neighbour search, weighted by similarity and familiarity.
  void add_neighbours(std::string_view text, std::span<const float> vector, double weight, std::string_view from,
                      const ExpandOptions& options, internal::Scores& scores) const;
  // Words related to one sense of a concept (synonyms, broader, narrower ...) and of its definition.
  void add_sense_words(const Concept& c, const lexicon::Synset& synset, double sense_weight,
                       internal::Scores& scores) const;
  void add_gloss_words(const Concept& c, const lexicon::Synset& synset, double sense_weight,
                       internal::Scores& scores) const;
  // Synsets whose definition mentions the concept, each with its fit (0..1) to `senses`.
  std::vector<std::pair<lexicon::SynsetRef, double>> mentions(const Concept& c,
                                                              std::span<const lexicon::SynsetRef> senses) const;
  // Words whose definition mentions the concept (garden for plant, puppy for dog).
  void add_defined_words(const Concept& c, std::span<const std::pair<lexicon::SynsetRef, double>> found_in,
                         internal::Scores& scores) const;
  // Words that the definitions mentioning the concept keep company with (recipe → cooking).
  void add_companion_words(const Concept& c, std::span<const std::pair<lexicon::SynsetRef, double>> found_in,
                           internal::Scores& scores) const;
  // Words that keep company with the concept in running text (recipe → kitchen, retiree → pension).
  void add_distributional_words(std::span<const Concept> concepts, std::size_t i,
                                std::span<const std::vector<float>> vectors, internal::Scores& scores) const;
  // The best `limit` related words, each weighed by how well it fits the whole description in
  // running text (GloVe): a relation's off-topic words (community → parish) fall behind.
  std::vector<RelatedWord> ranked_by_coherence(std::span<const Concept> concepts,
                                               std::span<const std::vector<float>> vectors,
                                               const internal::Scores& scores, std::size_t limit) const;
  std::vector<std::string> split_compound(std::string_view word) const;
  // The concept's senses, the one that fits the other concepts best first.
  std::vector<lexicon::SynsetRef> rank_senses(const Concept& target, std::span<const float> context) const;

  const lexicon::Lexicon& lexicon_;
  const Embeddings& embeddings_;
  const VectorIndex* index_;
  const DistributionalVectors* distributional_;
};

}  // namespace snai::semantic
