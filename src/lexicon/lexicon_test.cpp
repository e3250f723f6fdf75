#include "lexicon/lexicon.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>

#include "lexicon/internal/lexicon_format.hpp"
#include "lexicon/lexicon_builder.hpp"
#include "lexicon/testing/mini_lexicon.hpp"

namespace snai::lexicon {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

const Lexicon& lex() { return testing::mini_lexicon().lexicon; }

std::vector<std::string> words_of(const std::vector<Related>& related) {
  std::vector<std::string> out;
  for (const auto& r : related) out.emplace_back(r.word);
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

TEST(Lexicon, LooksUpLemmasWithPartsOfSpeechAndFrequency) {
  auto doctor = lex().lookup("Doctor");
  ASSERT_TRUE(doctor);
  EXPECT_EQ(doctor->lemma, "doctor");
  EXPECT_TRUE(doctor->parts_of_speech.contains(Pos::noun));
  EXPECT_TRUE(doctor->parts_of_speech.contains(Pos::verb));
  EXPECT_FALSE(doctor->parts_of_speech.contains(Pos::adjective));
  EXPECT_EQ(doctor->tag_count, 73u);
  EXPECT_EQ(lex().tag_count("doctor", Pos::noun), 73u);  // all of them are the noun's
  EXPECT_EQ(lex().tag_count("doctor", Pos::verb), 0u);
  EXPECT_EQ(lex().tag_count("doctors", Pos::noun), 73u);  // through the lemma
  EXPECT_EQ(lex().tag_count("xyzzy", Pos::noun), 0u);
  EXPECT_EQ(doctor->sense_count, 2u);
  EXPECT_TRUE(doctor->common);
  EXPECT_TRUE(doctor->has_pronunciation);
  EXPECT_FALSE(lex().lookup("xyzzy"));
}

TEST(Lexicon, LookupOfAnInflectedFormFindsTheLemma) {
  auto took = lex().lookup("took");
  ASSERT_TRUE(took);
  EXPECT_EQ(took->lemma, "take");
  EXPECT_EQ(took->tag_count, 50u);
}

TEST(Lexicon, WordListsAndProperNames) {
  EXPECT_TRUE(lex().is_word("notary"));  // only in the huge list
  EXPECT_FALSE(lex().lookup("notary")->common);
  EXPECT_TRUE(lex().is_word("AARON"));
  EXPECT_TRUE(lex().lookup("aaron")->capitalized);
  EXPECT_FALSE(lex().is_word("aaron's"));  // possessives are dropped
  EXPECT_FALSE(lex().is_word("xyzzy"));
  EXPECT_THAT(lex().words_with_prefix("medic"), ::testing::ElementsAre("medical man", "medical practitioner", "medicine", "medico"));
}

TEST(Lexicon, SynsetsCarryWordsGlossExamplesAndLexname) {
  auto refs = lex().synsets("doctor");
  ASSERT_EQ(refs.size(), 2u);
  auto noun = lex().synset(refs[0]);
  EXPECT_EQ(noun.pos, Pos::noun);
  EXPECT_EQ(noun.lexname, "noun.person");
  EXPECT_EQ(noun.wordnet_id(), "00000100-n");
  EXPECT_THAT(noun.words, ::testing::ElementsAre("doctor", "doc", "physician", "MD", "Dr.", "medico"));
  EXPECT_EQ(noun.gloss, "a licensed medical practitioner");
  EXPECT_THAT(noun.examples, ::testing::ElementsAre("I felt so bad I went to see my doctor"));
  EXPECT_EQ(lex().synset(refs[1]).lexname, "verb.body");
  EXPECT_EQ(lex().synsets("doctor", Pos::verb).size(), 1u);
  EXPECT_THROW(lex().synset({static_cast<std::uint32_t>(lex().synset_count())}), std::out_of_range);

  std::size_t visited = 0;
  lex().for_each_synset([&](const Synset&) { ++visited; });
  EXPECT_EQ(visited, lex().synset_count());
  EXPECT_EQ(lex().synset_count(), 15u);
}

TEST(Lexicon, Relations) {
  EXPECT_THAT(words_of(lex().synonyms("doctor")), ::testing::IsSupersetOf({"physician", "doc", "Dr.", "MD"}));
  EXPECT_THAT(words_of(lex().synonyms("doctor")), Not(Contains("doctor")));
  EXPECT_THAT(words_of(lex().hypernyms("physician")), Contains("medical practitioner"));
  EXPECT_THAT(words_of(lex().hyponyms("medical practitioner")), Contains("physician"));
  EXPECT_THAT(words_of(lex().hypernyms("doctor", Pos::verb)), ::testing::ElementsAre("treat"));
  EXPECT_THAT(words_of(lex().antonyms("good")), ::testing::ElementsAre("bad"));
  EXPECT_THAT(words_of(lex().similar_to("nice")), ::testing::ElementsAre("good"));
  EXPECT_THAT(words_of(lex().domain_categories("doctor")), Contains("medicine"));
  auto members = lex().domain_categories("medicine");
  ASSERT_FALSE(members.empty());
  EXPECT_EQ(members[0].relation, Relation::domain_topic_member);
  // A lexical pointer (+ from word 1) applies to that word only: "physician" has no derivation.
  EXPECT_TRUE(lex().derivations("physician").empty());
  auto all = lex().related("doctor");
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [](const Related& r) { return r.relation == Relation::hypernym; }));
  EXPECT_EQ(to_string(Relation::domain_topic), "domain_topic");
  EXPECT_EQ(parse_relation("similar_to"), Relation::similar_to);
}

