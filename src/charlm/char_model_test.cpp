// CharModel on a small word list written here: probabilities, a naive Kneser–Ney reference,
// save/load, corrupt files, sampling.
#include "charlm/char_model.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace snai::charlm {
namespace {

namespace fs = std::filesystem;

const char* const kWords[] = {
    "strength", "string", "strong", "street", "stream", "strike", "stretch", "length", "health", "wealth",
    "bright", "light", "night", "right", "sight", "flight", "fight", "might", "tight", "weight",
    "medicine", "medical", "media", "medium", "meadow", "melody", "memory", "method", "metal", "meter",
    "doctor", "patient", "nurse", "clinic", "hospital", "health", "care", "cure", "heal", "therapy",
    "note", "notes", "notable", "notion", "novel", "noble", "north", "nothing", "number", "nurture",
    "apple", "orange", "banana", "grape", "lemon", "melon", "cherry", "berry", "peach", "plum",
    "water", "river", "ocean", "island", "mountain", "valley", "forest", "garden", "meadow", "desert",
    "house", "home", "table", "chair", "window", "door", "floor", "wall", "roof", "kitchen",
    "quick", "quiet", "queen", "question", "quality", "quantity", "quote", "quest", "quiz", "quarter",
    "king", "kind", "kite", "knife", "knight", "know", "knowledge", "kettle", "kernel", "key",
    "jump", "joy", "journey", "judge", "juice", "jungle", "jacket", "jewel", "join", "joke",
    "verb", "very", "vivid", "voice", "volume", "vote", "value", "village", "violet", "vision",
    "zebra", "zero", "zone", "zoom", "zest", "zinc", "zipper", "zodiac", "zombie", "zeal",
    "xylophone", "xenon", "yellow", "yes", "yet", "young", "youth", "yard", "year", "yield",
    "able", "about", "above", "across", "action", "active", "actor", "after", "again", "against",
    "believe", "better", "between", "beyond", "bottle", "bottom", "branch", "bread", "break", "breath",
    "cable", "camera", "candle", "carbon", "castle", "center", "chance", "change", "charge", "circle",
    "energy", "engine", "enough", "entire", "escape", "evening", "event", "every", "exact", "example",
    "family", "father", "feather", "figure", "finger", "finish", "flower", "follow", "forward", "friend",
    "google", "spotify", "zalando", "github", "notion", "figma", "stripe", "shopify", "medium", "canva",
};

std::vector<TrainingWord> training_words() {
  std::vector<TrainingWord> out;
  std::uint32_t i = 0;
  for (const char* w : kWords) out.push_back({w, 1 + (i++ % 3)});
  return out;
}

const CharModel& model(int order = 5) {
  static std::map<int, CharModel> models;
  auto it = models.find(order);
  if (it == models.end()) {
    auto words = training_words();
    auto trained = CharModel::train(words, {.order = order});
    EXPECT_TRUE(trained) << trained.error().describe();
    it = models.emplace(order, std::move(*trained)).first;
  }
  return it->second;
}

// Every prefix of the training words, plus strings the model never saw.
std::vector<std::string> contexts() {
  std::set<std::string> out = {"", "x", "xq", "qqqq", "zzzzzzzzzz", "aeiou", "strengthstrength", "kn", "xylo"};
  for (const char* w : kWords)
    for (std::size_t n = 0; n <= std::string_view(w).size(); ++n) out.insert(std::string(w, n));
  std::mt19937_64 rng(5);
  for (int i = 0; i < 200; ++i) {
    std::string s;
    for (std::size_t n = rng() % 9; n > 0; --n) s.push_back(static_cast<char>('a' + rng() % 26));
    out.insert(s);
  }
  return {out.begin(), out.end()};
}

class CharModelOrders : public ::testing::TestWithParam<int> {};

TEST_P(CharModelOrders, NextSymbolProbabilitiesSumToOne) {
  const auto& m = model(GetParam());
  for (const auto& context : contexts()) {
    auto p = m.next_probabilities(context);
    double sum = 0;
    for (double x : p) {
      EXPECT_GT(x, 0.0) << context;
      sum += x;
    }
    EXPECT_NEAR(sum, 1.0, 1e-5) << "context \"" << context << "\"";
  }
}

TEST_P(CharModelOrders, LogProbIsTheSumOfTheNextSymbolProbabilities) {
  const auto& m = model(GetParam());
  for (std::string word : {"strength", "medora", "xqzvkjw", "a", ""}) {
    double expected = 0;
    for (std::size_t i = 0; i <= word.size(); ++i) {
      auto p = m.next_probabilities(word.substr(0, i));
      expected += std::log(i < word.size() ? p[word[i] - 'a'] : p[CharModel::kEndSymbol]);
    }
    EXPECT_NEAR(m.log_prob(word), expected, 1e-4) << word;
    EXPECT_DOUBLE_EQ(m.log_prob_per_char(word), m.log_prob(word) / static_cast<double>(word.size() + 1));
  }
}

INSTANTIATE_TEST_SUITE_P(Orders, CharModelOrders, ::testing::Values(2, 3, 4, 5, 6, 8, 12));

// A direct, slow reading of interpolated modified Kneser–Ney over strings ('^' begin, '$' end).
class ReferenceKneserNey {
 public:
  ReferenceKneserNey(const std::vector<TrainingWord>& words, int order) : n_(order) {
    std::vector<std::map<std::string, double>> raw(n_ + 1);
    for (const auto& w : words) {
      std::string s = "^" + w.word + "$";
      for (std::size_t t = 1; t < s.size(); ++t)
        for (int k = 1; k <= n_ && static_cast<std::size_t>(k) <= t + 1; ++k) raw[k][s.substr(t + 1 - k, k)] += w.count;
    }
    counts_.resize(n_ + 1);
    for (int k = 1; k <= n_; ++k) {
      for (const auto& [g, c] : raw[k]) {
        if (k == n_ || g[0] == '^') {
          counts_[k][g] = c;
        } else {
          int left = 0;
          for (const auto& [h, unused] : raw[k + 1]) left += h.substr(1) == g;
          counts_[k][g] = left;
        }
      }
      std::array<double, 5> nn{};
      for (const auto& [g, a] : counts_[k])
        if (a <= 4) nn[static_cast<int>(a)] += 1;
      std::array<double, 4> d{0, 0.6, 1.0, 1.3};
      if (nn[1] > 0 && nn[2] > 0 && nn[3] > 0 && nn[4] > 0) {
        double y = nn[1] / (nn[1] + 2 * nn[2]);
        std::array<double, 4> e{0, 1 - 2 * y * nn[2] / nn[1], 2 - 3 * y * nn[3] / nn[2], 3 - 4 * y * nn[4] / nn[3]};
        if (e[1] > 0 && e[1] < 1 && e[2] > 0 && e[2] < 2 && e[3] > 0 && e[3] < 3) d = e;
      }
      d_.push_back(d);
    }
  }

