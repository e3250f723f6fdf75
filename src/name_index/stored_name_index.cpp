#include "name_index/stored_name_index.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>

#include "core/id.hpp"
#include "core/utf8.hpp"

namespace snai::name_index {
namespace {

constexpr int kPageSize = 1000;  // the most list_names gives at once

// Vectors of a few fixed texts identify the embeddings: a rebuilt model gives other vectors, and
// an index of the old ones would answer by another model's idea of similarity.
std::string fingerprint_of(const semantic::Embeddings& embeddings) {
  std::string bytes = fmt::format("dim={};", embeddings.dim());
  for (const char* probe : {"notely", "scribe", "startup name", "zq"}) {
    const std::vector<float> v = embeddings.vector(probe);
    bytes.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(float));
  }
  return sha256_hex(bytes).substr(0, 16);
}

// Project ids become file names: only what a UUID is made of.
bool usable_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::ranges::all_of(id, [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
  });
}

Error project_not_found(std::string_view id) {
  return Error{ErrorCode::not_found, fmt::format("project {} does not exist", id), "id"};
}

Status check_query(std::string_view name, int k) {
  if (k < 1 || k > kMaxSimilar)
    return fail(ErrorCode::invalid_argument, fmt::format("k must be between 1 and {}", kMaxSimilar), "k");
  if (name.empty()) return fail(ErrorCode::invalid_argument, "name is required", "name");
  if (name.size() > kMaxQueryBytes)
    return fail(ErrorCode::invalid_argument, fmt::format("name is longer than {} bytes", kMaxQueryBytes), "name");
  if (!is_valid_utf8(name)) return fail(ErrorCode::invalid_argument, "name is not valid UTF-8", "name");
  if (name.find('\0') != std::string_view::npos)
    return fail(ErrorCode::invalid_argument, "name contains a NUL character", "name");
  return ok();
}

}  // namespace

struct StoredNameIndex::Project {
  explicit Project(std::string project_id) : id(std::move(project_id)) {}
  const std::string id;
  std::list<std::string>::iterator recency;  // under table_mutex_
  std::atomic<bool> forgotten{false};
  std::mutex mutex;                          // guards what follows
  std::optional<ProjectNames> names;         // absent until first asked
  std::int64_t saved_seen = 0;               // names_->seen() when last saved or loaded
};

StoredNameIndexOptions StoredNameIndexOptions::from(const Config& config) {
  StoredNameIndexOptions options;
  options.dir = std::filesystem::path(config.storage.data_dir) / "indexes" / "names";
  options.M = config.semantic.index_m;
  options.ef_construction = config.semantic.index_ef_construction;
  options.ef_search = config.semantic.index_ef_search;
  options.max_projects = static_cast<std::size_t>(std::max(1, config.semantic.name_index_projects));
  return options;
}

StoredNameIndex::StoredNameIndex(storage::Storage& storage, const semantic::Embeddings& embeddings,
                                 StoredNameIndexOptions options)
    : storage_(storage), embeddings_(embeddings), options_(std::move(options)), fingerprint_(fingerprint_of(embeddings)) {
  options_.max_projects = std::max<std::size_t>(options_.max_projects, 1);
  options_.save_every = std::max(options_.save_every, 1);
}

StoredNameIndex::~StoredNameIndex() {
  if (auto flushed = flush(); !flushed) spdlog::warn("name index: not all projects saved: {}", flushed.error().message);
}

semantic::IndexParams StoredNameIndex::params() const {
  return {.dim = embeddings_.dim(), .max_elements = 64, .M = options_.M, .ef_construction = options_.ef_construction,
          .ef_search = options_.ef_search};
}

Result<SimilarNames> StoredNameIndex::similar(std::string_view project_id, std::string_view name, int k) {
  if (auto checked = check_query(name, k); !checked) return fail(checked.error());
  if (!usable_id(project_id)) return fail(project_not_found(project_id));
  const std::vector<float> query = embeddings_.vector(name);
  if (std::ranges::all_of(query, [](float x) { return x == 0.0f; }))
    return fail(ErrorCode::invalid_argument, "name has nothing to compare by: no letters the embeddings know", "name");

  auto project = acquire(project_id);
  std::lock_guard lock(project->mutex);
  if (project->forgotten) return fail(project_not_found(project_id));
  if (auto loaded = ensure_loaded(*project); !loaded) return fail(loaded.error());
  if (auto current = catch_up(*project); !current) return fail(current.error());

  const std::string folded = fold_case(name);
  auto hits = project->names->search(query, k, folded);
  if (!hits) return fail(hits.error());
  return SimilarNames{std::move(*hits), project->names->holds_name(folded)};
}

std::shared_ptr<StoredNameIndex::Project> StoredNameIndex::acquire(std::string_view project_id) {
  std::shared_ptr<Project> project;
  std::vector<std::shared_ptr<Project>> evicted;
  {
    std::lock_guard lock(table_mutex_);
    if (auto it = projects_.find(project_id); it != projects_.end()) {
      project = it->second;
      recency_.splice(recency_.begin(), recency_, project->recency);
    } else {
      project = std::make_shared<Project>(std::string(project_id));
      recency_.push_front(project->id);
      project->recency = recency_.begin();
      projects_.emplace(project->id, project);
    }
    while (projects_.size() > options_.max_projects) {
      auto it = projects_.find(recency_.back());
      evicted.push_back(it->second);
      projects_.erase(it);
      recency_.pop_back();
      ++evictions_;
    }
  }
  // Saved outside the table lock: other projects' queries go on meanwhile.
  for (const auto& gone : evicted) {
    std::lock_guard lock(gone->mutex);
    if (!gone->forgotten && gone->names && gone->names->seen() != gone->saved_seen) (void)save(*gone);
  }
  return project;
}

