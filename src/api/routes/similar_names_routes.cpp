#include "api/routes/similar_names_routes.hpp"

#include <cmath>

#include "api/middleware/tenancy.hpp"
#include "api/routes/project_json.hpp"
#include "api/routes/query_params.hpp"
#include "api/server/error_response.hpp"
#include "name_index/stored_name_index.hpp"

namespace snai::api {
namespace {

constexpr int kDefaultK = 10;

struct SimilarQuery {
  std::string name;
  int k = kDefaultK;
};

Result<SimilarQuery> parse_similar_query(std::string_view text) {
  auto query = parse_query(text, {"name", "k"});
  if (!query) return fail(query.error());
  SimilarQuery out;
  auto name = query->get("name");
  if (!name || name->empty()) return fail(ErrorCode::invalid_argument, "name is required", "name");
  out.name = std::string(*name);
  auto k = query->integer("k", 1, name_index::kMaxSimilar, kDefaultK);
  if (!k) return fail(k.error());
  out.k = *k;
  return out;
}

nlohmann::json similar_json(const std::string& query, const name_index::SimilarNames& found) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : found.similar) {
    nlohmann::json item = name_json(s.name, std::nullopt);
    item.erase("feedback");  // a verdict per name would cost a query per name; the list route has it
    item["similarity"] = std::round(static_cast<double>(s.similarity) * 1e4) / 1e4;
    items.push_back(std::move(item));
  }
  return {{"query", query}, {"saved", found.saved}, {"similar", std::move(items)}};
}

}  // namespace

void add_similar_names_routes(Router& router, const ServerDeps& deps) {
  storage::Storage* storage = &deps.storage;
  name_index::StoredNameIndex* index = deps.name_index;

  router.get("/v1/projects/:id/names/similar", with_caller([storage, index](const Request& http, const Caller& caller) {
    if (index == nullptr)
      return error_response({ErrorCode::unavailable, "naming data is not built: run `snai data build`", ""});
    // Everything touches storage (and a first query builds the index): off the event loop.
    return answer_later([storage, index, caller, id = std::string(http.param("id").value_or("")),
                         text = std::string(http.query())]() -> Response {
      // Ownership first: a foreign id is 404 even when the query is also wrong.
      auto project = owned_project(*storage, caller, id);
      if (!project) return error_response(project.error());
      auto query = parse_similar_query(text);
      if (!query) return error_response(query.error());
      auto found = index->similar(project->id, query->name, query->k);
      if (!found) return error_response(found.error());
      return json_response(200, similar_json(query->name, *found));
    });
  }), Access::key_required);
}

}  // namespace snai::api
