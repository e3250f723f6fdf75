// ProjectNames' two files. The .json file is written after the .hnsw file and lists exactly the
// labels the index must hold, so a pair torn by a crash, or by two writers (two instances sharing
// a var dir), is caught on load and rebuilt from storage instead of answering from it.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <system_error>

#include "core/file_io.hpp"
#include "name_index/project_names.hpp"

namespace snai::name_index {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kFormat = 1;

fs::path names_path(const fs::path& dir, std::string_view project_id) {
  return dir / (std::string(project_id) + ".json");
}
fs::path index_path(const fs::path& dir, std::string_view project_id) {
  return dir / (std::string(project_id) + ".hnsw");
}

// Fields read without throwing: a wrong type reads as the empty value, which no check accepts.
std::string string_field(const json& doc, const char* key) {
  auto it = doc.find(key);
  return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::int64_t int_field(const json& doc, const char* key) {
  auto it = doc.find(key);
  return it != doc.end() && it->is_number_integer() ? it->get<std::int64_t>() : -1;
}

json name_row(const storage::GeneratedName& n) {
  return json::array({n.id, n.name, n.style, n.score, n.parts, n.created_ms});
}

Result<storage::GeneratedName> read_row(const json& row, std::string_view project_id) {
  if (!row.is_array() || row.size() != 6 || !row[0].is_string() || !row[1].is_string() || !row[2].is_string() ||
      !row[3].is_number() || !row[4].is_array() || !row[5].is_number_integer())
    return fail(ErrorCode::data_corrupt, "a name row is malformed", "names");
  storage::GeneratedName n;
  n.id = row[0].get<std::string>();
  n.project_id = std::string(project_id);
  n.name = row[1].get<std::string>();
  n.style = row[2].get<std::string>();
  n.score = row[3].get<double>();
  for (const auto& part : row[4]) {
    if (!part.is_string()) return fail(ErrorCode::data_corrupt, "a name's parts are malformed", "names");
    n.parts.push_back(part.get<std::string>());
  }
  n.created_ms = row[5].get<std::int64_t>();
  if (n.id.empty()) return fail(ErrorCode::data_corrupt, "a name row has no id", "names");
  return n;
}

}  // namespace

Status ProjectNames::save(const fs::path& dir, std::string_view fingerprint) const {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) return fail(ErrorCode::unavailable, fmt::format("cannot create {}: {}", dir.string(), error.message()), "path");
  if (auto saved = index_.save(index_path(dir, project_id_)); !saved) return saved;
  json rows = json::array();
  for (const auto& [id, name] : names_) rows.push_back(name_row(name));
  json without = json::array();
  for (const auto& id : without_vector_) without.push_back(id);
  const json doc = {{"format", kFormat},     {"project_id", project_id_}, {"embeddings", fingerprint},
                    {"dim", index_.dim()},   {"names", std::move(rows)},  {"without_vector", std::move(without)}};
  return write_file_atomically(names_path(dir, project_id_), doc.dump());
}

void ProjectNames::remove_files(const fs::path& dir, std::string_view project_id) {
  std::error_code ignored;
  fs::remove(names_path(dir, project_id), ignored);
  fs::remove(index_path(dir, project_id), ignored);
}

Result<ProjectNames> ProjectNames::load(const fs::path& dir, std::string_view project_id, std::string_view fingerprint,
                                        const semantic::IndexParams& params) {
  auto text = read_file(names_path(dir, project_id));
  if (!text) return fail(text.error());
  const json doc = json::parse(*text, nullptr, /*allow_exceptions=*/false);
  auto corrupt = [&](std::string_view why) {
    return fail(ErrorCode::data_corrupt, fmt::format("{}: {}", names_path(dir, project_id).string(), why), "path");
  };
  if (!doc.is_object() || !doc.contains("names") || !doc["names"].is_array() || !doc.contains("without_vector") ||
      !doc["without_vector"].is_array())
    return corrupt("not a name index file");
  if (int_field(doc, "format") != kFormat || string_field(doc, "project_id") != project_id ||
      string_field(doc, "embeddings") != fingerprint || int_field(doc, "dim") != params.dim)
    return fail(ErrorCode::failed_precondition, "written for another format, project or embeddings", "path");

  auto index = semantic::VectorIndex::load(index_path(dir, project_id));
  if (!index) return fail(index.error());
  const semantic::IndexParams built = index->params();
  if (built.dim != params.dim || built.M != params.M || built.ef_construction != params.ef_construction)
    return fail(ErrorCode::failed_precondition, "built with other index parameters", "path");
  if (index->size() != doc["names"].size()) return corrupt("the index and the names disagree");

  ProjectNames names(std::string(project_id), std::move(*index));
  for (const auto& row : doc["names"]) {
    auto name = read_row(row, project_id);
    if (!name) return corrupt(name.error().message);
    if (!names.index_.contains(name->id) || names.names_.contains(name->id)) return corrupt("the index and the names disagree");
    names.remember(std::move(*name));
  }
  for (const auto& id : doc["without_vector"]) {
    if (!id.is_string() || id.get<std::string>().empty()) return corrupt("a name id is malformed");
    if (names.knows(id.get<std::string>())) return corrupt("a name is listed twice");
    names.without_vector_.insert(id.get<std::string>());
    names.note_id(id.get<std::string>());
  }
  names.set_ef_search(params.ef_search);
  return names;
}

}  // namespace snai::name_index
