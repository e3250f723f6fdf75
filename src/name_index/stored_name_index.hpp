// StoredNameIndex: "names like this one among what a project already saved" — per project, an
// HNSW index (semantic::VectorIndex) of the embeddings of the names stored in it, label = name id.
//
// - Built lazily: a project's index is made on its first query, from storage (list_names, page by
//   page), or loaded from its files under `dir` (<dir>/<project>.hnsw + .json) when they exist and
//   agree with the embeddings, the index parameters and each other; otherwise rebuilt, never
//   trusted blindly.
// - Current across instances: before every answer, count_names() is compared with the names
//   taken in; new ones (from this instance or any other sharing the database) are fetched after
//   the greatest id seen, or, when ids were committed out of order, by one scan that embeds only
//   the missing ones. Names are never deleted one by one, so equal counts mean equal sets; a
//   count below what was taken in means the project was deleted: not_found, files removed.
// - Bounded: at most `max_projects` projects in memory (least recently asked leaves first,
//   saved when changed). Saved after a build, after every `save_every` new names, on eviction,
//   and by flush() / the destructor.
// - Thread-safe: one lock for the table, one per project (queries of one project take turns).
//
//   StoredNameIndex index(storage, knowledge.embeddings, StoredNameIndexOptions::from(config));
//   auto found = index.similar(project_id, "Notelo", 10);    // Result<SimilarNames>
//   for (const auto& s : found->similar) std::cout << s.name.name << " " << s.similarity << "\n";
//   index.forget(project_id);                                // the project was deleted
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/config.hpp"
#include "core/result.hpp"
#include "core/text.hpp"
#include "name_index/project_names.hpp"
#include "semantic/embeddings.hpp"
#include "semantic/vector_index.hpp"
#include "storage/storage.hpp"

namespace snai::name_index {

struct StoredNameIndexOptions {
  std::filesystem::path dir;     // where projects' indexes are saved; empty: not saved
  int M = 24;                    // semantic.index_m
  int ef_construction = 200;     // semantic.index_ef_construction
  int ef_search = 48;            // semantic.index_ef_search
  std::size_t max_projects = 256;  // semantic.name_index_projects
  int save_every = 64;           // new names taken in before a loaded project is saved again

  // dir = <storage.data_dir>/indexes/names, the rest from the semantic section.
  static StoredNameIndexOptions from(const Config& config);
};

struct SimilarNames {
  std::vector<SimilarName> similar;  // best first; names equal to the query (ASCII case aside) left out
  bool saved = false;                // the query itself is one of the project's names
};

// What the index has done since it was made, for tests and /metrics.
struct NameIndexStats {
  std::size_t projects_in_memory = 0;
  std::uint64_t names_embedded = 0;     // names embedded and added (from storage)
  std::uint64_t files_loaded = 0;       // projects loaded from their files
  std::uint64_t files_rejected = 0;     // files found but corrupt or stale (then rebuilt)
  std::uint64_t files_saved = 0;
  std::uint64_t full_scans = 0;         // reads of a project's whole name list
  std::uint64_t evictions = 0;
};

inline constexpr int kMaxSimilar = 100;
inline constexpr std::size_t kMaxQueryBytes = 100;  // as a stored name

class StoredNameIndex {
 public:
  // `storage` and `embeddings` are borrowed and must outlive the index.
  StoredNameIndex(storage::Storage& storage, const semantic::Embeddings& embeddings, StoredNameIndexOptions options);
  StoredNameIndex(const StoredNameIndex&) = delete;
  StoredNameIndex& operator=(const StoredNameIndex&) = delete;
  ~StoredNameIndex();  // flush()

  // The k (1..kMaxSimilar) saved names of the project most like `name`. invalid_argument (field
  // "k" or "name") for a bad k, or a name that is empty, longer than 100 bytes, not UTF-8, holds
  // NUL, or has nothing the embeddings know; not_found (field "id") when the project does not
  // exist; storage errors as they come. Ownership is the caller's business.
  Result<SimilarNames> similar(std::string_view project_id, std::string_view name, int k);

  // The project was deleted: drops it from memory and removes its files. Does not wait for a
  // query of that project in progress (which then finds the project gone).
  void forget(std::string_view project_id);

  // Saves every project in memory that changed since it was saved; the first error is returned
  // after trying them all.
  Status flush();

  NameIndexStats stats() const;
  const std::string& embeddings_fingerprint() const { return fingerprint_; }

 private:
  struct Project;  // one project's names under its own lock

  std::shared_ptr<Project> acquire(std::string_view project_id);
  Status ensure_loaded(Project& project);
  Status catch_up(Project& project);
  Result<std::int64_t> scan(Project& project, std::string after);
  Status save(Project& project);
  semantic::IndexParams params() const;

  storage::Storage& storage_;
  const semantic::Embeddings& embeddings_;
  StoredNameIndexOptions options_;
  std::string fingerprint_;

  mutable std::mutex table_mutex_;
  std::list<std::string> recency_;  // most recently asked first
  std::unordered_map<std::string, std::shared_ptr<Project>, StringHash, std::equal_to<>> projects_;

  std::atomic<std::uint64_t> names_embedded_{0}, files_loaded_{0}, files_rejected_{0}, files_saved_{0},
      full_scans_{0}, evictions_{0};
};

}  // namespace snai::name_index