TEST(Lexicon, Lemmatize) {
  EXPECT_EQ(lex().lemmatize("doctors"), "doctor");
  EXPECT_EQ(lex().lemmatize("took"), "take");
  EXPECT_EQ(lex().lemmatize("notes"), "note");
  EXPECT_EQ(lex().lemmatize("better", Pos::adjective), "good");
  EXPECT_EQ(lex().lemmatize("better", Pos::adverb), "well");
  EXPECT_EQ(lex().lemmatize("doctored", Pos::verb), "doctor");
  EXPECT_EQ(lex().lemmatize("Quivrs"), "quivrs");  // nothing matches: the normalised input
  EXPECT_THAT(lex().base_forms("better"), ::testing::ElementsAre("good", "well"));
}

TEST(Lexicon, Affixes) {
  auto split = lex().split_affixes("unbreakable");
  EXPECT_EQ(split.prefix, "un");
  EXPECT_EQ(split.root, "break");
  EXPECT_EQ(split.suffix, "able");
  auto plain = lex().split_affixes("doctor");
  EXPECT_EQ(plain.prefix, "");
  EXPECT_EQ(plain.root, "doctor");
  EXPECT_EQ(plain.suffix, "");
  // Unknown words split freely against known roots.
  auto invented = lex().split_affixes("doctorless");
  EXPECT_EQ(invented.root, "doctor");
  EXPECT_EQ(invented.suffix, "less");
  EXPECT_EQ(lex().stem("doctors"), "doctor");
  EXPECT_FALSE(common_prefixes().empty());
  EXPECT_FALSE(common_suffixes().empty());
}

TEST(Lexicon, CmuPronunciationsKeepVariantsAndSyllables) {
  auto record = lex().cmu_pronunciations("record");
  ASSERT_EQ(record.size(), 2u);
  EXPECT_EQ(to_arpabet(record[0].phonemes), "R EH1 K ER0 D");
  EXPECT_EQ(to_arpabet(record[1].phonemes), "R AH0 K AO1 R D");
  EXPECT_THAT(record[0].syllable_starts, ::testing::ElementsAre(0, 2));
}

