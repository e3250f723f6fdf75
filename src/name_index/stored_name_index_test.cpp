// StoredNameIndex on a real SQLite storage (a file in a temp dir) with small real embeddings
// trained here on the synthetic corpus: answers match an exact scan, names saved through another
// storage handle (another instance) are found, the files round-trip and are rebuilt when bad, a
// deleted project is not_found, bad input is invalid_argument, the LRU bounds memory, and
// concurrent queries and writes agree.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "core/id.hpp"
#include "name_index/stored_name_index.hpp"
#include "semantic/testing/synthetic.hpp"
#include "storage/factory/factory.hpp"

namespace snai::name_index {
namespace {

namespace fs = std::filesystem;

class StoredNameIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    model_dir_ = fs::temp_directory_path() / ("snai_name_index_model_" + std::to_string(::getpid()));
    fs::create_directories(model_dir_);
    std::ofstream(model_dir_ / "corpus.txt") << semantic::testing::synonym_corpus(3000, 42).text;
    semantic::TrainOptions o;
    o.dim = 32;
    o.min_count = 2;
    o.bucket = 20'000;
    o.sampling = 1e-3;
    o.threads = 1;
    o.seed = 1;
    auto trained = semantic::Embeddings::train(o, model_dir_ / "corpus.txt", model_dir_ / "model.bin");
    ASSERT_TRUE(trained) << trained.error().describe();
    auto loaded = semantic::Embeddings::load(model_dir_ / "model.bin");
    ASSERT_TRUE(loaded) << loaded.error().describe();
    embeddings_ = new semantic::Embeddings(std::move(*loaded));
  }
  static void TearDownTestSuite() {
    delete embeddings_;
    fs::remove_all(model_dir_);
  }

  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("snai_name_index_" + random_token(6));
    fs::create_directories(dir_);
    storage_ = open();
    ASSERT_TRUE(storage_);
    ASSERT_TRUE(storage_->migrate());
    auto user = storage_->create_user({.email = "ada@example.com"});
    ASSERT_TRUE(user) << user.error().describe();
    user_id_ = user->id;
    project_id_ = new_project();
  }
  void TearDown() override {
    storage_.reset();
    fs::remove_all(dir_);
  }

  // Another handle on the same database file: what a second instance would see and write.
  std::unique_ptr<storage::Storage> open() {
    auto opened = storage::open_storage("sqlite:" + (dir_ / "snai.db").string(), {.pool_size = 4});
    EXPECT_TRUE(opened) << opened.error().describe();
    return opened ? std::move(*opened) : nullptr;
  }

  std::string new_project() {
    auto project = storage_->create_project({.owner_id = user_id_, .description = "AI notes for doctors"});
    EXPECT_TRUE(project) << project.error().describe();
    return project ? project->id : "";
  }

  void save(storage::Storage& storage, const std::string& project, const std::vector<std::string>& names) {
    std::vector<storage::NewName> rows;
    for (const auto& n : names) rows.push_back({.name = n, .style = "invented", .score = 60, .parts = {n}});
    auto stored = storage.add_names(project, rows);
    ASSERT_TRUE(stored) << stored.error().describe();
  }

  StoredNameIndexOptions options(std::size_t max_projects = 16) const {
    return {.dir = dir_ / "indexes", .M = 16, .ef_construction = 100, .ef_search = 32, .max_projects = max_projects};
  }

  // The exact answer: every stored name of the project but the query, by cosine, best first.
  std::vector<std::pair<std::string, float>> exact(const std::string& project, const std::string& query) {
    auto page = storage_->list_names(project, {.limit = 1000});
    EXPECT_TRUE(page);
    std::vector<std::pair<std::string, float>> out;
    for (const auto& n : page->items)
      if (fold_case(n.name) != fold_case(query)) out.emplace_back(n.name, embeddings_->similarity(query, n.name));
    std::ranges::sort(out, [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
  }

  fs::path file(const std::string& project, const char* ext) const {
    return dir_ / "indexes" / (project + ext);
  }

  static inline fs::path model_dir_;
  static inline semantic::Embeddings* embeddings_ = nullptr;
  fs::path dir_;
  std::unique_ptr<storage::Storage> storage_;
  std::string user_id_, project_id_;
};

const std::vector<std::string> kNames = {"Doctorly", "Medicly", "Physicianly", "Cashio", "Moneyful",
                                         "Swiftly", "Buckleo", "Notely", "Memofy", "Clinicio"};

std::vector<std::string> names_of(const SimilarNames& found) {
  std::vector<std::string> out;
  for (const auto& s : found.similar) out.push_back(s.name.name);
  return out;
}

TEST_F(StoredNameIndexTest, AnswersLikeAnExactScanBestFirstWithoutTheQueryItself) {
  save(*storage_, project_id_, kNames);
  StoredNameIndex index(*storage_, *embeddings_, options());
  for (const std::string query : {"Doctorlo", "Cashly", "Notely", "swift buckle"}) {
    auto found = index.similar(project_id_, query, 5);
    ASSERT_TRUE(found) << found.error().describe();
    const auto truth = exact(project_id_, query);
    ASSERT_EQ(found->similar.size(), 5u) << query;
    EXPECT_EQ(found->saved, query == "Notely");
    for (std::size_t i = 0; i < found->similar.size(); ++i) {
      EXPECT_NEAR(found->similar[i].similarity, truth[i].second, 2e-3) << query << " #" << i;
      if (i > 0) {
        EXPECT_GE(found->similar[i - 1].similarity, found->similar[i].similarity) << query;
      }
      // Same name as the exact scan where the scan's neighbours are not tied.
      const bool tied = (i > 0 && truth[i - 1].second - truth[i].second < 2e-3) ||
                        (i + 1 < truth.size() && truth[i].second - truth[i + 1].second < 2e-3);
      if (!tied) {
        EXPECT_EQ(found->similar[i].name.name, truth[i].first) << query << " #" << i;
      }
      EXPECT_NE(fold_case(found->similar[i].name.name), fold_case(query));
    }
  }
  // The stored fields come back with each name.
  auto found = index.similar(project_id_, "Doctorly", 100);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->similar.size(), kNames.size() - 1);
  auto page = storage_->list_names(project_id_, {.limit = 1000});
  for (const auto& s : found->similar) {
    auto it = std::ranges::find(page->items, s.name.id, &storage::GeneratedName::id);
    ASSERT_NE(it, page->items.end());
    EXPECT_EQ(s.name.name, it->name);
    EXPECT_EQ(s.name.style, it->style);
    EXPECT_EQ(s.name.parts, it->parts);
    EXPECT_EQ(s.name.created_ms, it->created_ms);
    EXPECT_EQ(s.name.project_id, project_id_);
  }
}

