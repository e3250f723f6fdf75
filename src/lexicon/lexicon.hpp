// The lexicon: what StartupNameAI knows about English words — WordNet 3.0 lemmas, senses,
// glosses and relations, morphology, CMU pronunciations and word-list membership — read
// in place from the memory-mapped artifact that build_lexicon() writes (opening takes
// milliseconds; nothing is parsed at load). Pronunciation queries are in pronunciation.hpp.
//
// Every query normalises its input (normalize_word: lower-case, '_' → ' '), and the word
// queries resolve an inflected form to its lemma when the form itself has no senses
// ("doctors" → "doctor"). Returned string_views point into the artifact and stay valid as
// long as the Lexicon (moving it keeps them valid). All queries are const and thread-safe.
//
//   auto lexicon = snai::lexicon::Lexicon::open("var/data/lexicon.bin");
//   if (!lexicon) return fail(lexicon.error());                  // data_corrupt, not_found ...
//   auto word = lexicon->lookup("doctor");                       // noun+verb, tag count 77, common
//   for (const auto& r : lexicon->synonyms("doctor")) ...        // doc, physician, MD, Dr., medico ...
//   for (const auto& r : lexicon->hypernyms("physician")) ...    // medical practitioner, medical man
//   lexicon->lemmatize("took");                                   // "take"
//   lexicon->split_affixes("unbreakable");                        // {"un", "break", "able"}
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "lexicon/phoneme.hpp"
#include "lexicon/pos.hpp"
#include "lexicon/relation.hpp"

namespace snai::lexicon {

namespace internal {
struct LexiconData;
}

struct Word {
  std::string_view lemma;       // normalised key ("doctor", "medical practitioner")
  PosSet parts_of_speech;       // empty for words only in the word lists / CMU
  std::uint32_t tag_count = 0;  // frequency: WordNet tag counts summed over all senses
  std::uint32_t sense_count = 0;
  bool in_wordnet = false;
  bool common = false;        // in american-english (wamerican)
  bool in_word_list = false;  // in american-english-huge
  bool capitalized = false;   // spelt only with a capital: a proper name ("Aaron", "Paris")
  bool has_pronunciation = false;  // in the CMU dictionary
};

// A synset of this lexicon (index in WordNet file order; compare, hash, store freely).
struct SynsetRef {
  std::uint32_t index = 0;
  friend auto operator<=>(const SynsetRef&, const SynsetRef&) = default;
};

struct SynsetPointer {
  Relation relation = Relation::hypernym;
  SynsetRef target;
  std::uint8_t source_word = 0;  // 1-based word in this synset for a lexical pointer; 0 = whole synset
  std::uint8_t target_word = 0;  // same in the target
};

struct Synset {
  SynsetRef ref;
  std::uint32_t wordnet_offset = 0;  // WordNet's id within data.<pos>
  Pos pos = Pos::noun;
  bool satellite = false;            // adjective satellite ('s')
  std::string_view lexname;          // lexicographer file, e.g. "noun.person"
  std::vector<std::string_view> words;  // as WordNet spells them: "doctor", "Dr.", "MD"
  std::string_view gloss;               // the definition, without the examples
  std::vector<std::string_view> examples;  // quoted usage examples from the gloss
  std::vector<SynsetPointer> pointers;

  std::string wordnet_id() const;  // "10020890-n", WordNet's usual notation
};

// One related word: `word` stands in `relation` to the queried word, through `synset`.
struct Related {
  std::string_view word;
  Relation relation = Relation::synonym;
  SynsetRef synset;
};

struct AffixSplit {
  std::string prefix;  // "" when none
  std::string root;    // a WordNet lemma, spelling restored ("happi" → "happy"); the word when no split
  std::string suffix;  // "" when none
};

struct Affix {
  std::string_view text;     // "un"
  std::string_view meaning;  // "not, opposite of"
};
// The small tables split_affixes() uses: common English derivational prefixes and suffixes.
std::span<const Affix> common_prefixes();
std::span<const Affix> common_suffixes();

// The 45 lexicographer file names, by lex_filenum (WordNet's lexnames(5WN)).
std::string_view lexname(std::uint8_t lex_filenum);

class Lexicon {
 public:
  // Maps the artifact and checks it: magic, format version, byte order, size and that every
  // record's references stay inside the file. not_found when the file is missing,
  // data_corrupt (with the reason) for a truncated, foreign or damaged file.
  static Result<Lexicon> open(const std::filesystem::path& artifact);

  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;
  ~Lexicon();

