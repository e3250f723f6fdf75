#include "lexicon/lexicon_builder.hpp"

#include <algorithm>
#include <chrono>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "lexicon/cmudict_reader.hpp"
#include "lexicon/internal/artifact_writer.hpp"
#include "lexicon/internal/key_index.hpp"
#include "lexicon/internal/morphy_rules.hpp"
#include "lexicon/internal/phoneme_codec.hpp"
#include "lexicon/lexicon.hpp"
#include "lexicon/word_key.hpp"
#include "lexicon/wordlist_reader.hpp"
#include "lexicon/wordnet_reader.hpp"

namespace snai::lexicon {
namespace {

namespace fmt = format;

constexpr std::string_view kWamerican = "wamerican";
constexpr std::string_view kWamericanHuge = "wamerican-huge";

std::vector<MissingInput> all_inputs(const LexiconSources& sources) {
  std::vector<MissingInput> inputs;
  for (std::string_view pos : {"noun", "verb", "adj", "adv"}) {
    inputs.push_back({sources.wordnet_dir / ("data." + std::string(pos)), std::string(kWordnetPackage)});
    inputs.push_back({sources.wordnet_dir / ("index." + std::string(pos)), std::string(kWordnetPackage)});
    inputs.push_back({sources.wordnet_dir / (std::string(pos) + ".exc"), std::string(kWordnetPackage)});
  }
  inputs.push_back({sources.wordnet_dir / "cntlist.rev", std::string(kWordnetPackage)});
  inputs.push_back({sources.cmudict, std::string(kCmudictPackage)});
  inputs.push_back({sources.words, std::string(kWamerican)});
  inputs.push_back({sources.words_huge, std::string(kWamericanHuge)});
  return inputs;
}

// Everything known about one normalised word while the build runs.
struct WordBuild {
  std::string key;
  std::uint8_t pos_mask = 0;
  std::uint8_t flags = 0;
  bool seen_lower = false;
  bool seen_capital = false;
  std::uint32_t tag_count = 0;
  std::uint32_t rank_count = 0;  // tag_count, or for an inflected form its lemma's ("boats" → boat)
  std::vector<fmt::SenseRecord> senses;
  std::vector<std::uint32_t> prons;  // indexes into Assembly::prons
};

struct Assembly {
  std::vector<WordBuild> words;
  std::unordered_map<std::string, std::uint32_t> ids;
  std::vector<SyllabifiedPhonemes> prons;
  std::vector<std::uint8_t> pron_tags;

  std::uint32_t word(std::string_view raw) {
    std::string key = normalize_word(raw);
    auto [it, inserted] = ids.try_emplace(key, static_cast<std::uint32_t>(words.size()));
    if (inserted) words.push_back({.key = std::move(key)});
    return it->second;
  }
  void note_spelling(std::uint32_t id, std::string_view raw) {
    bool capital = !raw.empty() && raw.front() >= 'A' && raw.front() <= 'Z';
    (capital ? words[id].seen_capital : words[id].seen_lower) = true;
  }
};

std::unexpected<Error> too_big(std::string_view what) {
  return fail(ErrorCode::data_corrupt, "lexicon input too large for the artifact format: " + std::string(what));
}

// Higher rank first: WordNet frequency, then common (american-english), then in a word list.
bool ranks_before(const WordBuild& a, const WordBuild& b) {
  if (a.rank_count != b.rank_count) return a.rank_count > b.rank_count;
  auto weight = [](const WordBuild& w) {
    return ((w.flags & fmt::kCommon) ? 4 : 0) + ((w.flags & fmt::kInWordnet) ? 2 : 0) +
           ((w.flags & fmt::kInWordList) ? 1 : 0);
  };
  if (weight(a) != weight(b)) return weight(a) > weight(b);
  return a.key < b.key;
}

void report(const BuildProgress& progress, std::string_view stage, double fraction) {
  if (progress) progress(stage, std::clamp(fraction, 0.0, 1.0));
}

Status missing_inputs_error(const std::vector<MissingInput>& missing) {
  std::string message = "lexicon inputs missing:";
  std::vector<std::string> packages;
  for (const auto& m : missing) {
    message += " " + m.path.string() + " (" + m.package + ")";
    if (std::find(packages.begin(), packages.end(), m.package) == packages.end()) packages.push_back(m.package);
  }
  message += "; install them with: apt-get install";
  for (const auto& p : packages) message += " " + p;
  return fail(ErrorCode::failed_precondition, message, missing.front().path.string());
}

struct Inputs {
  WordnetData wordnet;
  std::vector<CmudictEntry> cmudict;
  std::vector<std::string> common;  // american-english
  std::vector<std::string> huge;    // american-english-huge
};

// Stage weights: wordnet 0..0.45, cmudict ..0.6, word lists ..0.7, indexing ..0.9, writing ..1.
Result<Inputs> read_inputs(const LexiconSources& sources, const BuildProgress& progress) {
  auto wordnet = read_wordnet(sources.wordnet_dir, [&](double f) { report(progress, "wordnet", 0.45 * f); });
  if (!wordnet) return fail(wordnet.error());
  report(progress, "cmudict", 0.45);
  auto cmudict = read_cmudict(sources.cmudict);
  if (!cmudict) return fail(cmudict.error());
  report(progress, "word lists", 0.6);
  auto common = read_word_list(sources.words, kWamerican);
  if (!common) return fail(common.error());
  auto huge = read_word_list(sources.words_huge, kWamericanHuge);
  if (!huge) return fail(huge.error());
  report(progress, "indexing", 0.7);
  return Inputs{std::move(*wordnet), std::move(*cmudict), std::move(*common), std::move(*huge)};
}

// Synsets: global index in noun, verb, adj, adv order; WordNet offsets → index per file.
struct SynsetNumbers {
  std::array<std::unordered_map<std::uint32_t, std::uint32_t>, 4> by_offset;  // by Pos
  std::uint32_t count = 0;