  // p(symbol | history), history starting with '^'.
  double prob(std::string history, char symbol) const {
    if (static_cast<int>(history.size()) > n_ - 1) history = history.substr(history.size() - (n_ - 1));
    return interpolated(history, symbol);
  }

 private:
  double interpolated(const std::string& h, char w) const {
    const double lower = h.empty() ? 1.0 / 27 : interpolated(h.substr(1), w);
    const int k = static_cast<int>(h.size()) + 1;
    const auto& d = d_[k - 1];
    double total = 0;
    std::array<double, 4> by_count{};
    double a_hw = 0;
    for (const auto& [g, a] : counts_[k]) {
      if (g.compare(0, h.size(), h) != 0) continue;
      total += a;
      by_count[std::min(3, static_cast<int>(a))] += 1;
      if (g.back() == w) a_hw = a;
    }
    if (total == 0) return lower;
    double gamma = (d[1] * by_count[1] + d[2] * by_count[2] + d[3] * by_count[3]) / total;
    return std::max(a_hw - d[std::min(3, static_cast<int>(a_hw))], 0.0) / total + gamma * lower;
  }

  int n_;
  std::vector<std::map<std::string, double>> counts_;
  std::vector<std::array<double, 4>> d_;
};

TEST(CharModel, MatchesANaiveKneserNeyReading) {
  auto words = training_words();
  for (int order : {2, 3, 4}) {
    ReferenceKneserNey reference(words, order);
    const auto& m = model(order);
    for (std::string context : {"", "s", "st", "str", "stre", "me", "med", "xq", "qu", "zz", "knig"}) {
      auto p = m.next_probabilities(context);
      for (std::size_t s = 0; s < CharModel::kSymbolCount; ++s) {
        char symbol = s == CharModel::kEndSymbol ? '$' : static_cast<char>('a' + s);
        EXPECT_NEAR(p[s], reference.prob("^" + context, symbol), 1e-6)
            << "order " << order << " context \"" << context << "\" symbol " << symbol;
      }
    }
  }
}

TEST(CharModel, EnglishSpellingScoresFarAboveKeyboardMash) {
  const auto& m = model();
  EXPECT_GT(m.log_prob_per_char("strength"), m.log_prob_per_char("xqzvkjw") + 1.0);
  EXPECT_GT(m.log_prob_per_char("stream"), m.log_prob_per_char("srtaem") + 0.5);
  EXPECT_GT(m.log_prob_per_char("melody"), m.log_prob_per_char("mlyode"));
}

TEST(CharModel, FoldsCaseAndRejectsOtherCharacters) {
  const auto& m = model();
  EXPECT_EQ(m.log_prob("Strength"), m.log_prob("strength"));
  EXPECT_EQ(m.log_prob("STRENGTH"), m.log_prob("strength"));
  for (std::string bad : {"git-hub", "note2", "caf\xc3\xa9", "two words", "a@b", "[x]"})
    EXPECT_EQ(m.log_prob(bad), -std::numeric_limits<double>::infinity()) << bad;
  auto zeros = m.next_probabilities("no!");
  for (double p : zeros) EXPECT_EQ(p, 0.0);
}

TEST(CharModel, TrainingRejectsBadInput) {
  auto words = training_words();
  for (int order : {0, 1, 13}) {
    auto bad = CharModel::train(words, {.order = order});
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::invalid_argument);
  }
  std::vector<TrainingWord> unusable = {{"two words", 1}, {"", 4}, {"x1", 2}, {"fine", 0}};
  auto none = CharModel::train(unusable);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::invalid_argument);
  // Unusable words are skipped: the same model as without them.
  auto mixed = words;
  mixed.insert(mixed.end(), unusable.begin(), unusable.end());
  auto with = CharModel::train(mixed, {.order = 5});
  ASSERT_TRUE(with);
  EXPECT_EQ(with->log_prob("strength"), model(5).log_prob("strength"));
  EXPECT_EQ(with->ngram_count(), model(5).ngram_count());
}

