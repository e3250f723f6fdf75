// GlossIndex: which WordNet senses a word's definitions mention — the inverse of a gloss.
// WordNet holds few associations as relations (dog → leash, plant → garden, meal → kitchen),
// but its definitions do: "garden: a plot of ground where plants are cultivated", "kitchen: a
// room equipped for preparing meals". Looking a concept up here finds the words defined through
// it, and the words its definitions keep company with (dog → breed, doctor → hospital). Built once per
// lexicon from its glosses (lemmatised content words) and shared by every ConceptExpander on it.
//
//   const auto& index = semantic::GlossIndex::of(lexicon);   // built on first use, then shared
//   for (auto ref : index.mentioning("plant")) ...            // garden, flower, leaf, herb, ...
//   for (int id : index.lemma_ids(synset.gloss)) index.lemma(id) ...
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lexicon/lexicon.hpp"

namespace snai::semantic {

class GlossIndex {
 public:
  // Reads every gloss of `lexicon` (about 0.2 s for WordNet 3.0).
  explicit GlossIndex(const lexicon::Lexicon& lexicon);

  // The index for `lexicon`, built on the first call and kept for the life of the process;
  // thread-safe. Keyed by the lexicon's address and artifact stamp.
  static const GlossIndex& of(const lexicon::Lexicon& lexicon);

  // Synsets whose definition holds `lemma` (a lower-case WordNet lemma), in synset order.
  std::span<const lexicon::SynsetRef> mentioning(std::string_view lemma) const;

  // The content words of `text` as lemma ids (each once, in order); words no gloss holds are
  // left out. lemma(id) spells one, document_frequency(id) says in how many glosses it is.
  std::vector<std::int32_t> lemma_ids(std::string_view text) const;
  const std::string& lemma(std::int32_t id) const { return lemmas_[static_cast<std::size_t>(id)]; }
  std::size_t document_frequency(std::int32_t id) const {
    return mention_start_[static_cast<std::size_t>(id) + 1] - mention_start_[static_cast<std::size_t>(id)];
  }

  // The content words of a synset's gloss as lemma ids (each once), as read at build time.
  std::span<const std::int32_t> gloss_ids(lexicon::SynsetRef ref) const;
  // True when the synset's first word is a proper name ("Augustine", "Paris").
  bool proper_name(lexicon::SynsetRef ref) const { return proper_[ref.index]; }

  std::size_t size() const { return lemmas_.size(); }  // distinct lemmas
  std::size_t documents() const { return documents_; }  // glosses read

 private:
  std::int32_t id_of_token(const std::string& token) const;

  // By lemma id, compressed: the synsets mentioning lemma i are mentions_[mention_start_[i] ..
  // mention_start_[i + 1]) (one vector per lemma took ~2x the memory in headers and slack).
  std::vector<std::uint32_t> mention_start_;
  std::vector<lexicon::SynsetRef> mentions_;
  std::vector<std::string> lemmas_;                     // by lemma id
  std::unordered_map<std::string, std::int32_t> lemma_id_;
  std::unordered_map<std::string, std::int32_t> token_id_;  // surface token → lemma id, -1 for stop words
  std::size_t documents_ = 0;
  std::vector<std::uint32_t> gloss_start_;  // by synset index, CSR into gloss_ids_
  std::vector<std::int32_t> gloss_ids_;
  std::vector<bool> proper_;
};

}  // namespace snai::semantic
