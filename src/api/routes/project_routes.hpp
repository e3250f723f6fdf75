// The project routes (all need an API key; a caller sees only its own projects, tenancy.hpp):
//   POST   /v1/projects                 {description, keywords?, constraints?} -> 201 project
//   GET    /v1/projects?limit=&after=   the caller's projects, newest first: {"projects":[...],"next"}
//   GET    /v1/projects/:id             project + "counts" {names,favorites,dismissed} + "shortlist" [names]
//   PATCH  /v1/projects/:id             {description?, keywords?, constraints?} -> project
//   DELETE /v1/projects/:id             -> 204 (its names and feedback go too)
//   GET    /v1/projects/:id/names?limit=&after=   {"names":[...],"next"}, each with the caller's verdict
//   POST   /v1/projects/:id/names       {names:[{name,style,score,parts?}]} 1-1000, all or nothing -> 201
//   GET    /v1/projects/:id/export?format=csv|json   (project_export.hpp)
//
//   add_project_routes(router, deps);
#pragma once

#include "api/server/router.hpp"
#include "api/server/server_deps.hpp"

namespace snai::api {

void add_project_routes(Router& router, const ServerDeps& deps);

}  // namespace snai::api