TEST(CharModel, WeightsMatter) {
  std::vector<TrainingWord> once = {{"mela", 1}, {"melo", 1}};
  std::vector<TrainingWord> weighted = {{"mela", 1}, {"melo", 9}};
  auto a = CharModel::train(once, {.order = 3});
  auto b = CharModel::train(weighted, {.order = 3});
  ASSERT_TRUE(a && b);
  EXPECT_GT(b->log_prob("melo") - b->log_prob("mela"), a->log_prob("melo") - a->log_prob("mela") + 0.5);
}

class CharModelFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("charlm_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path path(const std::string& name) const { return dir_ / name; }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static void write(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
  }
  void expect_corrupt(const std::string& bytes, const std::string& what) {
    write(path("bad.bin"), bytes);
    auto loaded = CharModel::load(path("bad.bin"));
    ASSERT_FALSE(loaded) << what;
    EXPECT_EQ(loaded.error().code, ErrorCode::data_corrupt) << what << ": " << loaded.error().describe();
    EXPECT_FALSE(loaded.error().message.empty());
  }
  fs::path dir_;
};

TEST_F(CharModelFiles, SaveAndLoadGiveIdenticalScoresAndSamples) {
  const auto& m = model(6);
  ASSERT_TRUE(m.save(path("charlm.bin")));
  EXPECT_FALSE(fs::exists(path("charlm.bin.tmp" + std::to_string(::getpid()))));
  EXPECT_EQ(fs::file_size(path("charlm.bin")), m.memory_bytes() + 64);
  auto loaded = CharModel::load(path("charlm.bin"));
  ASSERT_TRUE(loaded) << loaded.error().describe();
  EXPECT_EQ(loaded->order(), 6);
  EXPECT_EQ(loaded->ngram_count(), m.ngram_count());
  for (const auto& w : contexts()) EXPECT_EQ(loaded->log_prob(w), m.log_prob(w)) << w;
  std::mt19937_64 a(11), b(11);
  for (int i = 0; i < 20; ++i) EXPECT_EQ(loaded->sample(a, {.prefix = "me"}), m.sample(b, {.prefix = "me"}));
  // Saving over an existing file replaces it.
  ASSERT_TRUE(model(3).save(path("charlm.bin")));
  EXPECT_EQ(CharModel::load(path("charlm.bin"))->order(), 3);
}