Status StoredNameIndex::ensure_loaded(Project& project) {
  if (project.names) return ok();
  if (!options_.dir.empty()) {
    auto loaded = ProjectNames::load(options_.dir, project.id, fingerprint_, params());
    if (loaded) {
      project.names = std::move(*loaded);
      project.saved_seen = project.names->seen();
      ++files_loaded_;
      return ok();
    }
    if (loaded.error().code != ErrorCode::not_found) {
      ++files_rejected_;
      spdlog::warn("name index of project {} rebuilt from storage: {}", project.id, loaded.error().message);
    }
  }
  auto fresh = ProjectNames::create(project.id, params());
  if (!fresh) return fail(fresh.error());
  project.names = std::move(*fresh);
  project.saved_seen = 0;
  return ok();
}

Status StoredNameIndex::catch_up(Project& project) {
  auto counts = storage_.count_names(project.id, "");
  if (!counts) return fail(counts.error());
  const std::int64_t stored = counts->names;
  // Fewer names than taken in can only mean the project went (and its names with it).
  if (stored == 0 || stored < project.names->seen()) {
    auto exists = storage_.get_project(project.id);
    if (!exists && exists.error().code == ErrorCode::not_found) {
      forget(project.id);
      return fail(project_not_found(project.id));
    }
    if (!exists) return fail(exists.error());
    if (stored < project.names->seen()) {  // another database's history: start over
      spdlog::warn("name index of project {} holds {} names, storage {}: rebuilt", project.id,
                   project.names->seen(), stored);
      auto fresh = ProjectNames::create(project.id, params());
      if (!fresh) return fail(fresh.error());
      project.names = std::move(*fresh);
      project.saved_seen = -1;  // the files are wrong too: save whatever comes next
    }
  }
  if (stored > project.names->seen()) {
    // Storage pages names by id (both backends: `id > cursor ORDER BY id`), so the greatest id
    // seen resumes the list. Ids of concurrent transactions can commit out of order, leaving an
    // older id unseen behind the mark: then one full scan picks up what is missing.
    auto resumed = scan(project, project.names->last_id());
    if (!resumed && resumed.error().code != ErrorCode::invalid_argument) return fail(resumed.error());
    if (project.names->seen() < stored) {
      ++full_scans_;
      if (auto full = scan(project, ""); !full) return fail(full.error());
    }
  }
  const std::int64_t unsaved = project.names->seen() - project.saved_seen;
  if (unsaved != 0 && (project.saved_seen <= 0 || unsaved >= options_.save_every)) (void)save(project);
  return ok();
}

Result<std::int64_t> StoredNameIndex::scan(Project& project, std::string after) {
  std::int64_t added = 0;
  while (true) {
    auto page = storage_.list_names(project.id, {.after = after, .limit = kPageSize});
    if (!page) return fail(page.error());
    for (const auto& name : page->items) {
      auto taken = project.names->add(name, embeddings_);
      if (!taken) return fail(taken.error());
      if (*taken) {
        ++added;
        ++names_embedded_;
      }
    }
    if (page->next.empty()) return added;
    after = std::move(page->next);
  }
}

Status StoredNameIndex::save(Project& project) {
  if (options_.dir.empty() || project.forgotten) {
    project.saved_seen = project.names->seen();
    return ok();
  }
  auto saved = project.names->save(options_.dir, fingerprint_);
  if (!saved) {
    spdlog::warn("name index of project {} not saved: {}", project.id, saved.error().message);
    return saved;
  }
  project.saved_seen = project.names->seen();
  ++files_saved_;
  return ok();
}

void StoredNameIndex::forget(std::string_view project_id) {
  std::shared_ptr<Project> project;
  {
    std::lock_guard lock(table_mutex_);
    if (auto it = projects_.find(project_id); it != projects_.end()) {
      project = it->second;
      recency_.erase(project->recency);
      projects_.erase(it);
    }
  }
  if (project) project->forgotten = true;
  if (!options_.dir.empty() && usable_id(project_id)) ProjectNames::remove_files(options_.dir, project_id);
}

Status StoredNameIndex::flush() {
  std::vector<std::shared_ptr<Project>> all;
  {
    std::lock_guard lock(table_mutex_);
    for (const auto& [id, project] : projects_) all.push_back(project);
  }
  Status first = ok();
  for (const auto& project : all) {
    std::lock_guard lock(project->mutex);
    if (project->forgotten || !project->names || project->names->seen() == project->saved_seen) continue;
    if (auto saved = save(*project); !saved && first) first = saved;
  }
  return first;
}

NameIndexStats StoredNameIndex::stats() const {
  NameIndexStats s;
  {
    std::lock_guard lock(table_mutex_);
    s.projects_in_memory = projects_.size();
  }
  s.names_embedded = names_embedded_;
  s.files_loaded = files_loaded_;
  s.files_rejected = files_rejected_;
  s.files_saved = files_saved_;
  s.full_scans = full_scans_;
  s.evictions = evictions_;
  return s;
}

}  // namespace snai::name_index
