// The JSON shapes of the resource routes, in one place so every route (and the export)
// shows a project or a name the same way:
//   project: {"id","description","keywords","constraints","created_ms"}
//   name:    {"id","name","style","score","parts","created_ms","feedback"}  feedback: "favorite"|"dismiss"|null
//
//   return json_response(200, project_json(*project));
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

#include "storage/storage.hpp"

namespace snai::api {

nlohmann::json project_json(const storage::Project& project);
nlohmann::json name_json(const storage::GeneratedName& name, std::optional<storage::FeedbackKind> feedback);
nlohmann::json name_json(const storage::ReviewedName& reviewed);

}  // namespace snai::api
