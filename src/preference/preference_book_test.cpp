// PreferenceBook: fallback from project to user to global, record() never waiting for a
// training, verdicts replaced and cleared; PreferenceModel: deterministic, save/load round trip
// and corrupt files refused.
#include "preference/preference_book.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <future>
#include <random>
#include <thread>

#include "core/artifact_header.hpp"
#include "preference/testing/panel.hpp"

namespace snai::preference {
namespace {

using namespace std::chrono_literals;

std::vector<NameInfo> catalogue() {
  static auto names = testing::make_catalogue(SNAI_SCORE_TESTDATA "/startup_names.txt", 3);
  return names;
}

// `count` verdicts by `taste` (no noise) for one user in one project.
void judge(PreferenceBook& book, const std::string& user, const std::string& project, testing::Taste taste, int count,
           unsigned seed) {
  auto names = catalogue();
  std::mt19937_64 rng(seed);
  std::shuffle(names.begin(), names.end(), rng);
  for (int i = 0; i < count; ++i)
    book.record({.user_id = user,
                 .project_id = project,
                 .name = names[std::size_t(i)],
                 .reaction = testing::hidden_rule(taste, names[std::size_t(i)]) ? Reaction::favorite : Reaction::dismiss});
}

TEST(PreferenceBook, NewAndSparseUsersFallBackToTheGlobalModel) {
  PreferenceBook book(score::FeatureContext{}, {.min_events = 10});
  EXPECT_EQ(book.model_for("nobody").scope, ModelScope::none);
  EXPECT_EQ(book.model_for("nobody").model->score(book.describer().describe({.name = "Kavo"})), 0.0);

  judge(book, "ada", "p1", testing::Taste::short_invented, 60, 1);
  judge(book, "bo", "p2", testing::Taste::short_invented, 60, 2);
  judge(book, "sparse", "p3", testing::Taste::nature_compound, 9, 3);  // one short of min_events
  book.flush();

  auto fresh = book.model_for("someone-new", "their-project");
  EXPECT_EQ(fresh.scope, ModelScope::global);
  EXPECT_TRUE(fresh.model->trained());
  EXPECT_EQ(fresh.model->events(), 129u);  // everyone's verdicts, pooled
  EXPECT_EQ(book.model_for("sparse").scope, ModelScope::global);
  EXPECT_EQ(book.model_for("sparse").model, fresh.model);
  auto ada = book.model_for("ada", "p1");
  EXPECT_EQ(ada.scope, ModelScope::user);  // p1 is all of ada's history: no separate project model
  EXPECT_EQ(ada.model->events(), 60u);
  EXPECT_NE(ada.model, fresh.model);

  // One more verdict brings `sparse` to min_events: its own model from then on.
  book.record({.user_id = "sparse", .project_id = "p3", .name = {.name = "LeafPilot", .style = generate::Style::compound,
                                                                 .parts = {"leaf", "pilot"}}, .reaction = Reaction::favorite});
  book.flush();
  EXPECT_EQ(book.model_for("sparse").scope, ModelScope::user);
}

TEST(PreferenceBook, AProjectWithItsOwnHistoryGetsItsOwnModel) {
  PreferenceBook book(score::FeatureContext{}, {.min_events = 10});
  judge(book, "ada", "apps", testing::Taste::short_invented, 40, 1);
  judge(book, "ada", "garden", testing::Taste::nature_compound, 40, 2);
  judge(book, "ada", "tiny", testing::Taste::soft_short, 5, 3);
  book.flush();
  auto apps = book.model_for("ada", "apps");
  auto garden = book.model_for("ada", "garden");
  EXPECT_EQ(apps.scope, ModelScope::project);
  EXPECT_EQ(garden.scope, ModelScope::project);
  EXPECT_EQ(apps.model->events(), 40u);
  EXPECT_EQ(book.model_for("ada", "tiny").scope, ModelScope::user);  // too few of its own
  EXPECT_EQ(book.model_for("ada", "tiny").model->events(), 85u);
  // The two projects learned different tastes.
  auto leaf = book.describer().describe({.name = "RiverStack", .style = generate::Style::compound, .parts = {"river", "stack"}});
  auto kavo = book.describer().describe({.name = "Kavo", .style = generate::Style::invented});
  EXPECT_GT(garden.model->score(leaf) - garden.model->score(kavo), apps.model->score(leaf) - apps.model->score(kavo));
}

TEST(PreferenceBook, RecordNeverWaitsForATraining) {
  std::promise<void> started;
  std::atomic<bool> first{true};
  std::atomic<bool> release{false};
  BookOptions options{.min_events = 10, .retrain_every = 10};
  options.on_train = [&](std::string_view) {
    if (first.exchange(false)) started.set_value();
    while (!release.load()) std::this_thread::sleep_for(1ms);  // a training that takes as long as the test wants
  };
  PreferenceBook book(score::FeatureContext{}, options);
  judge(book, "ada", "p", testing::Taste::short_invented, 12, 1);
  ASSERT_EQ(started.get_future().wait_for(5s), std::future_status::ready);

  // The worker is stuck in a training now; recording and reading must not notice.
  auto worst = std::chrono::nanoseconds::zero();
  auto names = catalogue();
  for (int i = 0; i < 2000; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    EXPECT_TRUE(book.record({.user_id = "bo", .project_id = "q", .name = names[std::size_t(i) % names.size()],
                             .reaction = i % 3 ? Reaction::dismiss : Reaction::favorite}));
    auto choice = book.model_for("bo", "q");
    worst = std::max(worst, std::chrono::steady_clock::now() - t0);
    EXPECT_NE(choice.model, nullptr);
  }
  fmt::print("2000 record()+model_for() during a blocked training: slowest {:.3f} ms\n",
             std::chrono::duration<double, std::milli>(worst).count());
  EXPECT_LT(worst, 50ms);
  EXPECT_EQ(book.model_for("ada").scope, ModelScope::none);  // its training has not finished
  release = true;
  book.flush();
  EXPECT_EQ(book.model_for("ada").scope, ModelScope::user);
  EXPECT_EQ(book.stats().recorded, 2012u);
}

TEST(PreferenceBook, AFullQueueDropsAndCountsInsteadOfWaiting) {
  std::atomic<bool> release{false};
  BookOptions options{.retrain_every = 1, .max_queue = 5};
  options.on_train = [&](std::string_view) {
    while (!release.load()) std::this_thread::sleep_for(1ms);
  };
  PreferenceBook book(score::FeatureContext{}, options);
  book.record({.user_id = "a", .name = {.name = "Kavo"}, .reaction = Reaction::favorite});
  std::this_thread::sleep_for(50ms);  // the worker takes it and blocks in training
  int accepted = 0;
  for (int i = 0; i < 20; ++i)
    accepted += book.record({.user_id = "a", .name = {.name = fmt::format("Name{}", i)}, .reaction = Reaction::dismiss});
  EXPECT_EQ(accepted, 5);
  EXPECT_EQ(book.stats().dropped, 15u);
  release = true;
}

TEST(PreferenceBook, ALaterVerdictReplacesAndClearRemoves) {
  PreferenceBook book(score::FeatureContext{}, {.min_events = 2});
  NameInfo kavo{.name = "Kavo", .style = generate::Style::invented};
  NameInfo stack{.name = "DataStack", .style = generate::Style::compound, .parts = {"data", "stack"}};
  NameInfo pine{.name = "PineLedger", .style = generate::Style::compound, .parts = {"pine", "ledger"}};
  book.record({.user_id = "u", .name = kavo, .reaction = Reaction::favorite});
  book.record({.user_id = "u", .name = stack, .reaction = Reaction::dismiss});
  book.record({.user_id = "u", .name = pine, .reaction = Reaction::dismiss});
  book.flush();
  auto first = book.model_for("u").model;
  EXPECT_EQ(first->events(), 3u);
  EXPECT_GT(first->score(book.describer().describe(kavo)), first->score(book.describer().describe(stack)));

  book.record({.user_id = "u", .name = {.name = "kavo", .style = generate::Style::invented}, .reaction = Reaction::dismiss});
  book.record({.user_id = "u", .name = stack, .reaction = Reaction::favorite});
  book.record({.user_id = "u", .name = pine, .reaction = Reaction::clear});
  book.record({.user_id = "u", .name = stack, .reaction = Reaction::shown});  // does not undo the favorite
  book.flush();
  auto second = book.model_for("u").model;
  EXPECT_EQ(second->events(), 2u);
  EXPECT_LT(second->score(book.describer().describe(kavo)), second->score(book.describer().describe(stack)));
}

TEST(PreferenceModel, TrainingIsDeterministicAndSurvivesSaveAndLoad) {
  NameDescriber describer(score::FeatureContext{});
  std::vector<JudgedName> judged;
  for (const auto& n : catalogue())
    judged.push_back({describer.describe(n),
                      testing::hidden_rule(testing::Taste::soft_short, n) ? Verdict::favorite : Verdict::dismiss, 0});
  judged.resize(150);
  auto a = PreferenceModel::train(judged);
  auto b = PreferenceModel::train(judged);
  ASSERT_TRUE(a.trained());
  EXPECT_EQ(a.to_bytes(), b.to_bytes());
  auto other_seed = PreferenceModel::train(judged, {.seed = 99});
  EXPECT_NE(a.to_bytes(), other_seed.to_bytes());

  auto path = std::filesystem::temp_directory_path() / fmt::format("snai_pref_{}.bin", ::getpid());
  ASSERT_TRUE(a.save(path));
  auto loaded = PreferenceModel::load(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(loaded) << loaded.error().describe();
  EXPECT_EQ(loaded->events(), a.events());
  EXPECT_EQ(loaded->pairs(), a.pairs());
  for (const auto& j : judged) EXPECT_EQ(loaded->score(j.descriptor), a.score(j.descriptor));
  fmt::print("saved model: {} bytes, {} verdicts, {} pairs\n", a.to_bytes().size(), a.events(), a.pairs());
}

TEST(PreferenceModel, RefusesCorruptOrForeignBytes) {
  PreferenceModel untrained;
  auto bytes = untrained.to_bytes();
  EXPECT_TRUE(PreferenceModel::from_bytes(bytes));
  EXPECT_EQ(PreferenceModel::from_bytes("").error().code, ErrorCode::data_corrupt);
  EXPECT_EQ(PreferenceModel::from_bytes("XXXX" + bytes.substr(4)).error().code, ErrorCode::data_corrupt);
  EXPECT_EQ(PreferenceModel::from_bytes(bytes.substr(0, bytes.size() - 1)).error().code, ErrorCode::data_corrupt);
  EXPECT_EQ(PreferenceModel::from_bytes(bytes + "x").error().code, ErrorCode::data_corrupt);
  // core/artifact_header.hpp: magic[8], u32 version at 8, ..., the payload from 32 (descriptor size first).
  auto other_version = bytes;
  other_version[8] = 7;
  EXPECT_EQ(PreferenceModel::from_bytes(other_version).error().code, ErrorCode::data_corrupt);
  auto damaged = bytes;
  damaged.back() = char(damaged.back() ^ 1);
  EXPECT_EQ(PreferenceModel::from_bytes(damaged).error().code, ErrorCode::data_corrupt);
  auto other_layout = bytes.substr(kArtifactHeaderBytes);
  other_layout[0] = char(other_layout[0] + 1);
  auto layout = PreferenceModel::from_bytes(encode_artifact_header("SNAIPREF", 2, other_layout) + other_layout);
  ASSERT_FALSE(layout);
  EXPECT_NE(layout.error().message.find("features"), std::string::npos) << layout.error().message;
  auto version_1 = PreferenceModel::from_bytes("SNPF" + bytes.substr(4));
  ASSERT_FALSE(version_1);
  EXPECT_NE(version_1.error().message.find("format 1"), std::string::npos) << version_1.error().message;
  EXPECT_EQ(PreferenceModel::load("/nonexistent/pref.bin").error().code, ErrorCode::not_found);
}

TEST(PreferenceModel, NoPairsMeansUntrained) {
  NameDescriber describer(score::FeatureContext{});
  std::vector<JudgedName> only_favorites = {{describer.describe({.name = "Kavo"}), Verdict::favorite, 0},
                                            {describer.describe({.name = "Lumo"}), Verdict::favorite, 0}};
  EXPECT_FALSE(PreferenceModel::train(only_favorites).trained());
  // A favorite and a dismissal in different groups are never compared.
  std::vector<JudgedName> apart = {{describer.describe({.name = "Kavo"}), Verdict::favorite, 0},
                                   {describer.describe({.name = "Lumo"}), Verdict::dismiss, 1}};
  EXPECT_FALSE(PreferenceModel::train(apart).trained());
}

TEST(NameWords, PartsWhenGivenElseCamelCaseAndPunctuation) {
  EXPECT_EQ(name_words({.name = "DoorDash"}), (std::vector<std::string>{"door", "dash"}));
  EXPECT_EQ(name_words({.name = "K-Scale Labs"}), (std::vector<std::string>{"k", "scale", "labs"}));
  EXPECT_EQ(name_words({.name = "Vizly", .parts = {"viz", "-ly"}}), (std::vector<std::string>{"viz", "ly"}));
  EXPECT_EQ(name_words({.name = "Lumina", .parts = {"lumin(light)", "-a"}}), (std::vector<std::string>{"lumin", "a"}));
  EXPECT_TRUE(name_words({.name = ""}).empty());
}

}  // namespace
}  // namespace snai::preference