TEST_F(CharModelFiles, RejectsTruncatedDamagedAndForeignFiles) {
  ASSERT_TRUE(model(4).save(path("good.bin")));
  const std::string good = read(path("good.bin"));
  ASSERT_GT(good.size(), 1000u);

  for (std::size_t cut : {std::size_t{0}, std::size_t{7}, std::size_t{63}, std::size_t{64}, good.size() / 2, good.size() - 1})
    expect_corrupt(good.substr(0, cut), "truncated to " + std::to_string(cut));
  expect_corrupt(good + std::string(16, '\0'), "trailing bytes");
  for (std::size_t at : {std::size_t{0}, std::size_t{9}, std::size_t{12}, std::size_t{16}, std::size_t{24}, std::size_t{32}, std::size_t{40}, std::size_t{60},
                         std::size_t{70}, good.size() / 2 + 3, good.size() - 2}) {
    for (int bit : {0x01, 0x10}) {
      std::string flipped = good;
      flipped[at] = static_cast<char>(flipped[at] ^ bit);
      expect_corrupt(flipped, "byte " + std::to_string(at) + " flipped");
    }
  }
  expect_corrupt("snai-brands\t1\nGitHub\tsimple-icons\t\n", "a brands file");
  expect_corrupt(std::string(4096, '\0'), "zeros");

  auto missing = CharModel::load(path("missing.bin"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  auto directory = CharModel::load(dir_);
  ASSERT_FALSE(directory);
  EXPECT_EQ(directory.error().code, ErrorCode::data_corrupt);
}

TEST(CharModelSampling, SameSeedSameSamples) {
  const auto& m = model();
  std::vector<std::string> first, second, other;
  std::mt19937_64 a(42), b(42), c(43);
  for (int i = 0; i < 50; ++i) {
    first.push_back(m.sample(a, {}));
    second.push_back(m.sample(b, {}));
    other.push_back(m.sample(c, {}));
  }
  EXPECT_EQ(first, second);
  EXPECT_NE(first, other);
  EXPECT_GT(std::set<std::string>(first.begin(), first.end()).size(), 25u);
}

TEST(CharModelSampling, ACacheDrawsTheSameWords) {
  for (int order : {2, 3, 5, 7}) {
    const auto& m = model(order);
    SampleCache cache;
    std::mt19937_64 plain(11), cached(11);
    std::set<std::string> distinct;
    const std::string_view prefixes[] = {"", "st", "med", "q", "Goo"};
    const double temperatures[] = {1.0, 0.7, 1.5};
    for (int i = 0; i < 400; ++i) {
      SampleOptions o{.prefix = prefixes[i % 5], .min_length = 3, .max_length = 9, .temperature = temperatures[i % 3],
                      .max_attempts = 3};
      std::string expected = m.sample(plain, o);
      o.cache = &cache;
      EXPECT_EQ(m.sample(cached, o), expected) << "order " << order << ", sample " << i;
      distinct.insert(expected);
    }
    EXPECT_GT(distinct.size(), 100u) << "order " << order;  // the cache saw many states, not a few
  }
}

TEST(CharModelSampling, RespectsPrefixAndLengths) {
  const auto& m = model();
  std::mt19937_64 rng(7);
  for (const SampleOptions& o : {SampleOptions{.prefix = "med", .min_length = 5, .max_length = 8},
                                 SampleOptions{.prefix = "Str", .min_length = 3, .max_length = 12, .temperature = 1.5},
                                 SampleOptions{.prefix = "", .min_length = 1, .max_length = 3},
                                 SampleOptions{.prefix = "q", .min_length = 6, .max_length = 6, .temperature = 0.5},
                                 SampleOptions{.prefix = "zebra", .min_length = 5, .max_length = 5}}) {
    int made = 0;
    for (int i = 0; i < 100; ++i) {
      std::string s = m.sample(rng, o);
      if (s.empty()) continue;
      ++made;
      std::string prefix(o.prefix);
      for (char& ch : prefix) ch = static_cast<char>(std::tolower(ch));
      EXPECT_TRUE(s.starts_with(prefix)) << s;
      EXPECT_GE(s.size(), o.min_length) << s;
      EXPECT_LE(s.size(), o.max_length) << s;
      for (char ch : s) EXPECT_TRUE(ch >= 'a' && ch <= 'z') << s;
    }
    EXPECT_GT(made, 50) << "prefix " << o.prefix;
  }
}

TEST(CharModelSampling, LowTemperatureConcentrates) {
  const auto& m = model();
  std::mt19937_64 rng(3);
  std::set<std::string> cold, hot;
  for (int i = 0; i < 200; ++i) {
    cold.insert(m.sample(rng, {.prefix = "st", .temperature = 0.1}));
    hot.insert(m.sample(rng, {.prefix = "st", .temperature = 1.0}));
  }
  EXPECT_LT(cold.size() * 3, hot.size());
}

TEST(CharModelSampling, ImpossibleLengthsGiveEmptyQuickly) {
  const auto& m = model();
  std::mt19937_64 rng(1);
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(m.sample(rng, {.min_length = 8, .max_length = 7}), "");
  EXPECT_EQ(m.sample(rng, {.prefix = "medicine", .min_length = 2, .max_length = 5}), "");
  EXPECT_EQ(m.sample(rng, {.min_length = 4, .max_length = CharModel::kMaxWordLength + 1}), "");
  EXPECT_EQ(m.sample(rng, {.prefix = "me-d"}), "");
  EXPECT_EQ(m.sample(rng, {.prefix = "st", .max_attempts = 0}), "");
  for (double t : {0.0, -1.0, std::nan("")}) {
    std::string s = m.sample(rng, {.prefix = "st", .temperature = t});
    EXPECT_TRUE(s.starts_with("st")) << t;
  }
  // Long lengths with every attempt failing stay bounded too.
  for (int i = 0; i < 20; ++i)
    m.sample(rng, {.min_length = CharModel::kMaxWordLength, .max_length = CharModel::kMaxWordLength});
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 2.0);
}

}  // namespace
}  // namespace snai::charlm
