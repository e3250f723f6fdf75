#include "api/routes/project_export.hpp"

#include <cctype>
#include <fmt/format.h>

#include "api/routes/project_json.hpp"
#include "api/routes/query_params.hpp"
#include "api/server/error_response.hpp"

namespace snai::api {
namespace {

constexpr std::size_t kMaxSlugChars = 60;

Result<std::vector<storage::ReviewedName>> all_names(storage::Storage& storage, const storage::Project& project,
                                                     const Caller& caller) {
  std::vector<storage::ReviewedName> names;
  storage::PageRequest page{.limit = 1000};
  while (true) {
    auto batch = storage.list_reviewed_names(project.id, caller.user_id, page);
    if (!batch) return fail(batch.error());
    for (auto& n : batch->items) names.push_back(std::move(n));
    if (batch->next.empty()) return names;
    page.after = batch->next;
  }
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

std::string names_csv(const std::vector<storage::ReviewedName>& names) {
  std::string out = "name,style,score,parts,feedback\r\n";
  for (const auto& [name, feedback] : names) {
    out += csv_cell(name.name);
    out += ',';
    out += csv_cell(name.style);
    out += ',';
    out += fmt::format("{}", name.score);  // a number the server wrote: never a formula
    out += ',';
    out += csv_cell(join(name.parts, ";"));
    out += ',';
    out += feedback ? csv_cell(storage::to_string(*feedback)) : "";
    out += "\r\n";
  }
  return out;
}

}  // namespace

std::string csv_cell(std::string_view text) {
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) cell += '\'';
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string export_filename(const storage::Project& project, std::string_view extension) {
  std::string slug;
  for (unsigned char c : project.description) {
    if (slug.size() >= kMaxSlugChars) break;
    if (std::isalnum(c) && c < 0x80) {
      slug += static_cast<char>(std::tolower(c));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.empty()) slug = "project-" + project.id;
  return fmt::format("{}.{}", slug, extension);
}

Response export_project(storage::Storage& storage, const storage::Project& project, const Caller& caller,
                        std::string_view query) {
  auto params = parse_query(query, {"format"});
  if (!params) return error_response(params.error());
  std::string_view format = params->get("format").value_or("csv");
  if (format != "csv" && format != "json")
    return error_response(Error{ErrorCode::invalid_argument, "format must be csv or json", "format"});
  auto names = all_names(storage, project, caller);
  if (!names) return error_response(names.error());

  Response response;
  if (format == "csv") {
    response.body = names_csv(*names);
    response.content_type = "text/csv; charset=utf-8";
  } else {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& n : *names) items.push_back(name_json(n));
    response.body = dump_json({{"project", project_json(project)}, {"names", std::move(items)}});
  }
  response.headers.emplace_back("Content-Disposition",
                                fmt::format("attachment; filename=\"{}\"", export_filename(project, format)));
  return response;
}

}  // namespace snai::api
