#include "lexicon/lexicon.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <stdexcept>
#include <unordered_set>

#include "lexicon/internal/key_index.hpp"
#include "lexicon/internal/lexicon_data.hpp"
#include "lexicon/internal/phoneme_codec.hpp"
#include "lexicon/word_key.hpp"

namespace snai::lexicon {
namespace {

namespace fmt = format;

// WordNet 3.0's lexicographer files by lex_filenum, as listed in lexnames(5WN).
constexpr std::array<std::string_view, 45> kLexnames = {
    "adj.all",           "adj.pert",          "adv.all",         "noun.Tops",        "noun.act",
    "noun.animal",       "noun.artifact",     "noun.attribute",  "noun.body",        "noun.cognition",
    "noun.communication", "noun.event",       "noun.feeling",    "noun.food",        "noun.group",
    "noun.location",     "noun.motive",       "noun.object",     "noun.person",      "noun.phenomenon",
    "noun.plant",        "noun.possession",   "noun.process",    "noun.quantity",    "noun.relation",
    "noun.shape",        "noun.state",        "noun.substance",  "noun.time",        "verb.body",
    "verb.change",       "verb.cognition",    "verb.communication", "verb.competition", "verb.consumption",
    "verb.contact",      "verb.creation",     "verb.emotion",    "verb.motion",      "verb.perception",
    "verb.possession",   "verb.social",       "verb.stative",    "verb.weather",     "adj.ppl"};

Word make_word(const internal::LexiconData& d, std::uint32_t id) {
  const auto& w = d.words[id];
  Word out;
  out.lemma = d.key(w);
  out.parts_of_speech = PosSet(w.pos_mask);
  out.tag_count = w.tag_count;
  out.sense_count = w.sense_count;
  out.in_wordnet = (w.flags & fmt::kInWordnet) != 0;
  out.common = (w.flags & fmt::kCommon) != 0;
  out.in_word_list = (w.flags & fmt::kInWordList) != 0;
  out.capitalized = (w.flags & fmt::kCapitalized) != 0;
  out.has_pronunciation = w.pron_count > 0;
  return out;
}

bool is_listed(const fmt::WordRecord& w) { return (w.flags & (fmt::kInWordnet | fmt::kInWordList)) != 0; }

}  // namespace

std::string_view lexname(std::uint8_t lex_filenum) {
  return lex_filenum < kLexnames.size() ? kLexnames[lex_filenum] : std::string_view("unknown");
}

std::string Synset::wordnet_id() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%08u-%c", wordnet_offset, satellite ? 's' : wordnet_letter(pos));
  return buffer;
}

namespace internal {

std::optional<std::uint32_t> LexiconData::find(std::string_view k) const {
  return probe_key_slots(word_slots, words.size(), k, [&](std::uint32_t i) { return key(words[i]); });
}

std::vector<std::string_view> LexiconData::exception_bases(std::string_view k, Pos pos) const {
  std::vector<std::string_view> out;
  auto first = probe_key_slots(exception_slots, exceptions.size(), k,
                               [&](std::uint32_t i) { return str(exceptions[i].inflected); });
  if (!first) return out;
  for (auto it = exceptions.begin() + *first; it != exceptions.end() && str(it->inflected) == k; ++it)
    if (it->pos == static_cast<std::uint8_t>(pos)) out.push_back(str(it->base));
  return out;
}

}  // namespace internal

Lexicon::Lexicon(std::unique_ptr<internal::LexiconData> data) : data_(std::move(data)) {}
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;
Lexicon::~Lexicon() = default;

std::optional<Word> Lexicon::lookup(std::string_view word) const {
  auto key = normalize_word(word);
  auto exact = data_->find(key);
  if (exact && data_->words[*exact].sense_count > 0) return make_word(*data_, *exact);
  if (auto lemma = data_->resolve(key, std::nullopt)) return make_word(*data_, *lemma);
  if (exact) return make_word(*data_, *exact);
  return std::nullopt;
}

bool Lexicon::is_word(std::string_view word) const {
  auto id = data_->find(normalize_word(word));
  return id && is_listed(data_->words[*id]);
}

std::vector<std::string_view> Lexicon::words_with_prefix(std::string_view prefix, std::size_t limit) const {
  auto key = normalize_word(prefix);
  std::vector<std::string_view> out;
  auto it = std::lower_bound(data_->words.begin(), data_->words.end(), std::string_view(key),
                             [&](const fmt::WordRecord& w, std::string_view x) { return data_->key(w) < x; });
  for (; it != data_->words.end() && out.size() < limit && data_->key(*it).starts_with(key); ++it)
    if (is_listed(*it)) out.push_back(data_->key(*it));
  return out;
}

