// StoredNameIndex with the real embeddings (SNAI_TEST_DATA_DIR/data/embeddings.bin) on a real
// SQLite storage: names spelt and meant alike rank first, and on a project of a few thousand
// names (more than one storage page) the HNSW answers agree with an exact scan and survive a
// restart without re-embedding.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/id.hpp"
#include "name_index/stored_name_index.hpp"
#include "storage/factory/factory.hpp"

namespace snai::name_index {
namespace {

namespace fs = std::filesystem;

const semantic::Embeddings* real_embeddings() {
  static const semantic::Embeddings* loaded = []() -> const semantic::Embeddings* {
    const char* dir = std::getenv("SNAI_TEST_DATA_DIR");
    if (!dir) return nullptr;
    auto e = semantic::Embeddings::load(fs::path(dir) / "data" / "embeddings.bin");
    return e ? new semantic::Embeddings(std::move(*e)) : nullptr;
  }();
  return loaded;
}

class StoredNameIndexData : public ::testing::Test {
 protected:
  void SetUp() override {
    embeddings_ = real_embeddings();
    ASSERT_NE(embeddings_, nullptr) << "SNAI_TEST_DATA_DIR is not set or has no data/embeddings.bin";
    dir_ = fs::temp_directory_path() / ("snai_name_index_data_" + random_token(6));
    fs::create_directories(dir_);
    auto opened = storage::open_storage("sqlite:" + (dir_ / "snai.db").string(), {.pool_size = 4});
    ASSERT_TRUE(opened) << opened.error().describe();
    storage_ = std::move(*opened);
    ASSERT_TRUE(storage_->migrate());
    auto user = storage_->create_user({.email = "ada@example.com"});
    ASSERT_TRUE(user);
    auto project = storage_->create_project({.owner_id = user->id, .description = "AI notes for doctors"});
    ASSERT_TRUE(project);
    project_id_ = project->id;
  }
  void TearDown() override {
    storage_.reset();
    fs::remove_all(dir_);
  }

  void save(const std::vector<std::string>& names) {
    for (std::size_t at = 0; at < names.size(); at += 1000) {
      std::vector<storage::NewName> rows;
      for (std::size_t i = at; i < std::min(names.size(), at + 1000); ++i)
        rows.push_back({.name = names[i], .style = "invented", .score = 50});
      auto stored = storage_->add_names(project_id_, rows);
      ASSERT_TRUE(stored) << stored.error().describe();
    }
  }

  StoredNameIndexOptions options() const { return {.dir = dir_ / "indexes"}; }  // the product's M/ef defaults

  const semantic::Embeddings* embeddings_ = nullptr;
  fs::path dir_;
  std::unique_ptr<storage::Storage> storage_;
  std::string project_id_;
};

std::ptrdiff_t rank_of(const SimilarNames& found, std::string_view name) {
  auto it = std::ranges::find(found.similar, name, [](const SimilarName& s) { return s.name.name; });
  return it == found.similar.end() ? -1 : it - found.similar.begin();
}

TEST_F(StoredNameIndexData, NamesSpeltAndMeantAlikeRankFirst) {
  save({"Notely", "Noteify", "Scribeo", "Tractorly", "Harvestio", "Ledgerly", "Memoir"});
  StoredNameIndex index(*storage_, *embeddings_, options());
  auto found = index.similar(project_id_, "Notelo", 7);
  ASSERT_TRUE(found) << found.error().describe();
  const auto notely = rank_of(*found, "Notely"), noteify = rank_of(*found, "Noteify");
  const auto tractorly = rank_of(*found, "Tractorly"), harvestio = rank_of(*found, "Harvestio");
  ASSERT_GE(notely, 0);
  ASSERT_GE(noteify, 0);
  EXPECT_LT(std::max(notely, noteify), 2) << "the two note- names lead";
  EXPECT_GT(tractorly, std::max(notely, noteify));
  EXPECT_GT(harvestio, std::max(notely, noteify));
  EXPECT_FALSE(found->saved);
  for (const auto& s : found->similar) std::cout << "  Notelo ~ " << s.name.name << " " << s.similarity << "\n";

  // Meaning, not only spelling: a farming query puts the farming names ahead of the note ones.
  auto farm = index.similar(project_id_, "Farmly", 3);
  ASSERT_TRUE(farm);
  EXPECT_LT(rank_of(*farm, "Tractorly"), 3);
  EXPECT_EQ(rank_of(*farm, "Noteify"), -1);
}

TEST_F(StoredNameIndexData, ManyNamesAgreeWithAnExactScanAndSurviveARestart) {
  // Invented names from the vocabulary's words: more than one page of list_names.
  std::vector<std::string> names;
  const char* suffixes[] = {"ly", "io", "ify"};
  int i = 0;
  for (const auto& w : embeddings_->vocabulary()) {
    if (w.word.size() < 4 || !std::ranges::all_of(w.word, [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    names.push_back(static_cast<char>(w.word[0] - 'a' + 'A') + w.word.substr(1) + suffixes[i++ % 3]);
    if (names.size() == 2500) break;
  }
  ASSERT_EQ(names.size(), 2500u);
  save(names);

  const std::vector<std::string> queries = {"Notelo", "Docsy", "Farmfy", "Cashlet", "Scribbly", "Healthio"};
  std::vector<SimilarNames> first_answers;
  double recall = 0;
  {
    StoredNameIndex index(*storage_, *embeddings_, options());
    for (const auto& q : queries) {
      auto found = index.similar(project_id_, q, 10);
      ASSERT_TRUE(found) << found.error().describe();
      ASSERT_EQ(found->similar.size(), 10u);
      // Exact top 10 by scanning every stored name.
      std::vector<std::pair<float, std::string>> exact;
      for (const auto& n : names)
        if (fold_case(n) != fold_case(q)) exact.emplace_back(embeddings_->similarity(q, n), n);
      std::ranges::partial_sort(exact, exact.begin() + 10, std::greater<>());
      int hits = 0;
      for (int j = 0; j < 10; ++j) hits += rank_of(*found, exact[j].second) >= 0 ? 1 : 0;
      recall += hits / 10.0;
      first_answers.push_back(std::move(*found));
    }
    recall /= static_cast<double>(queries.size());
    EXPECT_EQ(index.stats().names_embedded, names.size());
    EXPECT_EQ(index.stats().files_saved, 1u);
  }
  std::cout << "  recall@10 over " << names.size() << " names: " << recall << "\n";
  EXPECT_GE(recall, 0.9);

  StoredNameIndex restarted(*storage_, *embeddings_, options());
  for (std::size_t q = 0; q < queries.size(); ++q) {
    auto again = restarted.similar(project_id_, queries[q], 10);
    ASSERT_TRUE(again);
    std::vector<std::string> before, after;
    for (const auto& s : first_answers[q].similar) before.push_back(s.name.id);
    for (const auto& s : again->similar) after.push_back(s.name.id);
    EXPECT_EQ(after, before) << queries[q];
  }
  EXPECT_EQ(restarted.stats().files_loaded, 1u);
  EXPECT_EQ(restarted.stats().names_embedded, 0u);
}

}  // namespace
}  // namespace snai::name_index
