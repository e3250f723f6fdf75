// The simulated panel: users with a hidden taste judge batches of names (10% of
// verdicts flipped); after 200 verdicts each, their learned model must order held-out pairs
// (one name they would like, one they would not, never shown to them) right at least 85% of
// the time, against 0.5 for the untrained model. Everything goes through PreferenceBook, as in
// the product: record() → background training → model_for().
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <thread>

#include "preference/preference_book.hpp"
#include "preference/testing/panel.hpp"

namespace snai::preference {
namespace {

using testing::Taste;

struct PanelUser {
  std::string id;
  Taste taste;
  unsigned seed;
};

// Fraction of (liked, not liked) held-out pairs the model orders right; ties count half.
double pairwise_accuracy(const PreferenceModel& model, const NameDescriber& describer, Taste taste,
                         const std::vector<NameInfo>& held_out) {
  std::vector<double> liked, other;
  for (const auto& n : held_out)
    (testing::hidden_rule(taste, n) ? liked : other).push_back(model.score(describer.describe(n)));
  double right = 0, total = 0;
  for (double a : liked)
    for (double b : other) {
      right += a > b ? 1 : a == b ? 0.5 : 0;
      ++total;
    }
  return total > 0 ? right / total : 0;
}

TEST(PreferencePanel, LearnsHiddenTastesFrom200VerdictsEach) {
  auto catalogue = testing::make_catalogue(SNAI_SCORE_TESTDATA "/startup_names.txt", 11);
  ASSERT_GT(catalogue.size(), 1000u);
  // A fixed split: names shown to users, and held-out names no user ever judges.
  std::mt19937_64 split_rng(5);
  std::shuffle(catalogue.begin(), catalogue.end(), split_rng);
  std::size_t cut = catalogue.size() * 6 / 10;
  std::vector<NameInfo> shown(catalogue.begin(), catalogue.begin() + std::ptrdiff_t(cut));
  std::vector<NameInfo> held_out(catalogue.begin() + std::ptrdiff_t(cut), catalogue.end());

  const std::vector<PanelUser> panel = {
      {"ada", Taste::short_invented, 1}, {"bo", Taste::nature_compound, 2}, {"cy", Taste::soft_short, 3},
      {"dee", Taste::short_invented, 4}, {"eli", Taste::nature_compound, 5}, {"fay", Taste::soft_short, 6},
  };
  constexpr int kEvents = 200, kBatch = 10;
  constexpr double kNoise = 0.10;

  PreferenceBook book(score::FeatureContext{}, {.retrain_after = std::chrono::milliseconds(50)});
  for (const auto& user : panel) {
    std::mt19937_64 rng(user.seed);
    std::vector<NameInfo> order = shown;
    std::shuffle(order.begin(), order.end(), rng);
    std::bernoulli_distribution flip(kNoise);
    // Batches of 10, as a results page; every name on it gets a verdict.
    for (int i = 0; i < kEvents; ++i) {
      const auto& name = order[std::size_t(i)];
      bool likes = testing::hidden_rule(user.taste, name) != flip(rng);
      EXPECT_TRUE(book.record({.user_id = user.id,
                               .project_id = fmt::format("{}-project-{}", user.id, i / (kEvents / 2)),
                               .name = name,
                               .reaction = likes ? Reaction::favorite : Reaction::dismiss}));
      if (i % kBatch == kBatch - 1) std::this_thread::yield();
    }
  }
  book.flush();

  PreferenceModel untrained;
  double sum_before = 0, sum_after = 0;
  fmt::print("{:<5} {:<34} {:>5} {:>8} {:>8} {:>8}\n", "user", "hidden taste", "liked", "before", "global", "own");
  for (const auto& user : panel) {
    auto choice = book.model_for(user.id);
    ASSERT_EQ(choice.scope, ModelScope::user) << user.id;
    EXPECT_EQ(choice.model->events(), std::uint64_t(kEvents));
    double before = pairwise_accuracy(untrained, book.describer(), user.taste, held_out);
    double global = pairwise_accuracy(*book.model_for("someone-new").model, book.describer(), user.taste, held_out);
    double after = pairwise_accuracy(*choice.model, book.describer(), user.taste, held_out);
    std::size_t liked = std::ranges::count_if(held_out, [&](const auto& n) { return testing::hidden_rule(user.taste, n); });
    fmt::print("{:<5} {:<34} {:>5} {:>8.3f} {:>8.3f} {:>8.3f}\n", user.id, testing::to_string(user.taste), liked, before,
               global, after);
    EXPECT_DOUBLE_EQ(before, 0.5);
    EXPECT_GE(after, 0.85) << user.id << " (" << testing::to_string(user.taste) << ")";
    sum_before += before;
    sum_after += after;
  }
  fmt::print("panel: held-out pairwise accuracy {:.3f} before, {:.3f} after {} verdicts per user ({:.0f}% flipped)\n",
             sum_before / double(panel.size()), sum_after / double(panel.size()), kEvents, kNoise * 100);
  EXPECT_GE(sum_after / double(panel.size()), 0.85);
}

}  // namespace
}  // namespace snai::preference
