// Real facts from the installed Debian data: builds the full lexicon artifact once (about
// 2 s), reports build time, size and load time, then checks what a person would expect.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "lexicon/lexicon.hpp"
#include "lexicon/lexicon_builder.hpp"
#include "lexicon/pronunciation.hpp"
#include "lexicon/testing/mini_lexicon.hpp"

namespace snai::lexicon {
namespace {

using ::testing::Contains;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct FullLexicon {
  std::filesystem::path artifact;
  double build_ms = 0;
  std::optional<Lexicon> lexicon;
  std::string error;
};

const FullLexicon& full() {
  static FullLexicon* built = [] {
    auto* f = new FullLexicon;
    LexiconSources sources;
    if (auto missing = check_lexicon_sources(sources); !missing.empty()) {
      f->error = "missing " + missing.front().path.string() + ": run scripts/install-deps.sh (package " +
                 missing.front().package + ")";
      return f;
    }
    static std::filesystem::path dir = testing::scratch_dir("full");
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(dir, ec);
    });
    f->artifact = dir / "lexicon.bin";
    auto start = Clock::now();
    auto status = build_lexicon(sources, f->artifact);
    f->build_ms = ms_since(start);
    if (!status) {
      f->error = status.error().describe();
      return f;
    }
    auto opened = Lexicon::open(f->artifact);
    if (!opened) f->error = opened.error().describe();
    else f->lexicon.emplace(std::move(*opened));
    return f;
  }();
  return *built;
}

const Lexicon& lex() {
  if (!full().lexicon) throw std::runtime_error(full().error);
  return *full().lexicon;
}

std::vector<std::string> words_of(const std::vector<Related>& related) {
  std::vector<std::string> out;
  for (const auto& r : related) out.emplace_back(r.word);
  return out;
}

TEST(LexiconData, BuildsQuicklyAndLoadsInMilliseconds) {
  ASSERT_TRUE(full().lexicon) << full().error;
  double best_open_ms = 1e9;
  for (int i = 0; i < 5; ++i) {
    auto start = Clock::now();
    auto opened = Lexicon::open(full().artifact);
    best_open_ms = std::min(best_open_ms, ms_since(start));
    ASSERT_TRUE(opened);
  }
  auto size = std::filesystem::file_size(full().artifact);
  std::printf("lexicon artifact: %.1f MB, built in %.0f ms, opened in %.2f ms; %zu words, %zu synsets\n",
              static_cast<double>(size) / 1e6, full().build_ms, best_open_ms, lex().word_count(), lex().synset_count());
  RecordProperty("artifact_bytes", std::to_string(size));
  RecordProperty("build_ms", std::to_string(static_cast<long>(full().build_ms)));
  RecordProperty("open_us", std::to_string(static_cast<long>(best_open_ms * 1000)));
  EXPECT_LT(best_open_ms, 250.0);
  EXPECT_LT(size, 64u << 20);
  EXPECT_EQ(lex().synset_count(), 117659u);  // WordNet 3.0
}

TEST(LexiconData, Doctor) {
  auto doctor = lex().lookup("doctor");
  ASSERT_TRUE(doctor);
  EXPECT_TRUE(doctor->parts_of_speech.contains(Pos::noun));
  EXPECT_TRUE(doctor->common);
  EXPECT_GT(doctor->tag_count, 50u);
  EXPECT_THAT(words_of(lex().synonyms("doctor")), ::testing::IsSupersetOf({"physician", "doc", "Dr.", "MD"}));
  auto first = lex().synset(lex().synsets("doctor").front());
  EXPECT_EQ(first.lexname, "noun.person");
  EXPECT_EQ(first.wordnet_id(), "10020890-n");
  EXPECT_EQ(first.gloss, "a licensed medical practitioner");
  EXPECT_THAT(first.examples, Contains("I felt so bad I went to see my doctor"));
  EXPECT_THAT(words_of(lex().domain_categories("doctor")), Contains("medicine"));
  EXPECT_THAT(words_of(lex().domain_categories("medicine")), Contains("clinician"));
  EXPECT_THAT(words_of(lex().derivations("doctor")), Contains("doctoral"));
}

TEST(LexiconData, Relations) {
  EXPECT_THAT(words_of(lex().hypernyms("physician")), Contains("medical practitioner"));
  EXPECT_THAT(words_of(lex().hyponyms("physician")), Contains("surgeon"));
  EXPECT_THAT(words_of(lex().similar_to("fast")), Contains("swift"));
  EXPECT_THAT(words_of(lex().antonyms("good", Pos::adjective)), Contains("bad"));
  EXPECT_THAT(words_of(lex().derivations("note")), Contains("notation"));
  // "scribe" the writer, not Scribe the dramatist.
  EXPECT_THAT(words_of(lex().hypernyms("scribe")), ::testing::Not(Contains("dramatist")));
  EXPECT_THAT(words_of(lex().hypernyms("Scribe")), Contains("dramatist"));
}