  // --- words
  // The word itself when WordNet has it (or only the word lists / CMU do), else its lemma
  // when an inflected form ("doctors"); nullopt when unknown.
  std::optional<Word> lookup(std::string_view word) const;
  // In WordNet or a word list (exact normalised form).
  bool is_word(std::string_view word) const;
  // Words starting with `prefix`, in key order, at most `limit`.
  std::vector<std::string_view> words_with_prefix(std::string_view prefix, std::size_t limit = 100) const;
  std::size_t word_count() const;

  // --- senses
  // WordNet sense order (most frequent first), nouns, verbs, adjectives, adverbs.
  std::vector<SynsetRef> synsets(std::string_view word, std::optional<Pos> pos = {}) const;
  // WordNet's tag counts of the word's senses as `pos` (Word::tag_count sums all parts of
  // speech): "accounting" is tagged 3 times as a noun, its verb "account" never.
  std::uint32_t tag_count(std::string_view word, Pos pos) const;
  // Throws std::out_of_range for a ref that is not from this lexicon (a programming error).
  Synset synset(SynsetRef ref) const;
  std::size_t synset_count() const;
  void for_each_synset(const std::function<void(const Synset&)>& visit) const;

  // --- relations: each word at most once per relation, in sense order. A lower-case query
  // skips senses where WordNet spells the word with a capital (proper names) when it has others.
  std::vector<Related> synonyms(std::string_view word, std::optional<Pos> pos = {}) const;
  std::vector<Related> hypernyms(std::string_view word, std::optional<Pos> pos = {}) const;  // incl. instance
  std::vector<Related> hyponyms(std::string_view word, std::optional<Pos> pos = {}) const;   // incl. instance
  std::vector<Related> similar_to(std::string_view word) const;                              // adjectives
  std::vector<Related> antonyms(std::string_view word, std::optional<Pos> pos = {}) const;
  std::vector<Related> derivations(std::string_view word, std::optional<Pos> pos = {}) const;
  // Topic domains both ways: ";c" (doctor → medicine) and "-c" (medicine → its terms).
  std::vector<Related> domain_categories(std::string_view word, std::optional<Pos> pos = {}) const;
  // Synonyms and every pointer relation; or only `relations` when given.
  std::vector<Related> related(std::string_view word, std::optional<Pos> pos = {},
                               std::span<const Relation> relations = {}) const;

  // --- morphology (WordNet's morphy: exception lists, then detachment rules)
  // The lemma; with no pos, the word itself when it is a lemma, else the most frequent
  // candidate. The normalised input when nothing matches.
  std::string lemmatize(std::string_view inflected, std::optional<Pos> pos = {}) const;
  // Every WordNet lemma the form can come from (exceptions first), like morphy.
  std::vector<std::string> base_forms(std::string_view inflected, std::optional<Pos> pos = {}) const;
  // "unbreakable" → {"un", "break", "able"}; "happiness" → {"", "happy", "ness"}.
  AffixSplit split_affixes(std::string_view word) const;
  // lemmatize, then the root of split_affixes: "unbreakably" → "break".
  std::string stem(std::string_view word) const;

  // --- pronunciations from the CMU dictionary (first is the main one); see Pronouncer
  std::vector<SyllabifiedPhonemes> cmu_pronunciations(std::string_view word) const;
  // Words whose CMU pronunciation has this rhyme part (see rhyme_part), most frequent first;
  // visit returns false to stop.
  void for_each_rhyme(std::span<const Phoneme> rhyme_part,
                      const std::function<bool(std::string_view word, const SyllabifiedPhonemes&)>& visit) const;

  // --- artifact
  std::uint64_t source_fingerprint() const;  // lexicon_sources_fingerprint() at build time
  // Lets the artifact's pages go from this process's memory (they stay in the page cache and come
  // back as queries touch them): for after start-up, whose index builds read every word once.
  void release_pages() const;
  std::int64_t built_unix_ms() const;
  std::uint64_t file_size() const;

 private:
  explicit Lexicon(std::unique_ptr<internal::LexiconData> data);
  std::vector<Related> collect(std::string_view word, std::optional<Pos> pos,
                               std::span<const Relation> relations) const;
  std::unique_ptr<internal::LexiconData> data_;
};

}  // namespace snai::lexicon
