#include "name_index/project_names.hpp"

#include <algorithm>

namespace snai::name_index {

std::string fold_case(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

Result<ProjectNames> ProjectNames::create(std::string project_id, const semantic::IndexParams& params) {
  auto index = semantic::VectorIndex::create(params);
  if (!index) return fail(index.error());
  return ProjectNames(std::move(project_id), std::move(*index));
}

ProjectNames::ProjectNames(std::string project_id, semantic::VectorIndex index)
    : project_id_(std::move(project_id)), index_(std::move(index)) {}

Result<bool> ProjectNames::add(const storage::GeneratedName& name, const semantic::Embeddings& embeddings) {
  if (knows(name.id)) return false;
  const std::vector<float> vector = embeddings.vector(name.name);
  const bool has_vector = std::ranges::any_of(vector, [](float x) { return x != 0.0f; });
  if (!has_vector) {
    without_vector_.insert(name.id);
    note_id(name.id);
    return true;
  }
  if (auto added = index_.add(name.id, vector); !added) return fail(added.error());
  remember(name);
  return true;
}

void ProjectNames::remember(storage::GeneratedName name) {
  ++folded_counts_[fold_case(name.name)];
  note_id(name.id);
  std::string id = name.id;
  names_.insert_or_assign(std::move(id), std::move(name));
}

void ProjectNames::note_id(std::string_view id) {
  if (id > last_id_) last_id_ = std::string(id);
}

Result<std::vector<SimilarName>> ProjectNames::search(std::span<const float> query, int k,
                                                      std::string_view exclude_folded) const {
  std::vector<SimilarName> out;
  if (index_.size() == 0) return out;
  // Names equal to the query would take places in the answer: ask for that many more.
  const auto excluded = folded_counts_.find(exclude_folded);
  const int extra = excluded == folded_counts_.end() ? 0 : excluded->second;
  auto hits = index_.search(query, k + extra);
  if (!hits) return fail(hits.error());
  for (const auto& hit : *hits) {
    auto it = names_.find(hit.label);
    if (it == names_.end()) continue;
    if (extra > 0 && fold_case(it->second.name) == exclude_folded) continue;
    out.push_back({it->second, hit.similarity});
    if (static_cast<int>(out.size()) == k) break;
  }
  return out;
}

bool ProjectNames::knows(std::string_view name_id) const {
  return names_.contains(name_id) || without_vector_.contains(name_id);
}

bool ProjectNames::holds_name(std::string_view folded) const { return folded_counts_.contains(folded); }

std::int64_t ProjectNames::seen() const {
  return static_cast<std::int64_t>(names_.size() + without_vector_.size());
}

}  // namespace snai::name_index