std::size_t Lexicon::word_count() const { return data_->words.size(); }

std::vector<SynsetRef> Lexicon::synsets(std::string_view word, std::optional<Pos> pos) const {
  std::vector<SynsetRef> out;
  auto id = data_->resolve(normalize_word(word), pos);
  if (!id) return out;
  for (const auto& sense : data_->senses_of(data_->words[*id]))
    if (!pos || data_->synsets[sense.synset].pos == static_cast<std::uint8_t>(*pos)) out.push_back({sense.synset});
  return out;
}

std::uint32_t Lexicon::tag_count(std::string_view word, Pos pos) const {
  auto id = data_->resolve(normalize_word(word), pos);
  if (!id) return 0;
  std::uint32_t count = 0;
  for (const auto& sense : data_->senses_of(data_->words[*id]))
    if (data_->synsets[sense.synset].pos == static_cast<std::uint8_t>(pos)) count += sense.tag_count;
  return count;
}

Synset Lexicon::synset(SynsetRef ref) const {
  if (ref.index >= data_->synsets.size()) throw std::out_of_range("SynsetRef " + std::to_string(ref.index) + " is not in this lexicon");
  const auto& s = data_->synsets[ref.index];
  Synset out;
  out.ref = ref;
  out.wordnet_offset = s.wordnet_offset;
  out.pos = static_cast<Pos>(s.pos);
  out.satellite = s.satellite != 0;
  out.lexname = lexname(s.lexname);
  out.gloss = data_->str(s.gloss);
  out.words.reserve(s.word_count);
  for (const auto& w : data_->synset_words.subspan(s.word_begin, s.word_count)) out.words.push_back(data_->str(w.text));
  for (const auto& e : data_->examples.subspan(s.example_begin, s.example_count)) out.examples.push_back(data_->str(e));
  out.pointers.reserve(s.pointer_count);
  for (const auto& p : data_->pointers.subspan(s.pointer_begin, s.pointer_count))
    out.pointers.push_back({static_cast<Relation>(p.relation), {p.target}, p.source_word, p.target_word});
  return out;
}

std::size_t Lexicon::synset_count() const { return data_->synsets.size(); }

void Lexicon::for_each_synset(const std::function<void(const Synset&)>& visit) const {
  for (std::uint32_t i = 0; i < data_->synsets.size(); ++i) visit(synset({i}));
}

std::vector<Related> Lexicon::collect(std::string_view word, std::optional<Pos> pos,
                                      std::span<const Relation> relations) const {
  std::vector<Related> out;
  auto id = data_->resolve(normalize_word(word), pos);
  if (!id) return out;
  auto wants = [&](Relation r) { return relations.empty() || std::find(relations.begin(), relations.end(), r) != relations.end(); };
  std::unordered_set<std::uint64_t> seen;  // (word, relation)
  auto add = [&](const fmt::SynsetWordRecord& w, Relation relation, std::uint32_t synset) {
    if (w.word == *id) return;
    if (seen.insert((std::uint64_t{w.word} << 8) | static_cast<std::uint8_t>(relation)).second)
      out.push_back({data_->str(w.text), relation, {synset}});
  };
  // A lower-case query skips the senses where WordNet capitalises the word (proper names:
  // "scribe" is not also Scribe the dramatist), unless the word has no other senses.
  auto capitalised_sense = [&](const fmt::SynsetRecord& s) {
    for (const auto& m : data_->synset_words.subspan(s.word_begin, s.word_count))
      if (m.word == *id) return !data_->str(m.text).empty() && std::isupper(static_cast<unsigned char>(data_->str(m.text)[0]));
    return false;
  };
  bool lower_query = std::none_of(word.begin(), word.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); });
  auto senses = data_->senses_of(data_->words[*id]);
  bool skip_capitalised = lower_query && std::any_of(senses.begin(), senses.end(), [&](const fmt::SenseRecord& sense) {
    return !capitalised_sense(data_->synsets[sense.synset]);
  });
  for (const auto& sense : senses) {
    const auto& s = data_->synsets[sense.synset];
    if (pos && s.pos != static_cast<std::uint8_t>(*pos)) continue;
    if (skip_capitalised && capitalised_sense(s)) continue;
    auto members = data_->synset_words.subspan(s.word_begin, s.word_count);
    std::uint8_t self = 0;  // this word's 1-based position, for lexical pointers
    for (std::size_t i = 0; i < members.size() && self == 0; ++i)
      if (members[i].word == *id) self = static_cast<std::uint8_t>(i + 1);
    if (wants(Relation::synonym))
      for (const auto& m : members) add(m, Relation::synonym, sense.synset);
    for (const auto& p : data_->pointers.subspan(s.pointer_begin, s.pointer_count)) {
      auto relation = static_cast<Relation>(p.relation);
      if (!wants(relation) || (p.source_word != 0 && p.source_word != self)) continue;
      const auto& t = data_->synsets[p.target];
      auto targets = data_->synset_words.subspan(t.word_begin, t.word_count);
      if (p.target_word != 0) {
        if (p.target_word <= targets.size()) add(targets[p.target_word - 1], relation, p.target);
      } else {
        for (const auto& m : targets) add(m, relation, p.target);
      }
    }
  }
  return out;
}

