// The saved screen word lists on the real lexicon (label data; SNAI_TEST_DATA_DIR): they read
// back as derived, the screen built from them judges names as the one built from the lexicon,
// and lists of another lexicon or a damaged file are refused.
#include "naming/screen_words_file.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <unistd.h>

#include "lexicon/lexicon_builder.hpp"

namespace snai::naming {
namespace {

namespace fs = std::filesystem;

const lexicon::Lexicon& lexicon() {
  static const auto& opened = *new Result<lexicon::Lexicon>([] {
    const char* dir = std::getenv("SNAI_TEST_DATA_DIR");
    return lexicon::Lexicon::open(fs::path(dir ? dir : "var") / "data" / lexicon::kLexiconArtifactName);
  }());
  if (!opened) throw std::runtime_error(opened.error().describe());
  return *opened;
}

class ScreenWordsFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("snai_screen_words_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    path_ = dir_ / "screen_words.tsv";
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  void write(const std::string& text) const { std::ofstream(path_, std::ios::binary | std::ios::trunc) << text; }

  fs::path dir_, path_;
};

TEST_F(ScreenWordsFile, ReadsBackWhatWasDerived) {
  auto lists = screening::screen_word_lists(lexicon());
  ASSERT_GT(lists.known_words.size(), 100000u);
  ASSERT_FALSE(lists.offensive.empty());
  ASSERT_FALSE(lists.negative.empty());
  ASSERT_TRUE(save_screen_words(lists, lexicon(), path_));
  auto loaded = load_screen_words(path_, lexicon());
  ASSERT_TRUE(loaded) << loaded.error().describe();
  EXPECT_EQ(loaded->known_words, lists.known_words);
  EXPECT_EQ(loaded->segment_words, lists.segment_words);
  EXPECT_EQ(loaded->function_words, lists.function_words);
  ASSERT_EQ(loaded->offensive.size(), lists.offensive.size());
  for (std::size_t i = 0; i < lists.offensive.size(); ++i) {
    EXPECT_EQ(loaded->offensive[i].word, lists.offensive[i].word);
    EXPECT_EQ(loaded->offensive[i].severe, lists.offensive[i].severe);
    EXPECT_EQ(loaded->offensive[i].reason, lists.offensive[i].reason);
  }
  ASSERT_EQ(loaded->negative.size(), lists.negative.size());
  for (std::size_t i = 0; i < lists.negative.size(); ++i) {
    EXPECT_EQ(loaded->negative[i].word, lists.negative[i].word);
    EXPECT_EQ(loaded->negative[i].reason, lists.negative[i].reason);
  }

  auto built = screening::NameScreen::from_lists(lists);
  auto read_back = screening::NameScreen::from_lists(*loaded);
  int blocked = 0;
  for (std::string_view name : {"PenIsland", "TherapistFinder", "ExpertsExchange", "Stripe", "KillCancer", "Scunthorpe",
                                "GrammarNazi", "Notion", "Deathly", "Medora", "classic", "shitake"}) {
    auto a = built.screen(name), b = read_back.screen(name);
    ASSERT_EQ(a.size(), b.size()) << name;
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].kind, b[i].kind) << name;
      EXPECT_EQ(a[i].reading, b[i].reading) << name;
    }
    EXPECT_EQ(built.blocked(name), read_back.blocked(name)) << name;
    blocked += read_back.blocked(name) ? 1 : 0;
  }
  EXPECT_GE(blocked, 3);  // the screen read back still blocks the unfortunate names
}

TEST_F(ScreenWordsFile, RefusesMissingStaleAndDamagedFiles) {
  EXPECT_EQ(load_screen_words(path_, lexicon()).error().code, ErrorCode::not_found);

  screening::ScreenWordLists lists{.known_words = {"alpha", "beta"}, .segment_words = {"alpha"}, .function_words = {"the"},
                                   .offensive = {{"badword", true, "curated"}}, .negative = {{"doom", "death"}}};
  ASSERT_TRUE(save_screen_words(lists, lexicon(), path_));
  const std::string good = read();
  ASSERT_TRUE(load_screen_words(path_, lexicon()));

  // Another lexicon: the fingerprint in the header differs.
  std::string stale = good;
  auto fingerprint = std::to_string(lexicon().source_fingerprint());
  stale.replace(stale.find(fingerprint), fingerprint.size(), std::to_string(lexicon().source_fingerprint() ^ 1));
  write(stale);
  EXPECT_EQ(load_screen_words(path_, lexicon()).error().code, ErrorCode::failed_precondition);

  for (std::string damaged : {good.substr(0, good.size() - 1),                    // truncated last line
                              good + "x\tunknown kind\n",                          // unknown entry
                              good + "o\tword\tmaybe\treason\n",                   // severity not 0/1
                              std::string("snai-screen-words\t2\t1\t1\n"),         // another version
                              std::string("not a screen file\n")}) {
    write(damaged);
    auto loaded = load_screen_words(path_, lexicon());
    ASSERT_FALSE(loaded) << damaged;
    EXPECT_EQ(loaded.error().code, ErrorCode::data_corrupt) << damaged;
  }
}

}  // namespace
}  // namespace snai::naming