TEST(Lexicon, MovingKeepsViewsValid) {
  auto opened = Lexicon::open(testing::mini_lexicon().artifact);
  ASSERT_TRUE(opened);
  auto word = opened->lookup("doctor");
  Lexicon moved = std::move(*opened);
  EXPECT_EQ(word->lemma, "doctor");
  EXPECT_TRUE(moved.is_word("doctor"));
  EXPECT_EQ(moved.source_fingerprint(), lexicon_sources_fingerprint(testing::mini_lexicon().sources));
  EXPECT_GT(moved.built_unix_ms(), 0);
}

TEST(LexiconArtifact, TruncatedFileIsDataCorrupt) {
  auto dir = testing::scratch_dir("truncated");
  auto bytes = read_file(testing::mini_lexicon().artifact);
  for (std::size_t size : {std::size_t{0}, std::size_t{10}, sizeof(format::Header), bytes.size() / 2, bytes.size() - 1}) {
    write_file(dir / "lexicon.bin", std::string_view(bytes).substr(0, size));
    auto opened = Lexicon::open(dir / "lexicon.bin");
    ASSERT_FALSE(opened) << size;
    EXPECT_EQ(opened.error().code, ErrorCode::data_corrupt) << size;
    EXPECT_THAT(opened.error().message, HasSubstr("truncated")) << size;
  }
  std::filesystem::remove_all(dir);
}

TEST(LexiconArtifact, ForeignOldOrDamagedFilesAreDataCorrupt) {
  auto dir = testing::scratch_dir("foreign");
  auto bytes = read_file(testing::mini_lexicon().artifact);
  write_file(dir / "foreign.bin", std::string(4096, 'x'));
  auto foreign = Lexicon::open(dir / "foreign.bin");
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::data_corrupt);
  EXPECT_THAT(foreign.error().message, HasSubstr("magic"));

  for (std::uint32_t version : {1u, 99u}) {  // 1: before the key tables were stored
    auto old = bytes;
    std::memcpy(old.data() + offsetof(format::Header, version), &version, sizeof version);
    write_file(dir / "old.bin", old);
    auto versioned = Lexicon::open(dir / "old.bin");
    ASSERT_FALSE(versioned);
    EXPECT_EQ(versioned.error().code, ErrorCode::data_corrupt);
    EXPECT_THAT(versioned.error().message, HasSubstr("format version " + std::to_string(version)));
    EXPECT_THAT(versioned.error().message, HasSubstr("snai data build"));
  }

  // A word record whose key points past the string pool.
  auto damaged = bytes;
  format::Header header;
  std::memcpy(&header, damaged.data(), sizeof header);
  auto words_at = header.sections[static_cast<int>(format::Section::words)].offset;
  std::uint32_t far = 0x7FFFFFFF;
  std::memcpy(damaged.data() + words_at + offsetof(format::WordRecord, key_offset), &far, sizeof far);
  write_file(dir / "damaged.bin", damaged);
  auto broken = Lexicon::open(dir / "damaged.bin");
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().code, ErrorCode::data_corrupt);
  EXPECT_THAT(broken.error().message, HasSubstr("word record"));

  auto missing = Lexicon::open(dir / "absent.bin");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  EXPECT_THAT(missing.error().message, HasSubstr("snai data build"));
  std::filesystem::remove_all(dir);
}

// The hashed key tables are read in place, not walked at open: a table that does not find the
// words (wrong hash, or the wrong table) or has a bad layout must still be refused.
TEST(LexiconArtifact, DamagedKeyTablesAreDataCorrupt) {
  auto dir = testing::scratch_dir("tables");
  auto bytes = read_file(testing::mini_lexicon().artifact);
  format::Header header;
  std::memcpy(&header, bytes.data(), sizeof header);
  for (auto section : {format::Section::word_slots, format::Section::exception_slots}) {
    const auto& entry = header.sections[static_cast<int>(section)];
    ASSERT_GE(entry.count, 16u);
    auto zeroed = bytes;  // an empty table finds nothing
    std::memset(zeroed.data() + entry.offset, 0, entry.size);
    write_file(dir / "zeroed.bin", zeroed);
    auto opened = Lexicon::open(dir / "zeroed.bin");
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::data_corrupt);
    EXPECT_THAT(opened.error().message, HasSubstr(section == format::Section::word_slots ? "word table" : "exception table"));

    auto shrunk = bytes;  // one slot fewer: not a power of two
    format::Header h = header;
    h.sections[static_cast<int>(section)].count -= 1;
    h.sections[static_cast<int>(section)].size -= 8;
    std::memcpy(shrunk.data(), &h, sizeof h);
    write_file(dir / "shrunk.bin", shrunk);
    opened = Lexicon::open(dir / "shrunk.bin");
    ASSERT_FALSE(opened);
    EXPECT_THAT(opened.error().message, HasSubstr("table"));
  }
  std::filesystem::remove_all(dir);
}