TEST(LexiconData, Morphology) {
  EXPECT_EQ(lex().lemmatize("doctors"), "doctor");
  EXPECT_EQ(lex().lemmatize("took"), "take");
  EXPECT_EQ(lex().lemmatize("notes"), "note");
  EXPECT_EQ(lex().lemmatize("better", Pos::adjective), "good");
  EXPECT_EQ(lex().lemmatize("geese"), "goose");
  EXPECT_EQ(lex().lemmatize("running", Pos::verb), "run");
  EXPECT_EQ(lex().lemmatize("quivr"), "quivr");
  auto split = lex().split_affixes("unbreakable");
  EXPECT_EQ(split.prefix + "|" + split.root + "|" + split.suffix, "un|break|able");
  split = lex().split_affixes("information");  // not in+formation
  EXPECT_EQ(split.prefix, "");
  EXPECT_EQ(lex().stem("happiness"), "happy");
}

TEST(LexiconData, Words) {
  EXPECT_TRUE(lex().is_word("aardvark"));
  EXPECT_TRUE(lex().is_word("Doctor"));
  EXPECT_FALSE(lex().is_word("quivr"));
  EXPECT_TRUE(lex().lookup("london")->capitalized);
  EXPECT_FALSE(lex().lookup("doctor")->capitalized);
  std::size_t visited = 0;
  lex().for_each_synset([&](const Synset& s) { visited += s.words.empty() ? 0 : 1; });
  EXPECT_EQ(visited, lex().synset_count());
}

// The hashed key index answers for every word (each key finds its own record, in key order
// with words_with_prefix), and strings one letter off a word are not taken for it.
TEST(LexiconData, EveryKeyIsFoundAndNearMissesAreNot) {
  auto keys = lex().words_with_prefix("", lex().word_count());
  ASSERT_GT(keys.size(), 300000u);
  std::size_t misses = 0, mutated = 0, false_hits = 0;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    auto word = lex().lookup(keys[i]);
    if (!word) ++misses;
    if (i % 50 != 0) continue;
    std::string changed(keys[i]);
    changed.back() = changed.back() == 'q' ? 'j' : 'q';
    if (std::binary_search(keys.begin(), keys.end(), std::string_view(changed))) continue;
    ++mutated;
    if (lex().is_word(changed)) ++false_hits;
  }
  EXPECT_EQ(misses, 0u);
  EXPECT_GT(mutated, 5000u);
  EXPECT_EQ(false_hits, 0u);
  EXPECT_EQ(lex().lemmatize("mice"), "mouse");          // an exception-list form
  EXPECT_EQ(lex().base_forms("geese", Pos::noun), std::vector<std::string>{"goose"});
}

TEST(LexiconData, Pronunciations) {
  Pronouncer pronouncer(lex());
  auto doctor = pronouncer.pronounce("doctor");
  EXPECT_EQ(doctor.source, PronunciationSource::cmudict);
  EXPECT_EQ(doctor.arpabet(), "D AA1 K T ER0");
  EXPECT_EQ(doctor.syllable_count, 2);
  EXPECT_EQ(doctor.spelled_syllables("-"), "doc-tor");
  auto scribewell = pronouncer.pronounce("Scribewell");
  EXPECT_EQ(scribewell.source, PronunciationSource::compound);
  EXPECT_EQ(scribewell.spelled_syllables("-"), "scribe-well");
  if (Pronouncer::espeak_available()) {
    auto quivr = pronouncer.pronounce("quivr");
    EXPECT_EQ(quivr.source, PronunciationSource::espeak);
    EXPECT_GE(quivr.syllable_count, 1);
    EXPECT_EQ(pronouncer.pronounce("Notara").syllable_count, 3);
  }
  auto rhymes = pronouncer.rhymes("note", 30);
  EXPECT_THAT(rhymes, Contains("boat"));
  EXPECT_THAT(rhymes, Contains("vote"));
  EXPECT_THAT(pronouncer.rhymes("doctor"), Contains("proctor"));
  EXPECT_TRUE(pronouncer.alliterates("Paypal", "Pinterest"));
  EXPECT_FALSE(pronouncer.alliterates("doctor", "note"));
}

}  // namespace
}  // namespace snai::lexicon