  const std::unordered_map<std::uint32_t, std::uint32_t>& of(Pos pos) const { return by_offset[static_cast<int>(pos)]; }
};

SynsetNumbers number_synsets(const WordnetData& wordnet) {
  SynsetNumbers numbers;
  for (Pos pos : kAllPos)
    for (const auto& s : wordnet.synsets[static_cast<int>(pos)]) numbers.by_offset[static_cast<int>(pos)][s.offset] = numbers.count++;
  return numbers;
}

// Lemmas and their senses (index.<pos> is read in noun, verb, adj, adv order).
Status add_lemmas(Assembly& a, const WordnetData& wordnet, const SynsetNumbers& numbers) {
  for (const auto& entry : wordnet.index) {
    auto id = a.word(entry.lemma);
    auto& w = a.words[id];
    w.flags |= fmt::kInWordnet;
    w.pos_mask |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(entry.pos));
    for (std::size_t i = 0; i < entry.offsets.size(); ++i) {
      const auto& map = numbers.of(entry.pos);
      auto it = map.find(entry.offsets[i]);
      if (it == map.end())
        return fail(ErrorCode::data_corrupt, "WordNet index names synset " + std::to_string(entry.offsets[i]) +
                                                 " for '" + entry.lemma + "', which data." +
                                                 std::string(to_string(entry.pos)) + " lacks (reinstall wordnet-base)");
      auto count = wordnet.tag_count(entry.lemma, entry.pos, i + 1);
      w.senses.push_back({it->second, count});
      w.tag_count += count;
    }
  }
  return ok();
}

struct SynsetTables {
  std::vector<fmt::SynsetRecord> synsets;
  std::vector<fmt::SynsetWordRecord> synset_words;
  std::vector<std::uint32_t> synset_word_ids;  // pre-sort word ids, parallel to synset_words
  std::vector<fmt::StrRef> examples;
  std::vector<fmt::PointerRecord> pointers;
};

// Synsets, their words, examples and pointers.
Result<SynsetTables> build_synset_tables(Assembly& a, internal::StringPool& pool, const WordnetData& wordnet,
                                         const SynsetNumbers& numbers) {
  SynsetTables t;
  t.synsets.reserve(numbers.count);
  for (Pos pos : kAllPos) {
    for (const auto& s : wordnet.synsets[static_cast<int>(pos)]) {
      if (s.words.size() > 255 || s.examples.size() > 255 || s.pointers.size() > 65535) return too_big("synset");
      fmt::SynsetRecord r{};
      r.wordnet_offset = s.offset;
      r.word_begin = static_cast<std::uint32_t>(t.synset_words.size());
      r.word_count = static_cast<std::uint8_t>(s.words.size());
      r.gloss = pool.add(s.definition);
      r.example_begin = static_cast<std::uint32_t>(t.examples.size());
      r.example_count = static_cast<std::uint8_t>(s.examples.size());
      r.pointer_begin = static_cast<std::uint32_t>(t.pointers.size());
      r.pointer_count = static_cast<std::uint16_t>(s.pointers.size());
      r.pos = static_cast<std::uint8_t>(pos);
      r.lexname = s.lex_filenum;
      r.satellite = s.satellite ? 1 : 0;
      t.synsets.push_back(r);
      for (const auto& text : s.words) {
        std::string display = text;
        std::replace(display.begin(), display.end(), '_', ' ');
        auto id = a.word(text);
        a.note_spelling(id, text);
        t.synset_words.push_back({pool.add(display), 0});
        t.synset_word_ids.push_back(id);
      }
      for (const auto& e : s.examples) t.examples.push_back(pool.add(e));
      for (const auto& p : s.pointers) {
        const auto& map = numbers.of(p.target_pos);
        auto it = map.find(p.target_offset);
        if (it == map.end()) continue;  // dangling pointer: drop it rather than the whole build
        t.pointers.push_back({it->second, static_cast<std::uint8_t>(p.relation), p.source_word, p.target_word, 0});
      }
    }
  }
  return t;
}

void add_pronunciations(Assembly& a, std::vector<CmudictEntry>& cmudict) {
  for (auto& entry : cmudict) {
    auto id = a.word(entry.word);
    auto& w = a.words[id];
    if (w.prons.size() >= 255) continue;
    w.flags |= fmt::kInCmudict;
    w.prons.push_back(static_cast<std::uint32_t>(a.prons.size()));
    a.prons.push_back(std::move(entry.pronunciation));
    a.pron_tags.push_back(entry.tag);
  }
}

void add_word_lists(Assembly& a, const std::vector<std::string>& common, const std::vector<std::string>& huge) {
  for (const auto& text : common) {
    auto id = a.word(text);
    a.words[id].flags |= fmt::kCommon | fmt::kInWordList;
    a.note_spelling(id, text);
  }
  for (const auto& text : huge) {
    auto id = a.word(text);
    a.words[id].flags |= fmt::kInWordList;
    a.note_spelling(id, text);
  }
}

// Morphology exceptions, normalised, sorted by (inflected, pos), without duplicates.
std::vector<WordnetException> sorted_exceptions(const WordnetData& wordnet) {
  std::vector<WordnetException> exceptions;
  for (const auto& e : wordnet.exceptions) exceptions.push_back({normalize_word(e.inflected), normalize_word(e.base), e.pos});
  std::sort(exceptions.begin(), exceptions.end(), [](const auto& x, const auto& y) {
    return std::tie(x.inflected, x.pos, x.base) < std::tie(y.inflected, y.pos, y.base);
  });
  exceptions.erase(std::unique(exceptions.begin(), exceptions.end(),
                               [](const auto& x, const auto& y) {
                                 return x.inflected == y.inflected && x.pos == y.pos && x.base == y.base;
                               }),
                   exceptions.end());
  return exceptions;
}

// Rank inflected forms by their lemma (exceptions, then WordNet's detachment rules).
void rank_inflected_forms(Assembly& a, const std::vector<WordnetException>& exceptions) {
  auto lemma_count = [&](const std::string& candidate, Pos pos) -> std::uint32_t {
    auto it = a.ids.find(candidate);
    if (it == a.ids.end()) return 0;
    const auto& w = a.words[it->second];
    return (w.pos_mask >> static_cast<unsigned>(pos)) & 1 ? w.tag_count : 0;
  };
  for (auto& w : a.words) {
    w.rank_count = w.tag_count;
    if (!w.senses.empty()) continue;
    auto it = std::lower_bound(exceptions.begin(), exceptions.end(), w.key,
                               [](const WordnetException& e, const std::string& k) { return e.inflected < k; });
    for (; it != exceptions.end() && it->inflected == w.key; ++it)
      w.rank_count = std::max(w.rank_count, lemma_count(it->base, it->pos));
    for (Pos pos : kAllPos)
      for (const auto& rule : internal::detachment_rules(pos))
        if (auto base = internal::detach(w.key, rule)) w.rank_count = std::max(w.rank_count, lemma_count(*base, pos));
  }
}

// Words sorted by key: order[new id] = old id, new_id[old id] = new id.
struct WordOrder {
  std::vector<std::uint32_t> order;
  std::vector<std::uint32_t> new_id;
};

WordOrder sort_words(const Assembly& a) {
  WordOrder o{std::vector<std::uint32_t>(a.words.size()), std::vector<std::uint32_t>(a.words.size())};
  std::iota(o.order.begin(), o.order.end(), 0);
  std::sort(o.order.begin(), o.order.end(), [&](auto x, auto y) { return a.words[x].key < a.words[y].key; });
  for (std::uint32_t i = 0; i < o.order.size(); ++i) o.new_id[o.order[i]] = i;
  return o;
}

void renumber_synset_words(SynsetTables& t, const WordOrder& o) {
  for (std::size_t i = 0; i < t.synset_words.size(); ++i) t.synset_words[i].word = o.new_id[t.synset_word_ids[i]];
}

struct WordTables {
  std::vector<fmt::WordRecord> words;
  std::vector<fmt::SenseRecord> senses;
  std::vector<fmt::PronRecord> prons;
};

// Words in key order with their senses and encoded pronunciations.
Result<WordTables> build_word_tables(Assembly& a, internal::StringPool& pool, const WordOrder& o) {
  WordTables t;
  t.words.reserve(o.order.size());
  for (auto old : o.order) {
    auto& w = a.words[old];
    if (w.key.size() > 65535 || w.senses.size() > 65535) return too_big("word");
    if (w.seen_capital && !w.seen_lower) w.flags |= fmt::kCapitalized;
    auto key = pool.add(w.key);
    fmt::WordRecord r{};
    r.key_offset = key.offset;
    r.key_length = static_cast<std::uint16_t>(key.length);
    r.pos_mask = w.pos_mask;
    r.flags = w.flags;
    r.tag_count = w.tag_count;
    r.sense_begin = static_cast<std::uint32_t>(t.senses.size());
    r.sense_count = static_cast<std::uint16_t>(w.senses.size());
    t.senses.insert(t.senses.end(), w.senses.begin(), w.senses.end());
    r.pron_begin = static_cast<std::uint32_t>(t.prons.size());
    r.pron_count = static_cast<std::uint8_t>(w.prons.size());
    for (auto p : w.prons) {
      auto bytes = internal::encode_phonemes(a.prons[p]);
      if (bytes.size() > 255) return too_big("pronunciation");
      auto ref = pool.add(bytes);
      t.prons.push_back({ref.offset, static_cast<std::uint8_t>(ref.length), a.pron_tags[p], 0});
    }
    t.words.push_back(r);
  }
  return t;
}

// Rhymes: every (word, pronunciation) with a distinct rhyme part, by sound then rank.
std::vector<fmt::RhymeRecord> build_rhymes(const Assembly& a, const WordOrder& o,
                                           const std::vector<fmt::WordRecord>& words) {
  struct RhymeBuild {
    std::uint32_t old_word;
    std::uint32_t pron;  // index into the prons section
    std::span<const Phoneme> part;
  };
  std::vector<RhymeBuild> rhymes;
  for (std::uint32_t i = 0; i < o.order.size(); ++i) {
    const auto& w = a.words[o.order[i]];
    for (std::size_t k = 0; k < w.prons.size(); ++k) {
      auto part = rhyme_part(a.prons[w.prons[k]].phonemes);
      bool duplicate = false;
      for (std::size_t j = 0; j < k && !duplicate; ++j)
        duplicate = internal::compare_rhyme_parts(rhyme_part(a.prons[w.prons[j]].phonemes), part) == 0;
      if (!duplicate) rhymes.push_back({o.order[i], words[i].pron_begin + static_cast<std::uint32_t>(k), part});
    }
  }
  std::sort(rhymes.begin(), rhymes.end(), [&](const RhymeBuild& x, const RhymeBuild& y) {
    int c = internal::compare_rhyme_parts(x.part, y.part);
    if (c != 0) return c < 0;
    return ranks_before(a.words[x.old_word], a.words[y.old_word]);
  });
  std::vector<fmt::RhymeRecord> records;
  records.reserve(rhymes.size());
  for (const auto& r : rhymes) records.push_back({o.new_id[r.old_word], r.pron});
  return records;
}

std::vector<fmt::ExceptionRecord> build_exception_records(internal::StringPool& pool,
                                                          const std::vector<WordnetException>& exceptions) {
  std::vector<fmt::ExceptionRecord> records;
  for (const auto& e : exceptions)
    records.push_back({pool.add(e.inflected), pool.add(e.base), static_cast<std::uint8_t>(e.pos), {}});
  return records;
}

struct KeySlots {
  std::vector<std::uint64_t> words;
  std::vector<std::uint64_t> exceptions;
};

// The hash tables from a key to its word and to its first exception record (key_index.hpp).
KeySlots build_key_tables(std::string_view strings, const std::vector<fmt::WordRecord>& words,
                          const std::vector<WordnetException>& exceptions) {
  KeySlots slots;
  slots.words = internal::build_key_slots(
      words.size(), [&](std::uint32_t i) { return strings.substr(words[i].key_offset, words[i].key_length); },
      [](std::uint32_t) { return true; });
  slots.exceptions = internal::build_key_slots(
      exceptions.size(), [&](std::uint32_t i) { return std::string_view(exceptions[i].inflected); },
      [&](std::uint32_t i) { return i == 0 || exceptions[i].inflected != exceptions[i - 1].inflected; });
  return slots;
}

struct ArtifactTables {
  const SynsetTables& synsets;
  const WordTables& words;
  const std::vector<fmt::RhymeRecord>& rhymes;
  const std::vector<fmt::ExceptionRecord>& exceptions;
  const KeySlots& slots;
};

Status write_artifact(const std::filesystem::path& out_file, std::uint64_t fingerprint, const ArtifactTables& t,
                      const internal::StringPool& pool) {
  internal::ArtifactWriter writer;
  writer.set_section(fmt::Section::words, t.words.words);
  writer.set_section(fmt::Section::senses, t.words.senses);
  writer.set_section(fmt::Section::synsets, t.synsets.synsets);
  writer.set_section(fmt::Section::synset_words, t.synsets.synset_words);
  writer.set_section(fmt::Section::examples, t.synsets.examples);
  writer.set_section(fmt::Section::pointers, t.synsets.pointers);
  writer.set_section(fmt::Section::prons, t.words.prons);
  writer.set_section(fmt::Section::rhymes, t.rhymes);
  writer.set_section(fmt::Section::exceptions, t.exceptions);
  writer.set_section(fmt::Section::word_slots, t.slots.words);
  writer.set_section(fmt::Section::exception_slots, t.slots.exceptions);
  writer.set_strings(pool.bytes());
  return writer.write(out_file, fingerprint);
}

}  // namespace

