// ProjectNames: one project's stored names and an HNSW index of their embeddings (label = name
// id), with what is needed to answer without asking storage again: each name's fields, and which
// names have been seen (also the few without a vector). Saved to two files in a directory,
// <project>.hnsw (VectorIndex::save) and <project>.json (the names), and loaded only when both
// agree with each other and with the embeddings in use. Not thread-safe: StoredNameIndex locks.
//
//   auto names = ProjectNames::create(project_id, params);
//   names->add(stored_name, embeddings);                      // embeds it; idempotent by id
//   auto hits = names->search(embeddings.vector("Notelo"), 10, "notelo");
//   names->save(dir, fingerprint);
//   auto again = ProjectNames::load(dir, project_id, fingerprint, params);  // data_corrupt / stale
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/result.hpp"
#include "core/text.hpp"
#include "semantic/embeddings.hpp"
#include "semantic/vector_index.hpp"
#include "storage/storage.hpp"

namespace snai::name_index {

struct SimilarName {
  storage::GeneratedName name;
  float similarity = 0;  // cosine of the two names' embeddings
};

// ASCII letters lower-cased: how names are compared for "the same name".
std::string fold_case(std::string_view name);

class ProjectNames {
 public:
  // An empty index; params.dim must be the embeddings' dimension.
  static Result<ProjectNames> create(std::string project_id, const semantic::IndexParams& params);

  // Reads <dir>/<project>.json and <dir>/<project>.hnsw. not_found when either is missing;
  // failed_precondition when they were written for other embeddings (fingerprint) or other index
  // parameters (dim, M, ef_construction); data_corrupt when they are unreadable or disagree.
  static Result<ProjectNames> load(const std::filesystem::path& dir, std::string_view project_id,
                                   std::string_view fingerprint, const semantic::IndexParams& params);

  // Writes both files atomically each (the index first, then the names that vouch for it).
  Status save(const std::filesystem::path& dir, std::string_view fingerprint) const;

  // Removes both files of a project (missing files are fine).
  static void remove_files(const std::filesystem::path& dir, std::string_view project_id);

  // Takes in a stored name: its vector goes into the index; a name without one (no letters the
  // embeddings know) is only remembered as seen. A name already seen is ignored. Returns whether
  // it was new.
  Result<bool> add(const storage::GeneratedName& name, const semantic::Embeddings& embeddings);

  // The k names most similar to `query` (a unit vector), best first, leaving out names whose
  // fold_case() equals `exclude_folded` (the query itself).
  Result<std::vector<SimilarName>> search(std::span<const float> query, int k,
                                          std::string_view exclude_folded) const;

  bool knows(std::string_view name_id) const;
  bool holds_name(std::string_view folded) const;  // a name equal to it (fold_case) is stored
  std::int64_t seen() const;                       // names taken in, with or without a vector
  const std::string& last_id() const { return last_id_; }  // the greatest name id seen
  const std::string& project_id() const { return project_id_; }
  void set_ef_search(int ef) { index_.set_ef_search(ef); }

 private:
  ProjectNames(std::string project_id, semantic::VectorIndex index);
  void remember(storage::GeneratedName name);  // bookkeeping of a name already in index_
  void note_id(std::string_view id);

  std::string project_id_;
  semantic::VectorIndex index_;
  std::unordered_map<std::string, storage::GeneratedName, StringHash, std::equal_to<>> names_;  // id -> fields
  std::unordered_set<std::string, StringHash, std::equal_to<>> without_vector_;                 // ids
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> folded_counts_;             // fold_case(name)
  std::string last_id_;
};

}  // namespace snai::name_index