TEST_F(StoredNameIndexTest, FindsNamesSavedByAnotherInstanceFetchingOnlyTheNewOnes) {
  save(*storage_, project_id_, {"Doctorly", "Cashio", "Swiftly"});
  StoredNameIndex index(*storage_, *embeddings_, options());
  ASSERT_TRUE(index.similar(project_id_, "Medicly", 10));
  EXPECT_EQ(index.stats().names_embedded, 3u);

  auto other = open();  // a second instance on the same database
  save(*other, project_id_, {"Medicly", "Physicianly"});
  auto found = index.similar(project_id_, "Medicly", 10);
  ASSERT_TRUE(found) << found.error().describe();
  EXPECT_TRUE(found->saved);
  EXPECT_EQ(found->similar.size(), 4u);
  EXPECT_TRUE(std::ranges::count(names_of(*found), "Physicianly") == 1);
  EXPECT_EQ(index.stats().names_embedded, 5u);  // only the two new names
  EXPECT_EQ(index.stats().full_scans, 0u);      // resumed after the greatest id seen
}

TEST_F(StoredNameIndexTest, ANameCommittedBehindTheGreatestIdSeenIsFoundByOneFullScan) {
  save(*storage_, project_id_, {"Doctorly", "Cashio", "Swiftly"});
  StoredNameIndex index(*storage_, *embeddings_, options());
  ASSERT_TRUE(index.similar(project_id_, "Medic", 10));
  // What a transaction that took its id first but committed last leaves: a row whose id sorts
  // before every id already seen, written straight into the database file.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "snai.db").string().c_str(), &db), SQLITE_OK);
  const std::string insert = "INSERT INTO names (id, project_id, name, style, score, parts, created_ms) VALUES "
                             "('00000000-0000-7000-8000-000000000001', '" + project_id_ +
                             "', 'Medicly', 'invented', 50, '[]', 1)";
  char* error = nullptr;
  EXPECT_EQ(sqlite3_exec(db, insert.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_free(error);
  sqlite3_close(db);

  auto found = index.similar(project_id_, "Medic", 10);
  ASSERT_TRUE(found) << found.error().describe();
  EXPECT_EQ(found->similar.size(), 4u);
  EXPECT_EQ(std::ranges::count(names_of(*found), "Medicly"), 1);
  EXPECT_EQ(index.stats().full_scans, 1u);
  EXPECT_EQ(index.stats().names_embedded, 4u);  // the scan embeds only the missing name
}

TEST_F(StoredNameIndexTest, ARestartLoadsTheFilesInsteadOfEmbeddingEverythingAgain) {
  save(*storage_, project_id_, kNames);
  SimilarNames before;
  {
    StoredNameIndex first(*storage_, *embeddings_, options());
    auto found = first.similar(project_id_, "Doctorlo", 6);
    ASSERT_TRUE(found);
    before = *found;
    EXPECT_EQ(first.stats().names_embedded, kNames.size());
    EXPECT_EQ(first.stats().files_saved, 1u);  // saved right after the build
  }
  ASSERT_TRUE(fs::exists(file(project_id_, ".hnsw")));
  ASSERT_TRUE(fs::exists(file(project_id_, ".json")));

  StoredNameIndex second(*storage_, *embeddings_, options());
  auto after = second.similar(project_id_, "Doctorlo", 6);
  ASSERT_TRUE(after) << after.error().describe();
  EXPECT_EQ(second.stats().files_loaded, 1u);
  EXPECT_EQ(second.stats().names_embedded, 0u);
  ASSERT_EQ(after->similar.size(), before.similar.size());
  for (std::size_t i = 0; i < before.similar.size(); ++i) {
    EXPECT_EQ(after->similar[i].name.id, before.similar[i].name.id);
    EXPECT_EQ(after->similar[i].name.style, before.similar[i].name.style);
    EXPECT_FLOAT_EQ(after->similar[i].similarity, before.similar[i].similarity);
  }

  // Names saved while it was down are caught up, and only they are embedded.
  save(*storage_, project_id_, {"Doctorlo", "Swiftor"});
  StoredNameIndex third(*storage_, *embeddings_, options());
  auto caught = third.similar(project_id_, "Doctorlo", 3);
  ASSERT_TRUE(caught);
  EXPECT_TRUE(caught->saved);
  EXPECT_EQ(third.stats().files_loaded, 1u);
  EXPECT_EQ(third.stats().names_embedded, 2u);
}

TEST_F(StoredNameIndexTest, CorruptStaleOrTornFilesAreRebuiltFromStorage) {
  save(*storage_, project_id_, kNames);
  SimilarNames truth;
  {
    StoredNameIndex index(*storage_, *embeddings_, options());
    truth = *index.similar(project_id_, "Cashly", 4);
  }
  const fs::path hnsw = file(project_id_, ".hnsw"), json = file(project_id_, ".json");
  auto read = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  auto write = [](const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; };
  const std::string good_hnsw = read(hnsw), good_json = read(json);

  std::string flipped = good_hnsw;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
  std::string stale = good_json;
  const auto at = stale.find("\"embeddings\":\"") + 14;
  stale[at] = stale[at] == '0' ? '1' : '0';
  std::string torn = good_json;  // the names of one state, the index of another: one name fewer
  {
    auto doc = nlohmann::json::parse(good_json);
    doc["names"].erase(doc["names"].begin());
    torn = doc.dump();
  }
  const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> cases = {
      {"flipped index byte", {flipped, good_json}},
      {"truncated index", {good_hnsw.substr(0, good_hnsw.size() / 3), good_json}},
      {"names not JSON", {good_hnsw, "{\"names\": [1, 2"}},
      {"names not a list", {good_hnsw, R"({"names":{},"without_vector":[]})"}},
      {"wrong field types", {good_hnsw, R"({"names":[],"without_vector":[],"format":"1","dim":"x"})"}},
      {"other embeddings", {good_hnsw, stale}},
      {"torn pair", {good_hnsw, torn}},
  };
  for (const auto& [what, files] : cases) {
    write(hnsw, files.first);
    write(json, files.second);
    StoredNameIndex index(*storage_, *embeddings_, options());
    auto found = index.similar(project_id_, "Cashly", 4);
    ASSERT_TRUE(found) << what << ": " << found.error().describe();
    EXPECT_EQ(index.stats().files_loaded, 0u) << what;
    EXPECT_EQ(index.stats().files_rejected, 1u) << what;
    EXPECT_EQ(index.stats().names_embedded, kNames.size()) << what;
    EXPECT_EQ(names_of(*found), names_of(truth)) << what;
    EXPECT_EQ(index.stats().files_saved, 1u) << what;  // and the good pair is written back
  }
  StoredNameIndex again(*storage_, *embeddings_, options());
  ASSERT_TRUE(again.similar(project_id_, "Cashly", 4));
  EXPECT_EQ(again.stats().files_loaded, 1u);

  // Other index parameters (M) are stale too.
  auto other_m = options();
  other_m.M = 8;
  StoredNameIndex rebuilt(*storage_, *embeddings_, other_m);
  ASSERT_TRUE(rebuilt.similar(project_id_, "Cashly", 4));
  EXPECT_EQ(rebuilt.stats().files_rejected, 1u);
}

TEST_F(StoredNameIndexTest, ADeletedProjectIsNotFoundAndItsFilesGo) {
  save(*storage_, project_id_, {"Doctorly", "Cashio"});
  StoredNameIndex index(*storage_, *embeddings_, options());
  ASSERT_TRUE(index.similar(project_id_, "Doctor", 5));
  ASSERT_TRUE(fs::exists(file(project_id_, ".json")));

  // Deleted by another instance: this one learns it from storage, not from a call.
  auto other = open();
  ASSERT_TRUE(other->delete_project(project_id_));
  auto gone = index.similar(project_id_, "Doctor", 5);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::not_found);
  EXPECT_EQ(gone.error().field, "id");
  EXPECT_FALSE(fs::exists(file(project_id_, ".json")));
  EXPECT_FALSE(fs::exists(file(project_id_, ".hnsw")));
  EXPECT_EQ(index.stats().projects_in_memory, 0u);

  // A file left behind for a deleted project answers nothing either.
  const std::string second = new_project();
  save(*storage_, second, {"Memofy"});
  {
    StoredNameIndex writer(*storage_, *embeddings_, options());
    ASSERT_TRUE(writer.similar(second, "Memo", 1));
  }
  ASSERT_TRUE(storage_->delete_project(second));
  StoredNameIndex reader(*storage_, *embeddings_, options());
  EXPECT_EQ(reader.similar(second, "Memo", 1).error().code, ErrorCode::not_found);
  EXPECT_FALSE(fs::exists(file(second, ".hnsw")));

  // Never existed, empty, or not even an id.
  EXPECT_EQ(index.similar(new_id(), "Memo", 1).error().code, ErrorCode::not_found);
  EXPECT_EQ(index.similar("../../etc/passwd", "Memo", 1).error().code, ErrorCode::not_found);
  const std::string empty = new_project();
  auto none = index.similar(empty, "Memo", 3);
  ASSERT_TRUE(none) << none.error().describe();
  EXPECT_TRUE(none->similar.empty());
  EXPECT_FALSE(none->saved);
}

TEST_F(StoredNameIndexTest, ForgetDropsTheProjectAndItsFiles) {
  save(*storage_, project_id_, {"Doctorly", "Cashio"});
  StoredNameIndex index(*storage_, *embeddings_, options());
  ASSERT_TRUE(index.similar(project_id_, "Doctor", 5));
  index.forget(project_id_);
  EXPECT_FALSE(fs::exists(file(project_id_, ".json")));
  EXPECT_EQ(index.stats().projects_in_memory, 0u);
  ASSERT_TRUE(index.similar(project_id_, "Doctor", 5));  // still stored: rebuilt
  EXPECT_EQ(index.stats().names_embedded, 4u);
}

TEST_F(StoredNameIndexTest, BadArgumentsNameTheirField) {
  save(*storage_, project_id_, {"Doctorly"});
  StoredNameIndex index(*storage_, *embeddings_, options());
  auto field_of = [&](std::string_view name, int k) {
    auto r = index.similar(project_id_, name, k);
    EXPECT_FALSE(r) << name << " k=" << k;
    if (r) return std::string("(accepted)");
    EXPECT_EQ(r.error().code, ErrorCode::invalid_argument) << name;
    return r.error().field;
  };
  EXPECT_EQ(field_of("Doctor", 0), "k");
  EXPECT_EQ(field_of("Doctor", kMaxSimilar + 1), "k");
  EXPECT_EQ(field_of("", 5), "name");
  EXPECT_EQ(field_of(std::string(kMaxQueryBytes + 1, 'a'), 5), "name");
  EXPECT_EQ(field_of("Doc\xff", 5), "name");
  EXPECT_EQ(field_of(std::string_view("Doc\0tor", 7), 5), "name");
  EXPECT_EQ(field_of("  --- ", 5), "name");  // no token: nothing to compare by
  EXPECT_TRUE(index.similar(project_id_, std::string(kMaxQueryBytes, 'a'), kMaxSimilar));
}

TEST_F(StoredNameIndexTest, KeepsAtMostMaxProjectsAndSavesThoseItDrops) {
  std::vector<std::string> projects = {project_id_, new_project(), new_project()};
  for (const auto& p : projects) save(*storage_, p, {"Doctorly", "Cashio", "Notely"});
  StoredNameIndex index(*storage_, *embeddings_, options(/*max_projects=*/2));
  for (const auto& p : projects) ASSERT_TRUE(index.similar(p, "Doctor", 2));
  EXPECT_EQ(index.stats().projects_in_memory, 2u);
  EXPECT_EQ(index.stats().evictions, 1u);
  // New names on the dropped project, then it comes back from its file plus the new names.
  save(*storage_, projects[0], {"Medicly"});
  auto back = index.similar(projects[0], "Medic", 4);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->similar.size(), 4u);
  EXPECT_EQ(index.stats().files_loaded, 1u);
  EXPECT_EQ(index.stats().names_embedded, 3u * 3u + 1u);
  EXPECT_EQ(index.stats().projects_in_memory, 2u);
}

TEST_F(StoredNameIndexTest, ConcurrentQueriesAndWritesAgree) {
  std::vector<std::string> projects = {project_id_, new_project(), new_project()};
  for (const auto& p : projects) save(*storage_, p, {"Doctorly", "Cashio"});
  StoredNameIndex index(*storage_, *embeddings_, options(/*max_projects=*/2));  // evictions too
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 30; ++i)
        if (!index.similar(projects[(t + i) % projects.size()], i % 2 ? "Doctor" : "Cash", 5)) ++failures;
    });
  threads.emplace_back([&] {
    auto other = open();
    for (int i = 0; i < 10; ++i) save(*other, projects[i % projects.size()], {"Swift" + std::to_string(i) + "ly"});
  });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures, 0);
  for (std::size_t p = 0; p < projects.size(); ++p) {
    auto found = index.similar(projects[p], "Memo", 100);
    ASSERT_TRUE(found);
    auto counts = storage_->count_names(projects[p], "");
    EXPECT_EQ(static_cast<std::int64_t>(found->similar.size()), counts->names) << p;
  }
}

}  // namespace
}  // namespace snai::name_index