TEST(LexiconBuilder, MissingWordnetNamesThePackage) {
  auto dir = testing::scratch_dir("missing");
  auto sources = testing::write_mini_sources(dir);
  sources.wordnet_dir = dir / "no-such-wordnet";
  sources.cmudict = dir / "no-such-cmudict";
  auto missing = check_lexicon_sources(sources);
  ASSERT_EQ(missing.size(), 14u);  // 13 WordNet files + the CMU dictionary
  EXPECT_EQ(missing.front().package, "wordnet-base");
  EXPECT_EQ(missing.back().package, "festlex-cmu");
  auto status = build_lexicon(sources, dir / "lexicon.bin");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::failed_precondition);
  EXPECT_THAT(status.error().message, HasSubstr("apt-get install wordnet-base festlex-cmu"));
  EXPECT_FALSE(std::filesystem::exists(dir / "lexicon.bin"));
  std::filesystem::remove_all(dir);
}

TEST(LexiconBuilder, CorruptInputNamesFileAndLine) {
  auto dir = testing::scratch_dir("corrupt");
  auto sources = testing::write_mini_sources(dir);
  std::ofstream(sources.wordnet_dir / "data.noun", std::ios::app) << "00000900 18 n zz garbage\n";
  auto status = build_lexicon(sources, dir / "lexicon.bin");
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::data_corrupt);
  EXPECT_THAT(status.error().message, HasSubstr("data.noun:7"));
  EXPECT_THAT(status.error().message, HasSubstr("wordnet-base"));

  sources = testing::write_mini_sources(dir);
  std::ofstream(sources.cmudict, std::ios::app) << "(\"oops\" nil (((q q) 1)))\n";
  status = build_lexicon(sources, dir / "lexicon.bin");
  ASSERT_FALSE(status);
  EXPECT_THAT(status.error().message, HasSubstr("unknown phoneme 'q'"));
  EXPECT_THAT(status.error().message, HasSubstr("festlex-cmu"));
  std::filesystem::remove_all(dir);
}

TEST(LexiconBuilder, ReportsProgressByStage) {
  auto dir = testing::scratch_dir("progress");
  auto sources = testing::write_mini_sources(dir);
  std::vector<std::string> stages;
  double last = 0;
  bool monotonic = true;
  auto status = build_lexicon(sources, dir / "out" / "lexicon.bin", [&](std::string_view stage, double fraction) {
    if (stages.empty() || stages.back() != stage) stages.emplace_back(stage);
    monotonic = monotonic && fraction >= last;
    last = fraction;
  });
  ASSERT_TRUE(status) << status.error().describe();
  EXPECT_THAT(stages, ::testing::ElementsAre("wordnet", "cmudict", "word lists", "indexing", "writing"));
  EXPECT_TRUE(monotonic);
  EXPECT_DOUBLE_EQ(last, 1.0);
  EXPECT_TRUE(lexicon_is_current(dir / "out" / "lexicon.bin", sources));
  std::ofstream(sources.words, std::ios::app) << "scribewell\n";  // an input changed
  EXPECT_FALSE(lexicon_is_current(dir / "out" / "lexicon.bin", sources));
  EXPECT_FALSE(lexicon_is_current(dir / "absent.bin", sources));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace snai::lexicon
