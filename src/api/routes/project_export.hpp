// GET /v1/projects/:id/export?format=csv|json — every name of a project with the caller's
// verdict, as a download. CSV is RFC 4180 (CRLF rows, quoted when a cell holds , " CR or LF)
// with the header name,style,score,parts,feedback (parts joined by ";"), and every text cell
// that a spreadsheet would run as a formula (starting with = + - @ TAB CR) gets a leading
// ' (OWASP CSV injection). JSON is {"project":{...},"names":[...]} (project_json.hpp).
// format defaults to csv; anything else is a 400 naming "format".
//
//   return export_project(storage, *project, caller, request.query());   // after owned_project()
#pragma once

#include <string>
#include <string_view>

#include "api/server/caller.hpp"
#include "api/server/response.hpp"
#include "storage/storage.hpp"

namespace snai::api {

Response export_project(storage::Storage& storage, const storage::Project& project, const Caller& caller,
                        std::string_view query);

// One CSV cell, guarded and quoted as above.
std::string csv_cell(std::string_view text);

// "ai-note-taking-for-doctors.csv": the description as an ASCII slug (safe inside a quoted
// Content-Disposition filename), or "project-<id>" when nothing of it is left.
std::string export_filename(const storage::Project& project, std::string_view extension);

}  // namespace snai::api