std::vector<Related> Lexicon::synonyms(std::string_view word, std::optional<Pos> pos) const {
  static constexpr Relation kWhich[] = {Relation::synonym};
  return collect(word, pos, kWhich);
}
std::vector<Related> Lexicon::hypernyms(std::string_view word, std::optional<Pos> pos) const {
  static constexpr Relation kWhich[] = {Relation::hypernym, Relation::instance_hypernym};
  return collect(word, pos, kWhich);
}
std::vector<Related> Lexicon::hyponyms(std::string_view word, std::optional<Pos> pos) const {
  static constexpr Relation kWhich[] = {Relation::hyponym, Relation::instance_hyponym};
  return collect(word, pos, kWhich);
}
std::vector<Related> Lexicon::similar_to(std::string_view word) const {
  static constexpr Relation kWhich[] = {Relation::similar_to};
  return collect(word, Pos::adjective, kWhich);
}
std::vector<Related> Lexicon::antonyms(std::string_view word, std::optional<Pos> pos) const {
  static constexpr Relation kWhich[] = {Relation::antonym};
  return collect(word, pos, kWhich);
}
std::vector<Related> Lexicon::derivations(std::string_view word, std::optional<Pos> pos) const {
  static constexpr Relation kWhich[] = {Relation::derivation};
  return collect(word, pos, kWhich);
}
std::vector<Related> Lexicon::domain_categories(std::string_view word, std::optional<Pos> pos) const {
  static constexpr Relation kWhich[] = {Relation::domain_topic, Relation::domain_topic_member};
  return collect(word, pos, kWhich);
}
std::vector<Related> Lexicon::related(std::string_view word, std::optional<Pos> pos,
                                      std::span<const Relation> relations) const {
  return collect(word, pos, relations);
}

std::vector<SyllabifiedPhonemes> Lexicon::cmu_pronunciations(std::string_view word) const {
  std::vector<SyllabifiedPhonemes> out;
  auto id = data_->find(normalize_word(word));
  if (!id) return out;
  const auto& w = data_->words[*id];
  for (const auto& p : data_->prons.subspan(w.pron_begin, w.pron_count)) {
    SyllabifiedPhonemes pron;
    if (internal::decode_phonemes(data_->strings.substr(p.offset, p.length), pron)) out.push_back(std::move(pron));
  }
  return out;
}

void Lexicon::for_each_rhyme(std::span<const Phoneme> part,
                             const std::function<bool(std::string_view, const SyllabifiedPhonemes&)>& visit) const {
  const auto& d = *data_;
  SyllabifiedPhonemes scratch;
  auto rhyme_of = [&](const fmt::RhymeRecord& r) -> std::span<const Phoneme> {
    const auto& p = d.prons[r.pron];
    if (!internal::decode_phonemes(d.strings.substr(p.offset, p.length), scratch)) scratch.phonemes.clear();
    return rhyme_part(scratch.phonemes);
  };
  auto it = std::partition_point(d.rhymes.begin(), d.rhymes.end(), [&](const fmt::RhymeRecord& r) {
    return internal::compare_rhyme_parts(rhyme_of(r), part) < 0;
  });
  for (; it != d.rhymes.end(); ++it) {
    if (internal::compare_rhyme_parts(rhyme_of(*it), part) != 0) break;
    if (!visit(d.key(it->word), scratch)) break;
  }
}

std::uint64_t Lexicon::source_fingerprint() const { return data_->header->source_fingerprint; }

void Lexicon::release_pages() const { data_->file.release_pages(); }
std::int64_t Lexicon::built_unix_ms() const { return data_->header->built_unix_ms; }
std::uint64_t Lexicon::file_size() const { return data_->header->file_size; }

}  // namespace snai::lexicon
