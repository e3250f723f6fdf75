// CharModel on the real artifacts (label data; SNAI_TEST_DATA_DIR, built by scripts/test.sh):
// trains on the lexicon and brand words minus a held-out tenth, prints held-out perplexity,
// and checks that real words outscore keyboard mash of the same length. The shipped
// data/charlm.bin, when the data build made one, must load and pass the same check.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <map>
#include <random>

#include "charlm/char_model.hpp"
#include "charlm/training_words.hpp"

namespace snai::charlm {
namespace {

namespace fs = std::filesystem;

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
  return h;
}

struct Data {
  std::vector<TrainingWord> train;
  std::vector<std::string> held_out;
  fs::path shipped;
};

Data* data = nullptr;

class CharModelData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* dir = std::getenv("SNAI_TEST_DATA_DIR");
    ASSERT_TRUE(dir) << "SNAI_TEST_DATA_DIR is not set: run through `make test` (it builds the data first)";
    fs::path root = fs::path(dir) / "data";
    auto lexicon = lexicon::Lexicon::open(root / "lexicon.bin");
    ASSERT_TRUE(lexicon) << lexicon.error().describe();
    auto words = lexicon_training_words(*lexicon);
    if (auto brands = brands::BrandRegistry::load(root / "brands.tsv")) {
      auto more = brand_training_words(*brands);
      words.insert(words.end(), more.begin(), more.end());
    }
    data = new Data;
    data->shipped = root / "charlm.bin";
    for (auto& w : words) {
      if (fnv1a(w.word) % 10 == 0)
        data->held_out.push_back(w.word);
      else
        data->train.push_back(std::move(w));
    }
    fmt::print("{} training words, {} held out\n", data->train.size(), data->held_out.size());
  }
  static void TearDownTestSuite() {
    delete data;
    data = nullptr;
  }

  static const CharModel& trained(int order) {
    static std::map<int, CharModel> models;
    auto it = models.find(order);
    if (it == models.end()) {
      auto start = std::chrono::steady_clock::now();
      auto m = CharModel::train(data->train, {.order = order});
      EXPECT_TRUE(m) << m.error().describe();
      double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      fmt::print("order {}: trained in {:.2f} s, {} n-grams, {:.1f} MB, held-out perplexity {:.3f} per symbol\n",
                 order, seconds, m->ngram_count(), m->memory_bytes() / 1e6, perplexity(*m, data->held_out));
      it = models.emplace(order, std::move(*m)).first;
    }
    return it->second;
  }

  static double perplexity(const CharModel& m, const std::vector<std::string>& words) {
    double log_prob = 0;
    double symbols = 0;
    for (const auto& w : words) {
      log_prob += m.log_prob(w);
      symbols += static_cast<double>(w.size() + 1);
    }
    return std::exp(-log_prob / symbols);
  }
};

// Mash as hands make it: runs along a keyboard row, hops to a neighbouring key or row, now and
// then a key anywhere.
std::string keyboard_mash(std::mt19937_64& rng, std::size_t length) {
  static const std::string rows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  int row = static_cast<int>(rng() % 3);
  int col = static_cast<int>(rng() % rows[row].size());
  std::string out;
  while (out.size() < length) {
    out.push_back(rows[row][col]);
    auto roll = rng() % 100;
    if (roll < 70) {
      col += (rng() % 2 == 0 ? 1 : -1) * static_cast<int>(1 + rng() % 2);
    } else if (roll < 90) {
      row = (row + 1 + static_cast<int>(rng() % 2)) % 3;
    } else {
      row = static_cast<int>(rng() % 3);
      col = static_cast<int>(rng() % 10);
    }
    col = std::clamp(col, 0, static_cast<int>(rows[row].size()) - 1);
  }
  return out;
}

double words_beating_mash(const CharModel& m, const std::vector<std::string>& words) {
  std::mt19937_64 rng(2026);
  std::size_t pairs = 0;
  std::size_t wins = 0;
  std::vector<std::string> losses;
  for (const auto& w : words) {
    if (w.size() < 4 || w.size() > 12) continue;
    std::string mash = keyboard_mash(rng, w.size());
    ++pairs;
    if (m.log_prob_per_char(w) > m.log_prob_per_char(mash))
      ++wins;
    else if (losses.size() < 8)
      losses.push_back(fmt::format("{} < {}", w, mash));
  }
  double share = static_cast<double>(wins) / static_cast<double>(pairs);
  fmt::print("real word beats keyboard mash in {}/{} pairs ({:.2f}%); e.g. lost: {}\n", wins, pairs, 100 * share,
             fmt::join(losses, ", "));
  return share;
}

TEST_F(CharModelData, HeldOutPerplexityFallsWithOrder) {
  double bigram = perplexity(trained(2), data->held_out);
  double chosen = perplexity(trained(CharModelOptions{}.order), data->held_out);
  EXPECT_LT(chosen, bigram * 0.8);
  EXPECT_LT(chosen, 27.0);
}

TEST_F(CharModelData, HeldOutWordsBeatKeyboardMash) {
  EXPECT_GT(words_beating_mash(trained(CharModelOptions{}.order), data->held_out), 0.95);
}

TEST_F(CharModelData, ShippedModelLoadsAndBeatsKeyboardMash) {
  if (!fs::exists(data->shipped)) GTEST_SKIP() << data->shipped << " not built";
  auto m = CharModel::load(data->shipped);
  ASSERT_TRUE(m) << m.error().describe();
  fmt::print("{}: order {}, {} n-grams, held-out perplexity {:.3f} (these words were in its training)\n",
             data->shipped.string(), m->order(), m->ngram_count(), perplexity(*m, data->held_out));
  EXPECT_GT(words_beating_mash(*m, data->held_out), 0.95);
}

TEST_F(CharModelData, SamplesFromAConceptRoot) {
  const auto& m = trained(CharModelOptions{}.order);
  std::mt19937_64 rng(1);
  std::vector<std::string> names;
  for (int i = 0; i < 12; ++i) names.push_back(m.sample(rng, {.prefix = "med", .min_length = 5, .max_length = 9}));
  fmt::print("med → {}\n", fmt::join(names, " "));
  for (const auto& n : names) {
    ASSERT_FALSE(n.empty());
    EXPECT_TRUE(n.starts_with("med"));
  }
}

}  // namespace
}  // namespace snai::charlm
