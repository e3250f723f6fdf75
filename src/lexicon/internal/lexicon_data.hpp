// The mapped artifact as typed spans, and the lookups lexicon.cpp and morphology.cpp share.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/mapped_file.hpp"
#include "lexicon/internal/lexicon_format.hpp"
#include "lexicon/pos.hpp"

namespace snai::lexicon::internal {

struct LexiconData {
  snai::MappedFile file;
  const format::Header* header = nullptr;
  std::string_view strings;
  std::span<const format::WordRecord> words;
  std::span<const format::SenseRecord> senses;
  std::span<const format::SynsetRecord> synsets;
  std::span<const format::SynsetWordRecord> synset_words;
  std::span<const format::StrRef> examples;
  std::span<const format::PointerRecord> pointers;
  std::span<const format::PronRecord> prons;
  std::span<const format::RhymeRecord> rhymes;
  std::span<const format::ExceptionRecord> exceptions;
  // Hash tables from a key to its word, and to its first exception record (key_index.hpp).
  std::span<const std::uint64_t> word_slots;
  std::span<const std::uint64_t> exception_slots;

  std::string_view str(format::StrRef ref) const { return strings.substr(ref.offset, ref.length); }
  std::string_view key(const format::WordRecord& w) const { return strings.substr(w.key_offset, w.key_length); }
  std::string_view key(std::uint32_t word) const { return key(words[word]); }

  // Exact normalised key → word index.
  std::optional<std::uint32_t> find(std::string_view key) const;
  // Senses of a word, optionally only those of one part of speech.
  std::span<const format::SenseRecord> senses_of(const format::WordRecord& w) const {
    return senses.subspan(w.sense_begin, w.sense_count);
  }
  bool has_pos(const format::WordRecord& w, std::optional<Pos> pos) const {
    return pos ? (w.pos_mask >> static_cast<unsigned>(*pos)) & 1 : w.sense_count > 0;
  }
  // The word with senses (in `pos`) that a query means: the key itself, else its lemma.
  std::optional<std::uint32_t> resolve(std::string_view key, std::optional<Pos> pos) const;
  // Exception-list bases of `key` for `pos`.
  std::vector<std::string_view> exception_bases(std::string_view key, Pos pos) const;
};

// morphy: every lemma (with senses in `pos`) the normalised form can come from, exceptions
// first, without duplicates. Defined in morphology.cpp.
std::vector<std::string> morphy(const LexiconData& data, std::string_view key, Pos pos);

// Checks a mapped artifact; the error message says what is wrong. Defined in lexicon_open.cpp.
Status validate_and_bind(LexiconData& data, std::string_view origin);

}  // namespace snai::lexicon::internal