std::vector<MissingInput> check_lexicon_sources(const LexiconSources& sources) {
  std::vector<MissingInput> missing;
  for (auto& input : all_inputs(sources)) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(input.path, ec)) missing.push_back(std::move(input));
  }
  return missing;
}

std::uint64_t lexicon_sources_fingerprint(const LexiconSources& sources) {
  std::uint64_t hash = 1469598103934665603ull;  // FNV-1a
  auto mix = [&](std::string_view bytes) {
    for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
  };
  mix("format " + std::to_string(fmt::kVersion));
  for (const auto& input : all_inputs(sources)) {
    std::error_code ec;
    mix(input.path.string());
    auto size = std::filesystem::file_size(input.path, ec);
    mix(ec ? "missing" : std::to_string(size));
    auto time = std::filesystem::last_write_time(input.path, ec);
    mix(ec ? "" : std::to_string(time.time_since_epoch().count()));
  }
  return hash;
}

bool lexicon_is_current(const std::filesystem::path& artifact, const LexiconSources& sources) {
  auto lexicon = Lexicon::open(artifact);
  return lexicon && lexicon->source_fingerprint() == lexicon_sources_fingerprint(sources);
}

Status build_lexicon(const LexiconSources& sources, const std::filesystem::path& out_file,
                     const BuildProgress& progress) {
  if (auto missing = check_lexicon_sources(sources); !missing.empty()) return missing_inputs_error(missing);
  auto inputs = read_inputs(sources, progress);
  if (!inputs) return fail(inputs.error());

  Assembly a;
  a.words.reserve(450'000);
  a.ids.reserve(450'000);
  internal::StringPool pool;  // what is added, and in which order, decides the artifact's bytes
  const auto numbers = number_synsets(inputs->wordnet);
  if (auto status = add_lemmas(a, inputs->wordnet, numbers); !status) return status;
  auto synsets = build_synset_tables(a, pool, inputs->wordnet, numbers);
  if (!synsets) return fail(synsets.error());
  report(progress, "indexing", 0.75);
  add_pronunciations(a, inputs->cmudict);
  add_word_lists(a, inputs->common, inputs->huge);
  report(progress, "indexing", 0.8);

  const auto exceptions = sorted_exceptions(inputs->wordnet);
  rank_inflected_forms(a, exceptions);
  const auto order = sort_words(a);
  renumber_synset_words(*synsets, order);
  auto words = build_word_tables(a, pool, order);
  if (!words) return fail(words.error());
  report(progress, "indexing", 0.85);

  const auto rhymes = build_rhymes(a, order, words->words);
  const auto exception_records = build_exception_records(pool, exceptions);
  const auto slots = build_key_tables(pool.bytes(), words->words, exceptions);
  report(progress, "writing", 0.9);
  const ArtifactTables tables{*synsets, *words, rhymes, exception_records, slots};
  if (auto status = write_artifact(out_file, lexicon_sources_fingerprint(sources), tables, pool); !status) return status;
  report(progress, "writing", 1.0);
  return ok();
}

}  // namespace snai::lexicon
